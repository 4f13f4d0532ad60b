import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH } from './conditions';
import { birthRegistration, stormDamageSupport } from './example-forms.test-support';
import { FORM_FIELD_TYPES } from './field-types';
import type { FormCondition, FormDefinition, FormField } from './form-definition';
import { FormDefinitionSchema } from './form-definition.schema';

/**
 * Ajv as the server's Fastify configures it (src/app.ts), coercion included: the schema must
 * survive that, not only a strict validator.
 */
function validator(coerceTypes: 'array' | false) {
  const ajv = new Ajv({
    removeAdditional: false,
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    allowUnionTypes: true,
  });
  const validate = ajv.compile(FormDefinitionSchema);
  /** Whether it passes, and what it became (Ajv coerces in place). */
  return (definition: unknown) => {
    const copy = structuredClone(definition);
    return { valid: validate(copy), after: copy };
  };
}
const check = validator('array');
/** Without coercion, to see what the schema itself refuses (the server's Ajv turns null into ""). */
const checkStrictly = validator(false);
const t = { vi: 'Nhãn', en: 'Label' };

function withCondition(showIf: FormCondition): FormDefinition {
  return {
    version: 1,
    sections: [{ id: 'main', title: t, fields: [{ id: 'note', type: 'text', label: t, showIf }] }],
  };
}

describe('FormDefinitionSchema', () => {
  it('accepts the example forms and leaves them as they were', () => {
    for (const form of [birthRegistration, stormDamageSupport]) {
      expect(check(form)).toEqual({ valid: true, after: form });
    }
  });

  it('keeps numbers and booleans compared in conditions as they are, despite coercion', () => {
    for (const equals of [5, 0, 1, true, false, '5', 'true']) {
      const form = withCondition({ field: 'x', equals });
      expect(check(form), String(equals)).toEqual({ valid: true, after: form });
    }
    const listed = withCondition({ field: 'x', in: [1, '1', 2] });
    expect(check(listed)).toEqual({ valid: true, after: listed });
  });

  it('refuses what the types do not allow', () => {
    const field = (extra: Record<string, unknown>) => ({
      version: 1,
      sections: [
        { id: 'main', title: t, fields: [{ id: 'note', type: 'text', label: t, ...extra }] },
      ],
    });
    expect(checkStrictly({ ...birthRegistration, version: 2 }).valid).toBe(false);
    expect(checkStrictly(field({ type: 'colour' })).valid).toBe(false);
    expect(checkStrictly(field({ placeholder: t })).valid).toBe(false);
    expect(checkStrictly(field({ label: { vi: 'Nhãn' } })).valid).toBe(false);
    expect(checkStrictly(field({ showIf: { field: 'x', equals: 'a', filled: true } })).valid).toBe(
      false,
    );
    expect(checkStrictly(field({ showIf: { field: 'x', equals: null } })).valid).toBe(false);
    expect(checkStrictly(field({ showIf: { field: 'x', in: [true] } })).valid).toBe(false);
    expect(checkStrictly(field({ pattern: { regex: '\\d+' } })).valid).toBe(false);
  });

  it(`spells conditions out ${MAX_CONDITION_DEPTH} deep, no deeper, with no $ref`, () => {
    let condition: FormCondition = { field: 'x', filled: true };
    for (let depth = 1; depth < MAX_CONDITION_DEPTH; depth += 1) condition = { all: [condition] };
    expect(check(withCondition(condition)).valid).toBe(true);
    expect(check(withCondition({ not: condition })).valid).toBe(false);
    // OpenAPI 3.0 has no $defs, and one route may hold two definitions.
    expect(JSON.stringify(FormDefinitionSchema)).not.toMatch(/"\$(ref|id|defs)"/);
  });

  it('accepts every definition the types allow, within the nesting bound', () => {
    const text = fc.record({ vi: fc.string(), en: fc.string() });
    const scalar = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    const comparison: fc.Arbitrary<FormCondition> = fc.oneof(
      fc.record({ field: fc.string(), equals: scalar }),
      fc.record({ field: fc.string(), in: fc.array(fc.oneof(fc.string(), fc.integer())) }),
      fc.record({ field: fc.string(), filled: fc.boolean() }),
    );
    const condition = (depth: number): fc.Arbitrary<FormCondition> =>
      depth <= 1
        ? comparison
        : fc.oneof(
            comparison,
            fc.record({ all: fc.array(condition(depth - 1), { maxLength: 2 }) }),
            fc.record({ any: fc.array(condition(depth - 1), { maxLength: 2 }) }),
            fc.record({ not: condition(depth - 1) }),
          );
    const anyCondition = condition(MAX_CONDITION_DEPTH);
    const bound = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const field: fc.Arbitrary<FormField> = fc.record(
      {
        id: fc.string(),
        type: fc.constantFrom(...FORM_FIELD_TYPES),
        label: text,
        help: text,
        required: fc.oneof(fc.boolean(), anyCondition),
        showIf: anyCondition,
        options: fc.array(fc.record({ value: fc.string(), label: text }), { maxLength: 3 }),
        min: bound,
        max: bound,
        minLength: fc.nat(),
        maxLength: fc.nat(),
        pattern: fc.record({ regex: fc.string(), message: text }),
        personal: fc.boolean(),
      },
      { requiredKeys: ['id', 'type', 'label'] },
    );
    const section = fc.record(
      {
        id: fc.string(),
        title: text,
        description: text,
        showIf: anyCondition,
        fields: fc.array(field, { maxLength: 3 }),
      },
      { requiredKeys: ['id', 'title', 'fields'] },
    );
    const definition = fc.record({
      version: fc.constant(1 as const),
      sections: fc.array(section, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(definition, (form) => {
        expect(check(form)).toEqual({ valid: true, after: form });
      }),
      { numRuns: 200 },
    );
  });
});
