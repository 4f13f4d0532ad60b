/**
 * The national formats of the identifiers people type into forms. Format only: whether a number
 * is assigned to anyone is for the national population database (CSDLQG về dân cư) to say.
 */

/** Separators people type in phone numbers ("0912 345 678", "0912.345.678", "0912-345-678"). */
const PHONE_SEPARATORS = /[\s.-]/g;
/**
 * `0` or `+84`, then 9–10 digits, the first of which is not 0: "+84 0912…" is a mistake (the
 * trunk 0 dropped after the country code), and so is "00…".
 */
const PHONE = /^(?:0|\+84)[1-9]\d{8,9}$/;

/** The phone number without separators, or undefined when it is not a Vietnamese number. */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(PHONE_SEPARATORS, '');
  return PHONE.test(compact) ? compact : undefined;
}

const CITIZEN_ID = /^\d{12}$/;
/**
 * The first three digits are the province where the birth was registered (Circular
 * 07/2016/TT-BCA lists 001 Hà Nội … 096 Cà Mau, with gaps; the range is what we check).
 */
const FIRST_PROVINCE_CODE = 1;
const LAST_PROVINCE_CODE = 96;

/**
 * A personal identification number (số định danh cá nhân), printed on the CCCD card: 12
 * digits = province code (3), century and sex (1, any digit), year of birth (2), serial (6).
 */
export function isCitizenId(text: string): boolean {
  if (!CITIZEN_ID.test(text)) return false;
  const province = Number(text.slice(0, 3));
  return province >= FIRST_PROVINCE_CODE && province <= LAST_PROVINCE_CODE;
}

/** A commune, ward or special zone by its code in the national list of administrative units. */
export function isCommuneCode(text: string): boolean {
  return /^\d{5}$/.test(text);
}
