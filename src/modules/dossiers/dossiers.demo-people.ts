/**
 * The people of the demo dossiers: applicants with Vietnamese names in the usual shares of
 * family names, identity numbers of the national shape (Quảng Ninh's province code 022, the
 * century-and-sex digit, the year of birth), mobile numbers of the Vietnamese carriers,
 * addresses in the applicant's commune, and the names of households' businesses. Made up,
 * every one: any likeness to a real person is chance.
 */
import type { DemoRandom } from './dossiers.demo-random';

/** Family names with rough shares of the population (Nguyễn about four in ten). */
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Vũ', 4],
  ['Phan', 3.5],
  ['Đặng', 2.5],
  ['Bùi', 2.5],
  ['Đỗ', 2.5],
  ['Ngô', 2],
  ['Dương', 1.5],
  ['Đinh', 1.5],
  ['Lý', 1],
  ['Hồ', 1.5],
  ['Đào', 1],
  ['Đoàn', 1],
  ['Lương', 0.8],
  ['Trịnh', 0.8],
  ['Mai', 0.6],
  ['Tô', 0.5],
  ['Lã', 0.3],
];

const MALE_MIDDLE = [
  'Văn',
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Công',
  'Thành',
  'Xuân',
  'Ngọc',
  'Đình',
  'Mạnh',
  'Trọng',
  'Tiến',
  'Hoàng',
];
const FEMALE_MIDDLE = [
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Minh',
  'Hồng',
  'Phương',
  'Bích',
  'Thùy',
  'Kim',
  'Hải',
  'Khánh',
];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Nam',
  'Hải',
  'Long',
  'Quân',
  'Sơn',
  'Thắng',
  'Cường',
  'Phong',
  'Khoa',
  'Hoàng',
  'Trung',
  'Đạt',
  'Hiếu',
  'Tùng',
  'Bình',
  'Việt',
  'Khánh',
  'Minh',
  'Huy',
  'Phúc',
  'Toàn',
  'Kiên',
  'Lâm',
  'Thịnh',
  'Vinh',
  'Tài',
  'An',
];
const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Hoa',
  'Mai',
  'Linh',
  'Trang',
  'Hằng',
  'Thảo',
  'Nga',
  'Huyền',
  'Yến',
  'Phương',
  'Dung',
  'Ngọc',
  'Hạnh',
  'Vân',
  'Thủy',
  'Anh',
  'Nhung',
  'Loan',
  'Hà',
  'Giang',
  'Quỳnh',
  'Thơ',
  'Liên',
  'Oanh',
  'Trâm',
  'Vy',
  'My',
  'Châu',
];

/** Mobile prefixes of Viettel, Vinaphone and MobiFone. */
const MOBILE_PREFIXES = [
  '086',
  '096',
  '097',
  '098',
  '032',
  '033',
  '035',
  '038',
  '091',
  '094',
  '088',
  '083',
  '084',
  '090',
  '093',
  '089',
  '070',
  '077',
  '079',
];
/** Domains reserved for examples (RFC 2606) and the project's own example domain. */
const EMAIL_DOMAINS = ['example.com', 'example.vn', 'example.org', 'quangninh.example'];

export type Sex = 'nam' | 'nu';

export interface DemoPerson {
  fullName: string;
  sex: Sex;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Số định danh cá nhân: 12 digits. */
  idNumber: string;
  phone: string;
  email: string;
}

