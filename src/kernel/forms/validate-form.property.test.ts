/**
 * Properties the portal and the server rely on, over many generated submissions: normalised
 * values are a fixed point, JSON (the wire between them) changes nothing, Unicode form changes
 * nothing, and nothing is kept that does not apply.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthRegistration,
  birthRegistrationByMother,
  stormDamageSupport,
} from './example-forms.test-support';
import type { FormDefinition, FormField } from './form-definition';
import { whatApplies } from './read-form';
import { validateForm } from './validate-form';

const options = { today: '2025-06-01' };
const runs = { numRuns: 200 };

const vietnamese = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậễệỡợữựỳỷỹýỵ'];
const padding = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(padding, text, padding).map(([before, middle, after]) => before + middle + after);
const letters = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...vietnamese), minLength, maxLength });
const name = fc
  .array(letters(1, 8), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '));
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const separator = fc.constantFrom('', ' ', '.', '-');

/** Mostly values of the field's kind, some slightly off, some any JSON at all. */
function valueFor(field: FormField): fc.Arbitrary<unknown> {
  const choices = (field.options ?? []).map((option) => option.value);
  const likely = ((): fc.Arbitrary<unknown> => {
    switch (field.type) {
      case 'text':
        return padded(
          fc.oneof(name, fc.string({ maxLength: 12 }), fc.stringMatching(/^[A-Z0-9/-]{1,8}$/)),
        );
      case 'textarea':
        return padded(
          fc.oneof(fc.lorem({ maxCount: 20 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
        );
      case 'number':
        return fc.oneof(
          fc.double({ min: -10, max: 5000, noNaN: true }),
          fc.integer({ min: -5, max: 5000 }).map(String),
          fc.stringMatching(/^-?\d{1,4}\.\d{1,3}$/),
        );
      case 'money':
        return fc.oneof(
          fc.integer({ min: -1, max: 20_000_000_000 }),
          fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String),
        );
      case 'date':
        return fc
          .date({ min: new Date('2024-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      case 'select':
      case 'radio':
        return padded(fc.constantFrom(...choices, 'khac'));
      case 'checkboxes':
        return fc.array(fc.constantFrom(...choices), { maxLength: 5 });
      case 'checkbox':
        return fc.boolean();
      case 'email':
        return fc.oneof(
          fc.emailAddress(),
          fc.constantFrom('Hoa.Tran@Gmail.COM', 'thư@bưuđiện.vn', 'hoa@'),
        );
      case 'phone':
        return fc
          .tuple(
            fc.constantFrom('0', '+84', '84'),
            digits(3),
            separator,
            digits(3),
            separator,
            digits(3),
          )
          .map((parts) => parts.join(''));
      case 'citizen_id':
        return fc.oneof(fc.stringMatching(/^0[0-9]{11}$/), fc.constant('022190001234'));
      case 'commune':
        return fc.oneof(digits(5), digits(4));
    }
  })();
  return fc.oneof(
    { weight: 8, arbitrary: likely },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', []) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  );
}

/** A plausible submission with a few fields changed to generated values, and now and then a made-up key. */
function submissions(definition: FormDefinition, base: Record<string, unknown>) {
  const fields = definition.sections.flatMap((section) => section.fields);
  const changes = fc
    .subarray(fields, { maxLength: 4 })
    .chain((chosen) =>
      fc.record(Object.fromEntries(chosen.map((field) => [field.id, valueFor(field)]))),
    );
  const madeUp = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.jsonValue({ maxDepth: 1 }),
    { maxKeys: 1 },
  );
  return fc
    .tuple(
      changes,
      fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: madeUp }),
    )
    .map(([changed, extra]) => ({ ...extra, ...base, ...changed }));
}

const stormBase = {
  head_full_name: 'Vũ Văn Hải',
  head_citizen_id: '022070003456',
  commune: '06637',
  contact_phone: '0203 3825 123',
  damage_date: '2024-09-07',
  damage_kinds: ['house'],
  house_damage_level: 'partial',
  estimated_loss_vnd: 250_000_000,
  damage_description: 'Bão số 3 làm tốc mái nhà.',
  declaration: true,
};

const forms = [
  { title: 'birth registration', definition: birthRegistration, base: birthRegistrationByMother() },
  { title: 'storm damage support', definition: stormDamageSupport, base: stormBase },
];

function deepNfd(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFD');
  if (Array.isArray(value)) return value.map(deepNfd);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, deepNfd(each)]));
  }
  return value;
}

describe.each(forms)('validateForm properties: $title', ({ definition, base }) => {
  const submission = submissions(definition, base);
  const ids = definition.sections.flatMap((section) => section.fields.map((field) => field.id));

  it('accepts a good share of the generated submissions (or the properties below prove little)', () => {
    const samples = fc.sample(submission, { numRuns: 300, seed: 42 });
    const accepted = samples.filter((values) => validateForm(definition, values, options).ok);
    expect(accepted.length).toBeGreaterThan(30);
  });

  it('gives the same values when its own output is validated again', () => {
    fc.assert(
      fc.property(submission, (values) => {
        const first = validateForm(definition, values, options);
        if (!first.ok) return;
        expect(validateForm(definition, first.values, options)).toEqual(first);
      }),
      runs,
    );
  });

  it('never refuses, after a JSON round trip, what it accepted', () => {
    fc.assert(
      fc.property(submission, (values) => {
        const first = validateForm(definition, values, options);
        if (!first.ok) return;
        const wired = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
        expect(validateForm(definition, wired, options)).toEqual(first);
      }),
      runs,
    );
  });

  it('reads text the same in decomposed and composed Unicode', () => {
    fc.assert(
      fc.property(submission, (values) => {
        const decomposed = deepNfd(values) as Record<string, unknown>;
        expect(validateForm(definition, decomposed, options)).toEqual(
          validateForm(definition, values, options),
        );
      }),
      runs,
    );
  });

  it('keeps only fields that apply, and names only fields of the form or keys sent', () => {
    fc.assert(
      fc.property(submission, (values) => {
        const result = validateForm(definition, values, options);
        if (result.ok) {
          const applicable = whatApplies(definition, values).fields;
          for (const id of Object.keys(result.values)) expect(applicable.has(id)).toBe(true);
          return;
        }
        const order = result.errors.map((error) => ids.indexOf(error.field));
        const known = order.filter((index) => index >= 0);
        // In the order of the form, unknown keys last.
        expect(known).toEqual([...known].sort((a, b) => a - b));
        expect(order.slice(known.length).every((index) => index === -1)).toBe(true);
        for (const error of result.errors) {
          expect(ids.includes(error.field) || Object.hasOwn(values, error.field)).toBe(true);
          expect(error.code === 'unknown_field').toBe(!ids.includes(error.field));
        }
      }),
      runs,
    );
  });
});
