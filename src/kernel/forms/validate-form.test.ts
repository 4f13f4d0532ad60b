import { describe, expect, it } from 'vitest';
import {
  birthRegistration,
  birthRegistrationByMother,
  stormDamageSupport,
} from './example-forms.test-support';
import type { FormDefinition } from './form-definition';
import { validateForm, type FormValidation } from './validate-form';

const today = '2025-06-01';

function errorsOf(result: FormValidation) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.errors;
}
function valuesOf(result: FormValidation) {
  if (!result.ok) throw new Error(`expected values, got ${JSON.stringify(result.errors)}`);
  return result.values;
}
const birth = (changes: Record<string, unknown>) =>
  validateForm(birthRegistration, { ...birthRegistrationByMother(), ...changes }, { today });

describe('validateForm: birth registration', () => {
  it('accepts a mother registering her child, and keeps the values normalised', () => {
    expect(valuesOf(birth({}))).toEqual({
      child_full_name: 'Nguyễn Thị Ánh Dương',
      child_date_of_birth: '2025-03-14',
      child_sex: 'female',
      child_ethnicity: 'kinh',
      birth_weight_kg: 3.2,
      place_of_birth_commune: '06637',
      mother_full_name: 'Trần Thị Hoa',
      mother_citizen_id: '022190001234',
      father_full_name: 'Nguyễn Văn Nam',
      father_citizen_id: '022088005678',
      applicant_relationship: 'parent',
      applicant_phone: '0912345678',
      applicant_email: 'Hoa.Tran@gmail.com',
      // Each option once, in the order the form lists them.
      linked_services: ['residence', 'health_insurance'],
      declaration: true,
    });
  });

  it('names each field at fault, in the order of the form, with what the sentence needs', () => {
    const errors = errorsOf(
      birth({
        child_full_name: 'A',
        child_date_of_birth: '2025-06-02',
        child_sex: 'nam',
        birth_weight_kg: 0.1,
        place_of_birth_commune: 6637,
        mother_full_name: 'Trần Thị Hoa 2',
        mother_citizen_id: '',
        declaration: false,
        nickname: 'Bống',
      }),
    );
    expect(errors).toEqual([
      { field: 'child_full_name', code: 'min_length', params: { min: 2, length: 1 } },
      { field: 'child_date_of_birth', code: 'max', params: { max: '2025-06-01' } },
      { field: 'child_sex', code: 'option' },
      { field: 'birth_weight_kg', code: 'min', params: { min: 0.3 } },
      { field: 'place_of_birth_commune', code: 'type' },
      { field: 'mother_full_name', code: 'pattern' },
      { field: 'mother_citizen_id', code: 'required' },
      { field: 'declaration', code: 'required' },
      { field: 'nickname', code: 'unknown_field' },
    ]);
  });

  it('counts a name longer than the field allows, and a weight above the maximum', () => {
    const errors = errorsOf(birth({ child_full_name: 'Ánh '.repeat(30), birth_weight_kg: '7.5' }));
    expect(errors).toEqual([
      { field: 'child_full_name', code: 'max_length', params: { max: 100, length: 119 } },
      { field: 'birth_weight_kg', code: 'max', params: { max: 7 } },
    ]);
  });

  it('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const date of ['2025-02-29', '14/03/2025', '2025-3-14', 20250314]) {
      expect(errorsOf(birth({ child_date_of_birth: date }))).toEqual([
        { field: 'child_date_of_birth', code: 'type' },
      ]);
    }
    expect(valuesOf(birth({ child_date_of_birth: '2024-02-29' })).child_date_of_birth).toBe(
      '2024-02-29',
    );
  });

  it('requires the declaration to be ticked: missing and false are refused, "true" is not a boolean', () => {
    const { declaration: _, ...withoutDeclaration } = birthRegistrationByMother();
    expect(errorsOf(validateForm(birthRegistration, withoutDeclaration, { today }))).toEqual([
      { field: 'declaration', code: 'required' },
    ]);
    expect(errorsOf(birth({ declaration: 'true' }))).toEqual([
      { field: 'declaration', code: 'type' },
    ]);
  });

  it('shows the section for a grandparent registering, and requires what is in it', () => {
    expect(errorsOf(birth({ applicant_relationship: 'grandparent' }))).toEqual([
      { field: 'applicant_full_name', code: 'required' },
      { field: 'applicant_citizen_id', code: 'required' },
    ]);
    const values = valuesOf(
      birth({
        applicant_relationship: 'grandparent',
        applicant_full_name: 'Trần Văn Bình',
        applicant_citizen_id: '022055000111',
      }),
    );
    expect(values.applicant_full_name).toBe('Trần Văn Bình');
    // Required only for an authorised person.
    expect(values).not.toHaveProperty('authorisation_reference');
  });

  it('requires the authorisation when the condition on `required` holds', () => {
    const errors = errorsOf(
      birth({
        applicant_relationship: 'authorised',
        applicant_full_name: 'Phạm Thu Hà',
        applicant_citizen_id: '022195000222',
      }),
    );
    expect(errors).toEqual([{ field: 'authorisation_reference', code: 'required' }]);
  });

  it('drops, without complaint, what was filled in a section that no longer applies', () => {
    // The person first chose "Ông, bà", filled the section, then changed to "Cha hoặc mẹ".
    const values = valuesOf(
      birth({
        applicant_relationship: 'parent',
        applicant_full_name: 'Trần Văn Bình',
        applicant_citizen_id: 'not a number',
      }),
    );
    expect(values).not.toHaveProperty('applicant_full_name');
    expect(values).not.toHaveProperty('applicant_citizen_id');
  });

  it("asks for the father's number only when his name is given", () => {
    expect(errorsOf(birth({ father_citizen_id: undefined }))).toEqual([
      { field: 'father_citizen_id', code: 'required' },
    ]);
    const values = valuesOf(birth({ father_full_name: '   ', father_citizen_id: '022088005678' }));
    expect(values).not.toHaveProperty('father_full_name');
    expect(values).not.toHaveProperty('father_citizen_id');
  });

  it('treats a name typed with combining marks as the same letters precomposed', () => {
    const composed = 'Nguyễn Thị Ánh Dương';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(valuesOf(birth({ child_full_name: decomposed })).child_full_name).toBe(composed);

    // 100 letters precomposed, 200 UTF-16 units decomposed: still 100 characters.
    const longest = 'Ễ'.repeat(100);
    expect(longest.normalize('NFD').length).toBe(300);
    expect(valuesOf(birth({ child_full_name: longest.normalize('NFD') })).child_full_name).toBe(
      longest,
    );
    expect(errorsOf(birth({ child_full_name: `${longest}Ễ`.normalize('NFD') }))).toEqual([
      { field: 'child_full_name', code: 'max_length', params: { max: 100, length: 101 } },
    ]);
  });

  it('counts characters outside the BMP as one', () => {
    // 𠀧 (U+2002B) is a Hán-Nôm character, two UTF-16 units.
    const result = birth({ child_full_name: '𠀧' });
    expect(errorsOf(result)).toEqual([
      { field: 'child_full_name', code: 'min_length', params: { min: 2, length: 1 } },
    ]);
  });

  it('refuses invisible control characters and line breaks in one-line text', () => {
    for (const name of ['Trần\u0000Hoa', 'Trần\nHoa', 'Trần\uD800Hoa']) {
      expect(errorsOf(birth({ mother_full_name: name }))).toEqual([
        { field: 'mother_full_name', code: 'type' },
      ]);
    }
  });

  it('asks for the number of copies only when copies are ticked', () => {
    expect(errorsOf(birth({ linked_services: ['extra_copies'] }))).toEqual([
      { field: 'extra_copies_count', code: 'required' },
    ]);
    expect(errorsOf(birth({ linked_services: ['extra_copies', 'passport'] }))).toEqual([
      { field: 'linked_services', code: 'option' },
    ]);
    expect(errorsOf(birth({ linked_services: 'residence' }))).toEqual([
      { field: 'linked_services', code: 'type' },
    ]);
  });
});