export function personName(rng: DemoRandom, sex: Sex): string {
  const family = rng.weighted(FAMILY_NAMES);
  const middle = rng.pick(sex === 'nam' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = rng.pick(sex === 'nam' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/**
 * A personal identification number: the province of birth registration (022 Quảng Ninh for
 * most, a neighbour for some), the century-and-sex digit (0/1 born in the 1900s, 2/3 in the
 * 2000s; even for men), the last two digits of the year of birth, and six digits.
 */
export function identityNumber(rng: DemoRandom, sex: Sex, birthYear: number): string {
  const province = rng.weighted<string>([
    ['022', 85],
    ['001', 4],
    ['031', 4],
    ['030', 3],
    ['036', 2],
    ['037', 2],
  ]);
  const century = (birthYear >= 2000 ? 2 : 0) + (sex === 'nu' ? 1 : 0);
  return `${province}${century}${String(birthYear % 100).padStart(2, '0')}${rng.digits(6)}`;
}

export function mobileNumber(rng: DemoRandom): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
}

const asciiCache = new Map<string, string>();

/** Vietnamese letters without their marks, for mailbox names (names repeat: kept). */
export function ascii(text: string): string {
  let plain = asciiCache.get(text);
  if (plain === undefined) {
    plain = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    asciiCache.set(text, plain);
  }
  return plain;
}

export function person(
  rng: DemoRandom,
  options: { sex?: Sex; bornFrom?: number; bornTo?: number } = {},
): DemoPerson {
  const sex = options.sex ?? (rng.chance(0.5) ? 'nam' : 'nu');
  const fullName = personName(rng, sex);
  const year = rng.intBetween(options.bornFrom ?? 1955, options.bornTo ?? 2004);
  const birthDate = `${year}-${String(rng.intBetween(1, 12)).padStart(2, '0')}-${String(rng.intBetween(1, 28)).padStart(2, '0')}`;
  const parts = ascii(fullName).toLowerCase().split(' ');
  const mailbox = `${parts[parts.length - 1]}.${parts[0]}${year % 100}${rng.digits(2)}`;
  return {
    fullName,
    sex,
    birthDate,
    idNumber: identityNumber(rng, sex, year),
    phone: mobileNumber(rng),
    email: `${mailbox}@${rng.pick(EMAIL_DOMAINS)}`,
  };
}

/** "Tổ 5, khu 3, phường Hạ Long": an address in the commune, named as it reads in a sentence. */
export function addressIn(rng: DemoRandom, communeLabel: string): string {
  return rng.chance(0.7)
    ? `Tổ ${rng.intBetween(1, 12)}, khu ${rng.intBetween(1, 9)}, ${communeLabel}`
    : `Số ${rng.intBetween(2, 260)}, đường ${rng.pick(STREETS)}, ${communeLabel}`;
}

const STREETS = [
  'Trần Hưng Đạo',
  'Lê Thánh Tông',
  'Nguyễn Văn Cừ',
  'Hạ Long',
  'Lê Lợi',
  'Trần Phú',
  'Bạch Đằng',
  'Nguyễn Du',
  'Cao Thắng',
  'Hoàng Quốc Việt',
  'Lý Thường Kiệt',
  'Hùng Vương',
  '25 Tháng 4',
  'Kênh Liêm',
];
const TRADES = [
  'tạp hóa',
  'ăn uống',
  'vật liệu xây dựng',
  'hải sản',
  'điện thoại',
  'may mặc',
  'cà phê',
  'sửa chữa xe máy',
  'dịch vụ lưu trú',
  'nông sản',
  'thuốc tây',
  'văn phòng phẩm',
];
const COMPANY_WORDS = [
  'Hạ Long',
  'Bãi Cháy',
  'Vân Đồn',
  'Minh Phát',
  'Thành Công',
  'Hải Đăng',
  'Đông Bắc',
  'Việt Tiến',
  'An Khang',
  'Phúc Lộc',
  'Hồng Gai',
  'Quảng Ninh Xanh',
  'Trường Thịnh',
];
const COMPANY_KINDS = [
  'Thương mại',
  'Dịch vụ',
  'Xây dựng',
  'Thực phẩm',
  'Du lịch',
  'Sản xuất và Thương mại',
];

/** The name of a household business or a firm. */
export function businessName(rng: DemoRandom, owner: string): string {
  const given = owner.split(' ').pop()!;
  return rng.chance(0.55)
    ? `Hộ kinh doanh ${rng.pick(TRADES)} ${given}`
    : `${rng.pick(['Công ty TNHH', 'Doanh nghiệp tư nhân', 'Công ty cổ phần'])} ${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_WORDS)}`;
}
