/**
 * What an applicant of a demo dossier typed into the procedure's form: every field that
 * applies and is required (a condition on an earlier answer included), filled with a value
 * the form's own validation accepts (kernel/forms), and plausible for the field — the same
 * person behind a group of fields (`mother_full_name`, `mother_birth_date`,
 * `mother_citizen_id`), dates before the day of submission, the dossier's own commune.
 * Optional fields are left empty, as many applicants leave them.
 *
 * The applicant is the person of the first group that the form names as the one asking
 * (registrant, applicant, requester…), so the dossier's applicant and the form agree.
 */
import {
  fieldApplies,
  fieldRequired,
  type FormDefinition,
  type FormField,
  type FormValue,
} from '../../kernel/forms';
import { addDays } from '../../kernel/calendar';
import type { DemoRandom } from './dossiers.demo-random';
import {
  addressIn,
  businessName,
  person,
  personName,
  type DemoPerson,
  type Sex,
} from './dossiers.demo-people';

export interface DemoCommune {
  code: string;
  /** "phường Hạ Long", as it reads inside a sentence. */
  label: string;
}

export interface DemoFormContext {
  /** The day of submission in Vietnam, YYYY-MM-DD: dates are on or before it. */
  today: string;
  /** The commune the dossier is about (the applicant's). */
  commune: DemoCommune;
  /** All communes of the province, for places elsewhere. */
  communes: readonly DemoCommune[];
  /** Who asks, when it is known (a citizen with an account); drawn otherwise. */
  applicant?: DemoPerson;
}

export interface DemoForm {
  values: Record<string, FormValue>;
  applicant: DemoPerson;
}

/** The groups whose person is the one asking, most likely first. */
const APPLICANT_GROUPS = [
  'registrant',
  'applicant',
  'requester',
  'declarant',
  'signer',
  'claimant',
  'guardian',
  'owner',
  'user',
  'transferee',
  'representative',
  'party_a',
  'subject',
  'person',
  'mother',
  'bride',
  'groom',
];

const PERSON_SUFFIXES = ['full_name', 'birth_date', 'citizen_id', 'sex'];

/** The group of a field of a person (`mother` of `mother_birth_date`), or null. */
function groupOf(id: string): string | null {
  for (const suffix of PERSON_SUFFIXES) {
    if (id.endsWith(`_${suffix}`)) return id.slice(0, -suffix.length - 1);
  }
  return null;
}

function sexOfGroup(group: string): Sex | undefined {
  if (/mother|bride/.test(group)) return 'nu';
  if (/father|groom/.test(group)) return 'nam';
  return undefined;
}

export function demoFormValues(
  rng: DemoRandom,
  form: FormDefinition,
  context: DemoFormContext,
): DemoForm {
  const people = new Map<string, DemoPerson>();
  const personOf = (group: string): DemoPerson => {
    let found = people.get(group);
    if (!found) {
      const sex = sexOfGroup(group);
      found =
        group === 'deceased'
          ? person(rng, { sex, bornFrom: 1930, bornTo: 1975 })
          : group === 'ward'
            ? person(rng, { sex, bornFrom: 2009, bornTo: 2019 })
            : group === 'recognised'
              ? person(rng, { sex, bornFrom: 2004, bornTo: 2020 })
              : person(rng, { sex });
      people.set(group, found);
    }
    return found;
  };

  // The applicant's group is chosen from the form's person groups that ask, before any
  // value is drawn, so that their phone and e-mail go in every contact field.
  const groups = new Set<string>();
  for (const section of form.sections) {
    for (const field of section.fields) {
      const group = groupOf(field.id);
      if (group && (field.type === 'text' || field.type === 'citizen_id')) groups.add(group);
    }
  }
  const values: Record<string, FormValue> = {};
  const fill = (field: FormField): FormValue => valueFor(rng, field, context, values, personOf);

  // Conditions look at earlier answers; a second pass picks up a field required by an
  // answer that comes after it.
  for (let pass = 0; pass < 3; pass += 1) {
    let changed = false;
    for (const section of form.sections) {
      for (const field of section.fields) {
        if (field.id in values) continue;
        if (!fieldApplies(section, field, values) || !fieldRequired(field, values)) continue;
        values[field.id] = fill(field);
        changed = true;
      }
    }
    if (!changed) break;
  }

  const asking =
    APPLICANT_GROUPS.find(
      (group) =>
        groups.has(group) &&
        (values[`${group}_full_name`] !== undefined || values[`${group}_citizen_id`] !== undefined),
    ) ?? null;
  const applicant = context.applicant ?? (asking ? personOf(asking) : person(rng));
  if (asking && context.applicant) {
    // The known applicant stands in for the person of the asking group.
    const own: Record<string, FormValue> = {
      full_name: applicant.fullName,
      citizen_id: applicant.idNumber,
      birth_date: applicant.birthDate,
      sex: applicant.sex,
    };
    for (const [suffix, value] of Object.entries(own)) {
      if (`${asking}_${suffix}` in values) values[`${asking}_${suffix}`] = value;
    }
  }
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (!(field.id in values)) continue;
      if (field.type === 'phone') values[field.id] = applicant.phone;
      if (field.type === 'email') values[field.id] = applicant.email;
    }
  }
  return { values, applicant };
}

