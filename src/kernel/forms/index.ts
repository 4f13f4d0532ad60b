/**
 * Forms as data: the definition types, their import check, and the validation the portal and
 * the server share. Everything exported here is pure TypeScript importing nothing outside this
 * folder, so web/ bundles it as it is. The JSON schema for the server's routes lives apart, in
 * form-definition.schema.ts, because it needs TypeBox.
 */
export type {
  FormCondition,
  FormDefinition,
  FormField,
  FormFieldType,
  FormOption,
  FormSection,
  FormValue,
  FormValues,
  LocalText,
} from './form-definition';
export type { FormError, FormErrorCode } from './form-error';
export {
  conditionHolds,
  fieldApplies,
  fieldRequired,
  isGiven,
  MAX_CONDITION_DEPTH,
  sectionApplies,
  type ConditionValues,
} from './conditions';
export { whatApplies, type ApplicableParts } from './read-form';
export { validateForm, type FormValidation, type ValidateFormOptions } from './validate-form';
export {
  checkFormDefinition,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from './check-definition';
export { FORM_FIELD_TYPES } from './field-types';
