/**
 * The JSON schema of a form definition, for the server's routes (validation and OpenAPI). Not
 * exported by index.ts: it needs TypeBox, and the portal has no use for it.
 *
 * It accepts the shapes form-definition.ts allows, closed to unknown properties; what a shape
 * cannot say (ids, conditions looking back, bounds that fit the type) is checkFormDefinition's.
 *
 * Two choices made for the server's Ajv, which coerces types (`coerceTypes: 'array'`):
 * - `string | number | boolean` is one `type` list, not `anyOf`: Ajv coerces inside `anyOf`
 *   branch by branch, so `equals: 5` would come out as `"5"` from a first `string` branch, and
 *   `true` as `"true"`; with a type list it only coerces values of none of the types. The cost
 *   is a "strictTypes" warning when Ajv compiles it, unless `allowUnionTypes` is set;
 *   @fastify/swagger writes the list as `anyOf` in the OpenAPI 3.0 document.
 * - Conditions are spelt out MAX_CONDITION_DEPTH levels deep instead of a recursive `$ref`:
 *   TypeBox's `Type.Cyclic` gives each definition an `$id` and `$defs`, which OpenAPI 3.0 does
 *   not have and which Ajv refuses as ambiguous when one route schema holds two definitions
 *   (a procedure and its draft, a list). The bound is one checkFormDefinition enforces anyway.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../geo/geo.schemas';
import { MAX_CONDITION_DEPTH } from './conditions';
import { FORM_FIELD_TYPES } from './field-types';
import type { FormCondition, FormDefinition } from './form-definition';

const closed = { additionalProperties: false } as const;

const LocalTextSchema = Type.Object({ vi: Type.String(), en: Type.String() }, closed);

const StringNumberOrBoolean = Type.Unsafe<string | number | boolean>({
  type: ['string', 'number', 'boolean'],
});
const StringOrNumber = Type.Unsafe<string | number>({ type: ['string', 'number'] });

/** Conditions that nest at most `depth` deep, counting the outermost. */
function conditionSchema(depth: number): TSchema {
  const comparisons = [
    Type.Object({ field: Type.String(), equals: StringNumberOrBoolean }, closed),
    Type.Object({ field: Type.String(), in: Type.Array(StringOrNumber) }, closed),
    Type.Object({ field: Type.String(), filled: Type.Boolean() }, closed),
  ];
  if (depth <= 1) return Type.Union(comparisons);
  const inner = conditionSchema(depth - 1);
  return Type.Union([
    ...comparisons,
    Type.Object({ all: Type.Array(inner) }, closed),
    Type.Object({ any: Type.Array(inner) }, closed),
    Type.Object({ not: inner }, closed),
  ]);
}

export const FormConditionSchema = Type.Unsafe<FormCondition>(conditionSchema(MAX_CONDITION_DEPTH));

const FormOptionSchema = Type.Object({ value: Type.String(), label: LocalTextSchema }, closed);

const FormFieldSchema = Type.Object(
  {
    id: Type.String({ description: 'Unique in the form, e.g. child_full_name' }),
    type: StringEnum(FORM_FIELD_TYPES),
    label: LocalTextSchema,
    help: Type.Optional(LocalTextSchema),
    required: Type.Optional(Type.Union([Type.Boolean(), FormConditionSchema])),
    showIf: Type.Optional(FormConditionSchema),
    options: Type.Optional(Type.Array(FormOptionSchema)),
    min: Type.Optional(StringOrNumber),
    max: Type.Optional(StringOrNumber),
    minLength: Type.Optional(Type.Number()),
    maxLength: Type.Optional(Type.Number()),
    pattern: Type.Optional(Type.Object({ regex: Type.String(), message: LocalTextSchema }, closed)),
    personal: Type.Optional(Type.Boolean()),
  },
  closed,
);

const FormSectionSchema = Type.Object(
  {
    id: Type.String(),
    title: LocalTextSchema,
    description: Type.Optional(LocalTextSchema),
    showIf: Type.Optional(FormConditionSchema),
    fields: Type.Array(FormFieldSchema),
  },
  closed,
);

const FormDefinitionShape = Type.Object(
  { version: Type.Literal(1), sections: Type.Array(FormSectionSchema) },
  { ...closed, description: 'Tờ khai — an application form as data (kernel/forms)' },
);

// Whatever the schema accepts must be a FormDefinition: this stops compiling if they drift.
// (The other way round, that every FormDefinition passes, is a property test.)
const _schemaFitsTheTypes = (value: Static<typeof FormDefinitionShape>): FormDefinition => value;
void _schemaFitsTheTypes;

/** Typed as FormDefinition itself, so handlers can answer with the readonly arrays it holds. */
export const FormDefinitionSchema = Type.Unsafe<FormDefinition>(FormDefinitionShape);

/**
 * A submission's values, any JSON per key: validateForm checks them field by field and names
 * the field at fault, which a schema failure (400 on the whole body) would not.
 */
export const FormValuesSchema = Type.Record(Type.String(), Type.Unknown());