function valueFor(
  rng: DemoRandom,
  field: FormField,
  context: DemoFormContext,
  values: Readonly<Record<string, FormValue>>,
  personOf: (group: string) => DemoPerson,
): FormValue {
  const group = groupOf(field.id);
  switch (field.type) {
    case 'checkbox':
      return true;
    case 'select':
    case 'radio': {
      const options = field.options ?? [];
      if (group && field.id.endsWith('_sex') && options.some((o) => o.value === 'nam')) {
        return personOf(group).sex;
      }
      return rng.pick(options).value;
    }
    case 'checkboxes': {
      const options = field.options ?? [];
      const first = rng.pick(options).value;
      const second = rng.pick(options).value;
      return first === second || rng.chance(0.5) ? [first] : [first, second];
    }
    case 'citizen_id':
      return personOf(group ?? field.id).idNumber;
    case 'phone':
      return personOf(group ?? 'contact').phone;
    case 'email':
      return personOf(group ?? 'contact').email;
    case 'commune':
      return context.commune.code;
    case 'date':
      return dateFor(rng, field, context.today, group ? personOf(group) : null);
    case 'number':
      return numberFor(rng, field, values);
    case 'money':
      return moneyFor(rng, field);
    case 'text':
    case 'textarea':
      return fit(field, textFor(rng, field, context, group ? personOf(group) : null));
  }
}

function fit(field: FormField, text: string): string {
  const max = field.maxLength ?? 255;
  return Array.from(text).slice(0, max).join('').trim();
}

function clampDate(field: FormField, date: string, today: string): string {
  const max = field.max === 'today' ? today : typeof field.max === 'string' ? field.max : null;
  const min = field.min === 'today' ? today : typeof field.min === 'string' ? field.min : null;
  if (max && date > max) return max;
  if (min && date < min) return min;
  return date;
}

function dateFor(
  rng: DemoRandom,
  field: FormField,
  today: string,
  owner: DemoPerson | null,
): string {
  const id = field.id;
  let date: string;
  if (id === 'child_birth_date') date = addDays(today, -rng.intBetween(3, 55));
  else if (id === 'death_date') date = addDays(today, -rng.intBetween(1, 12));
  else if (id === 'contract_date') date = addDays(today, -rng.intBetween(1, 25));
  else if (id === 'use_since') date = `${rng.intBetween(1992, 2014)}-0${rng.intBetween(1, 9)}-15`;
  else if (id === 'registration_date')
    date = `${rng.intBetween(1995, 2022)}-0${rng.intBetween(1, 9)}-1${rng.intBetween(0, 9)}`;
  else if (id === 'operation_date') date = addDays(today, rng.intBetween(20, 120));
  else if (owner && id.endsWith('_birth_date')) date = owner.birthDate;
  else date = addDays(today, -rng.intBetween(1, 60));
  return clampDate(field, date, today);
}

function numberFor(
  rng: DemoRandom,
  field: FormField,
  values: Readonly<Record<string, FormValue>>,
): number {
  const min = typeof field.min === 'number' ? field.min : 0;
  const max = typeof field.max === 'number' ? field.max : min + 100;
  const id = field.id;
  let value: number;
  if (/cop(y|ies)/.test(id)) value = rng.intBetween(1, 3);
  else if (/page_count/.test(id)) value = rng.intBetween(1, 12);
  else if (id === 'total_floor_area') value = Number(values.construction_area ?? 80) * 2;
  else if (/area/.test(id)) value = rng.intBetween(45, 320);
  else if (id === 'floor_count') value = rng.intBetween(1, 5);
  else if (id === 'building_height') value = rng.intBetween(4, 20);
  else if (/months/.test(id)) value = rng.intBetween(4, 14);
  else if (id === 'worker_count' || id === 'employee_count') value = rng.intBetween(3, 40);
  else if (id === 'trained_count') value = rng.intBetween(1, 3);
  else if (/year/.test(id)) value = rng.intBetween(Math.max(min, 1960), Math.min(max, 2010));
  else value = rng.intBetween(min, Math.min(max, min + 20));
  return Math.min(max, Math.max(min, value));
}

function moneyFor(rng: DemoRandom, field: FormField): number {
  const min = typeof field.min === 'number' ? field.min : 0;
  const amount =
    field.id === 'contract_value'
      ? rng.intBetween(30, 300) * 10_000_000
      : rng.intBetween(5, 90) * 10_000_000;
  return Math.max(min, amount);
}