describe('validateForm: storm damage support', () => {
  const household = {
    head_full_name: 'Vũ Văn Hải',
    head_citizen_id: '022070003456',
    commune: '06637',
    contact_phone: '+84 203.3825.123',
    damage_date: '2024-09-07',
    damage_kinds: ['house', 'aquaculture'],
    house_damage_level: 'over_70',
    aquaculture_area_m2: 1200,
    estimated_loss_vnd: '250000000',
    damage_description: 'Bão số 3 làm tốc mái nhà và vỡ 2 ô lồng bè nuôi hàu.',
    declaration: true,
  };
  const storm = (changes: Record<string, unknown>) =>
    validateForm(stormDamageSupport, { ...household, ...changes }, { today });

  it('keeps money as an integer and the phone without separators', () => {
    const values = valuesOf(storm({}));
    expect(values.estimated_loss_vnd).toBe(250_000_000);
    expect(values.contact_phone).toBe('+842033825123');
    expect(values.poor_household).toBe(false);
  });

  it('refuses amounts that are not whole đồng or below the minimum', () => {
    expect(errorsOf(storm({ estimated_loss_vnd: 1500.5 }))).toEqual([
      { field: 'estimated_loss_vnd', code: 'type' },
    ]);
    expect(errorsOf(storm({ estimated_loss_vnd: '250.000.000' }))).toEqual([
      { field: 'estimated_loss_vnd', code: 'type' },
    ]);
    expect(errorsOf(storm({ estimated_loss_vnd: -5 }))).toEqual([
      { field: 'estimated_loss_vnd', code: 'min', params: { min: 100_000 } },
    ]);
    expect(errorsOf(storm({ damage_date: '2024-09-01' }))).toEqual([
      { field: 'damage_date', code: 'min', params: { min: '2024-09-06' } },
    ]);
  });

  it('refuses an e-mail address longer than SMTP carries', () => {
    const long = `${'a'.repeat(64)}@${'x'.repeat(60)}.${'y'.repeat(60)}.${'z'.repeat(60)}.wwww.vn`;
    expect(errorsOf(storm({ contact_email: long }))).toEqual([
      { field: 'contact_email', code: 'max_length', params: { max: 254, length: 255 } },
    ]);
    expect(errorsOf(storm({ contact_email: 'hai@' }))).toEqual([
      { field: 'contact_email', code: 'type' },
    ]);
  });

  it('shows the certificate field to poor households only, and checks its pattern', () => {
    expect(errorsOf(storm({ poor_household: true }))).toEqual([
      { field: 'poor_household_certificate', code: 'required' },
    ]);
    expect(errorsOf(storm({ poor_household: true, poor_household_certificate: 'hn 12' }))).toEqual([
      { field: 'poor_household_certificate', code: 'pattern' },
    ]);
    expect(valuesOf(storm({ poor_household_certificate: 'HN-12' }))).not.toHaveProperty(
      'poor_household_certificate',
    );
  });

  it('reads conditions on checkboxes as "this option is ticked"', () => {
    const values = valuesOf(storm({ damage_kinds: ['crops'], house_damage_level: 'collapsed' }));
    expect(values).not.toHaveProperty('house_damage_level');
    expect(values).not.toHaveProperty('aquaculture_area_m2');
    expect(errorsOf(storm({ damage_kinds: [] }))).toEqual([
      { field: 'damage_kinds', code: 'required' },
    ]);
  });

  it('checks a textarea by length after trimming', () => {
    expect(errorsOf(storm({ damage_description: '   Tốc mái   ' }))).toEqual([
      { field: 'damage_description', code: 'min_length', params: { min: 10, length: 7 } },
    ]);
  });
});

