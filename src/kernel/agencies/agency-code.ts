/**
 * The national agency code (mã định danh điện tử của cơ quan, tổ chức), e.g. `000.00.22.H49`:
 * four dot-separated groups read right to left — the level-1 body (a letter and two digits;
 * H49 is Quảng Ninh), then the level-2, level-3 and level-4 groups of digits. Commune-level
 * bodies have codes of the same shape, so one pattern covers every level.
 */
export const AGENCY_CODE_PATTERN = '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$';

const AGENCY_CODE = new RegExp(AGENCY_CODE_PATTERN);

export function isAgencyCode(code: string): boolean {
  return AGENCY_CODE.test(code);
}