const DEATH_CAUSES = [
  'Bệnh già',
  'Tai biến mạch máu não',
  'Bệnh tim mạch',
  'Ung thư phổi',
  'Suy đa tạng',
  'Tai nạn giao thông',
];
const PAPERS = [
  'Bằng tốt nghiệp trung học phổ thông',
  'Giấy khai sinh',
  'Giấy chứng nhận quyền sử dụng đất',
  'Sổ hộ khẩu',
  'Bằng cử nhân',
  'Học bạ trung học phổ thông',
  'Giấy phép lái xe',
];
const CONTRACT_TITLES = [
  'Giấy ủy quyền',
  'Đơn xin xác nhận',
  'Văn bản cam kết',
  'Giấy xác nhận thu nhập',
  'Bản khai nhân thân',
];
const BUSINESS_LINES = [
  'Bán lẻ hàng tạp hóa, đồ uống không cồn',
  'Dịch vụ ăn uống, nhà hàng',
  'Kinh doanh hải sản tươi sống và chế biến',
  'Bán lẻ vật liệu xây dựng',
  'Dịch vụ lưu trú ngắn ngày (nhà nghỉ, homestay)',
  'Sửa chữa xe máy, ô tô con',
];
const RELATIONS = ['Con', 'Anh ruột', 'Chị ruột', 'Cháu nội', 'Em ruột', 'Cô ruột'];

function textFor(
  rng: DemoRandom,
  field: FormField,
  context: DemoFormContext,
  owner: DemoPerson | null,
): string {
  const id = field.id;
  const here = context.commune.label;
  const elsewhere = () => rng.pick(context.communes).label;
  if (owner && id.endsWith('_full_name')) return owner.fullName;
  if (id.endsWith('_full_name')) return personName(rng, rng.chance(0.5) ? 'nam' : 'nu');
  if (/ethnicity/.test(id))
    return rng.weighted([
      ['Kinh', 92],
      ['Tày', 3],
      ['Dao', 3],
      ['Sán Dìu', 2],
    ]);
  if (/nationality/.test(id)) return 'Việt Nam';
  if (/home_town/.test(id)) return `${elsewhere()}, tỉnh Quảng Ninh`;
  if (id === 'child_birth_place')
    return rng.pick([
      'Bệnh viện Sản Nhi Quảng Ninh',
      'Bệnh viện Bãi Cháy',
      'Bệnh viện Đa khoa tỉnh Quảng Ninh',
      `Trạm y tế ${here}`,
    ]);
  if (id === 'person_birth_place') return `${elsewhere()}, tỉnh Quảng Ninh`;
  if (id === 'death_place')
    return rng.chance(0.6) ? addressIn(rng, here) : 'Bệnh viện Đa khoa tỉnh Quảng Ninh';
  if (id === 'death_cause') return rng.pick(DEATH_CAUSES);
  if (id === 'death_time')
    return `${String(rng.intBetween(0, 23)).padStart(2, '0')}:${String(rng.intBetween(0, 59)).padStart(2, '0')}`;
  if (/residence|address/.test(id)) return addressIn(rng, here);
  if (/tax_code|registration_code|enterprise_code|business_code/.test(id))
    return `57${rng.digits(8)}`;
  if (/parcel_number/.test(id)) return String(rng.intBetween(1, 640));
  if (/map_sheet/.test(id)) return String(rng.intBetween(1, 86));
  if (id === 'certificate_serial') return `D${rng.pick(['Đ', 'E', 'H'])} ${rng.digits(6)}`;
  if (/bank_account/.test(id)) return rng.digits(13);
  if (/bank_name/.test(id))
    return rng.pick([
      'Vietcombank chi nhánh Quảng Ninh',
      'Agribank chi nhánh Hạ Long',
      'BIDV chi nhánh Quảng Ninh',
    ]);
  if (/(business|enterprise|trader|owner|investor|supplier)_name|project_name/.test(id)) {
    return businessName(rng, personName(rng, 'nam'));
  }
  if (/relationship/.test(id)) return rng.pick(RELATIONS);
  if (id === 'document_name') return rng.pick(PAPERS);
  if (id === 'document_title') return rng.pick(CONTRACT_TITLES);
  if (/authority|registration_place/.test(id)) return `UBND ${elsewhere()}`;
  if (/document|certificate/.test(id))
    return `Số ${rng.intBetween(10, 980)}/${rng.intBetween(2015, 2025)}/QĐ-UBND`;
  if (id === 'production_capacity') return `${rng.intBetween(2, 40)} tấn sản phẩm/tháng`;
  if (id === 'business_lines' || id === 'new_business_lines') return rng.pick(BUSINESS_LINES);
  if (/purpose/.test(id)) return 'Bổ sung hồ sơ xin việc làm';
  if (/reason/.test(id)) return 'Hoàn cảnh gia đình thay đổi';
  if (id === 'business_type') return 'Kinh doanh dịch vụ ăn uống, quy mô hộ gia đình';
  if (id === 'protection_measures')
    return 'Thu gom chất thải rắn sinh hoạt hằng ngày, bể tách mỡ trước khi xả nước thải vào hệ thống thoát nước chung.';
  if (id === 'dispute_description')
    return 'Tranh chấp ranh giới thửa đất giáp ranh giữa hai hộ gia đình, phần diện tích khoảng 12 m² phía sau nhà.';
  if (id === 'property_description')
    return 'Quyền sử dụng thửa đất ở, diện tích theo Giấy chứng nhận đã cấp, cùng nhà ở gắn liền với đất.';
  return 'Theo hồ sơ kèm theo';
}