describe('validateForm: conditions see normalised values', () => {
  const form: FormDefinition = {
    version: 1,
    sections: [
      {
        id: 'household',
        title: { vi: 'Hộ', en: 'Household' },
        fields: [
          { id: 'members', type: 'number', label: { vi: 'Số nhân khẩu', en: 'Members' } },
          {
            id: 'single_reason',
            type: 'text',
            label: { vi: 'Lý do sống một mình', en: 'Why alone' },
            required: true,
            showIf: { field: 'members', equals: 1 },
          },
          // Ids are the form's own; one that happens to name a property of every JS object must
          // not be found on Object.prototype.
          { id: 'constructor', type: 'text', label: { vi: 'Ghi chú', en: 'Note' } },
        ],
      },
    ],
  };

  it('takes "1" typed in a number field as the number 1', () => {
    expect(errorsOf(validateForm(form, { members: ' 1 ' }))).toEqual([
      { field: 'single_reason', code: 'required' },
    ]);
    expect(valuesOf(validateForm(form, { members: '2', single_reason: 'x' }))).toEqual({
      members: 2,
    });
  });

  it('keeps no negative zero, which JSON would not carry', () => {
    for (const members of [-0, '-0', '-0.0']) {
      const kept = valuesOf(validateForm(form, { members })).members;
      expect(Object.is(kept, 0), String(members)).toBe(true);
    }
  });

  it('looks values up as own keys only', () => {
    expect(valuesOf(validateForm(form, { members: 3 }))).toEqual({ members: 3 });
    expect(valuesOf(validateForm(form, { constructor: ' ghi chú ' }))).toEqual({
      constructor: 'ghi chú',
    });
    const sneaky = JSON.parse('{"__proto__": {"members": 1}}') as Record<string, unknown>;
    expect(errorsOf(validateForm(form, sneaky))).toEqual([
      { field: '__proto__', code: 'unknown_field' },
    ]);
  });
});

describe('validateForm: today', () => {
  it('must be given when the form bounds a date by it, and be a date', () => {
    expect(() => validateForm(birthRegistration, birthRegistrationByMother())).toThrow(
      /options\.today/,
    );
    expect(() =>
      validateForm(birthRegistration, birthRegistrationByMother(), { today: '01/06/2025' }),
    ).toThrow(/options\.today/);
  });

  it('moves the bound with the day the caller says it is', () => {
    const bornToday = { ...birthRegistrationByMother(), child_date_of_birth: '2025-06-02' };
    expect(validateForm(birthRegistration, bornToday, { today: '2025-06-01' }).ok).toBe(false);
    expect(validateForm(birthRegistration, bornToday, { today: '2025-06-02' }).ok).toBe(true);
  });
});
