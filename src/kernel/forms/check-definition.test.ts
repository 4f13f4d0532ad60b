import { describe, expect, it } from 'vitest';
import { checkFormDefinition, type DefinitionProblemCode } from './check-definition';
import { MAX_CONDITION_DEPTH } from './conditions';
import { birthRegistration, stormDamageSupport } from './example-forms.test-support';
import type { FormCondition, FormDefinition, FormField } from './form-definition';

const t = (vi: string, en: string) => ({ vi, en });
const relationship: FormField = {
  id: 'relationship',
  type: 'radio',
  label: t('Quan hệ', 'Relationship'),
  options: [
    { value: 'parent', label: t('Cha, mẹ', 'Parent') },
    { value: 'other', label: t('Khác', 'Other') },
  ],
};
const declared: FormField = { id: 'declared', type: 'checkbox', label: t('Cam đoan', 'I declare') };

/** A one-section form holding the given fields after `relationship` and `declared`. */
function formWith(...fields: FormField[]): FormDefinition {
  return {
    version: 1,
    sections: [
      { id: 'main', title: t('Chính', 'Main'), fields: [relationship, declared, ...fields] },
    ],
  };
}
const codes = (definition: FormDefinition) => checkFormDefinition(definition).map((p) => p.code);
const field = (extra: Partial<FormField>): FormField => ({
  id: 'note',
  type: 'text',
  label: t('Ghi chú', 'Note'),
  ...extra,
});

