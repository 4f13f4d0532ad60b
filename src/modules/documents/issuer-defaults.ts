/**
 * A first notation and place for an agency, as Decree 30 Appendix I writes them: committees
 * sign `UBND`, other bodies the initials of their name (`Sở Xây dựng` → `SXD`); the place is
 * the commune's name for a commune-level committee and the province's for provincial bodies.
 * Administrators correct them where the agency's own usage differs (`Thanh tra tỉnh` → `TTr`).
 */
import type { AgencyKind } from '../../kernel/agencies/agencies.tables';

const PROVINCE_PLACE = 'Quảng Ninh';
/** Words that name the province or join others: not part of an abbreviation. */
const SKIPPED = new Set(['tỉnh', 'quảng', 'ninh', 'và', 'của']);

function initials(name: string): string {
  return name
    .replace(/^UBND\s+/i, '')
    .split(/\s+/)
    .filter((word) => word && !SKIPPED.has(word.toLocaleLowerCase('vi')))
    .map((word) => (word === 'UBND' ? 'UBND' : word[0]!.toLocaleUpperCase('vi')))
    .join('');
}

export function issuerDefaults(agency: { name: string; kind: AgencyKind }): {
  abbreviation: string;
  placeName: string;
} {
  if (agency.kind === 'commune_committee') {
    return {
      abbreviation: 'UBND',
      placeName: agency.name.replace(
        /^(UBND|Ủy ban nhân dân)\s+(phường|xã|đặc khu|thị trấn)\s+/i,
        '',
      ),
    };
  }
  if (agency.kind === 'province_committee') {
    return { abbreviation: 'UBND', placeName: PROVINCE_PLACE };
  }
  return { abbreviation: initials(agency.name) || 'CQ', placeName: PROVINCE_PLACE };
}