describe('checkFormDefinition', () => {
  it('finds nothing wrong with the example forms', () => {
    expect(checkFormDefinition(birthRegistration)).toEqual([]);
    expect(checkFormDefinition(stormDamageSupport)).toEqual([]);
    expect(checkFormDefinition(formWith())).toEqual([]);
  });

  it('says where and what, for the person importing', () => {
    const problems = checkFormDefinition(
      formWith(field({ showIf: { any: [{ field: 'relationship', equals: 'parnet' }] } })),
    );
    expect(problems).toEqual([
      {
        code: 'condition_value',
        path: 'sections[0].fields[2].showIf.any[0].equals',
        message: 'field "relationship" (radio) never holds "parnet"',
      },
    ]);
  });

  it('checks the version, and that there is something to fill in', () => {
    expect(codes({ ...formWith(), version: 2 as 1 })).toEqual(['version']);
    expect(codes({ version: 1, sections: [] })).toEqual(['empty_form']);
    expect(codes({ version: 1, sections: [{ id: 'a', title: t('A', 'A'), fields: [] }] })).toEqual([
      'empty_section',
    ]);
  });

  it('wants plain, unique ids', () => {
    expect(codes(formWith(field({ id: 'Ghi_chu' })))).toEqual(['id_format']);
    expect(codes(formWith(field({ id: 'ghi-chu' })))).toEqual(['id_format']);
    expect(codes(formWith(field({ id: '1st' })))).toEqual(['id_format']);
    expect(codes(formWith(field({ id: 'relationship' })))).toEqual(['duplicate_id']);
    const twoSections = formWith();
    expect(
      codes({
        version: 1,
        sections: [...twoSections.sections, { ...twoSections.sections[0]!, fields: [field({})] }],
      }),
    ).toEqual(['duplicate_id']);
  });

  it('wants every text in Vietnamese and English', () => {
    expect(codes(formWith(field({ label: t('Ghi chú', ' ') })))).toEqual(['empty_label']);
    expect(codes(formWith(field({ help: t('', 'Help') })))).toEqual(['empty_label']);
    const unlabelledOption = {
      ...relationship,
      id: 'kind',
      options: [{ value: 'a', label: t('', '') }],
    };
    expect(codes(formWith(unlabelledOption))).toEqual(['empty_label', 'empty_label']);
  });

  it('refuses unknown types', () => {
    expect(codes(formWith(field({ type: 'colour' as 'text' })))).toEqual(['unknown_type']);
  });

  it('wants options for choices, each once and choosable, and none elsewhere', () => {
    const choice = (options: FormField['options']) => ({ ...relationship, id: 'kind', options });
    expect(codes(formWith(choice([])))).toEqual(['options_missing']);
    expect(codes(formWith({ ...relationship, id: 'kind', options: undefined }))).toEqual([
      'options_missing',
    ]);
    const option = (value: string) => ({ value, label: t('Nhãn', 'Label') });
    expect(codes(formWith(choice([option('a'), option('b'), option('a')])))).toEqual([
      'duplicate_option',
    ]);
    expect(
      codes(formWith(choice([option(''), option(' a'), option('Ễ'.normalize('NFD'))]))),
    ).toEqual(['option_value', 'option_value', 'option_value']);
    expect(codes(formWith(field({ options: [option('a')] })))).toEqual(['not_for_type']);
  });

  it('wants bounds of the right kind, in order, on types that have them', () => {
    expect(codes(formWith(field({ type: 'number', min: '1' })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'number', min: 5, max: 1 })))).toEqual(['min_above_max']);
    expect(codes(formWith(field({ type: 'money', min: 0.5 })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'money', min: -1 })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'date', max: 'tomorrow' })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'date', min: '2025-02-30' })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'date', min: '2025-06-02', max: '2025-06-01' })))).toEqual([
      'min_above_max',
    ]);
    // `today` moves: whether it is above a fixed date is not for the import to judge.
    expect(codes(formWith(field({ type: 'date', min: '2099-01-01', max: 'today' })))).toEqual([]);
    expect(codes(formWith(field({ minLength: 5, maxLength: 2 })))).toEqual(['min_above_max']);
    expect(codes(formWith(field({ maxLength: -1 })))).toEqual(['bad_bound']);
    expect(codes(formWith(field({ type: 'phone', max: 10, maxLength: 12 })))).toEqual([
      'not_for_type',
      'not_for_type',
    ]);
  });

  it('compiles patterns as validation does, with the u flag', () => {
    const pattern = (regex: string) => field({ pattern: { regex, message: t('Sai', 'Wrong') } });
    expect(codes(formWith(pattern('[A-Z')))).toEqual(['invalid_pattern']);
    // Valid without the u flag, an error with it.
    expect(codes(formWith(pattern('\\-[a]{,2}')))).toEqual(['invalid_pattern']);
    expect(codes(formWith(pattern('\\p{Lu}\\d{3}')))).toEqual([]);
    expect(codes(formWith(field({ pattern: { regex: '\\d+', message: t('', '') } })))).toEqual([
      'empty_label',
      'empty_label',
    ]);
  });

  it('lets conditions look only at fields above them', () => {
    const problemsOf = (condition: FormCondition): DefinitionProblemCode[] =>
      codes(formWith(field({ showIf: condition }), field({ id: 'later' })));
    expect(problemsOf({ field: 'relationship', equals: 'other' })).toEqual([]);
    expect(problemsOf({ field: 'later', filled: true })).toEqual(['condition_forward']);
    expect(problemsOf({ field: 'note', filled: true })).toEqual(['condition_forward']);
    expect(problemsOf({ field: 'relation', equals: 'other' })).toEqual(['condition_unknown_field']);
    // A section's condition cannot look at its own fields.
    const looksInside: FormDefinition = {
      version: 1,
      sections: [
        { ...formWith().sections[0]!, showIf: { field: 'relationship', equals: 'other' } },
      ],
    };
    expect(codes(looksInside)).toEqual(['condition_forward']);
  });

  it('checks conditions on `required` too', () => {
    expect(codes(formWith(field({ required: { field: 'note', filled: true } })))).toEqual([
      'condition_forward',
    ]);
  });

  it('refuses values a field can never hold, and conditions that cannot vary', () => {
    const problemsOf = (condition: FormCondition) => codes(formWith(field({ showIf: condition })));
    expect(problemsOf({ field: 'declared', equals: 'true' })).toEqual(['condition_value']);
    expect(problemsOf({ field: 'declared', equals: true })).toEqual([]);
    expect(problemsOf({ field: 'declared', filled: true })).toEqual(['condition_filled_checkbox']);
    expect(problemsOf({ field: 'relationship', in: ['parent', 'guardian'] })).toEqual([
      'condition_value',
    ]);
    expect(problemsOf({ field: 'relationship', in: [] })).toEqual(['condition_empty']);
    expect(problemsOf({ all: [] })).toEqual(['condition_empty']);
    expect(problemsOf({ any: [] })).toEqual(['condition_empty']);
  });

  it(`lets conditions nest ${MAX_CONDITION_DEPTH} deep, no deeper`, () => {
    let condition: FormCondition = { field: 'relationship', equals: 'other' };
    for (let depth = 1; depth < MAX_CONDITION_DEPTH; depth += 1) condition = { not: condition };
    expect(codes(formWith(field({ showIf: condition })))).toEqual([]);
    expect(codes(formWith(field({ showIf: { any: [condition] } })))).toEqual([
      'condition_too_deep',
    ]);
  });
});
