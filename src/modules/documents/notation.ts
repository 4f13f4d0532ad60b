/**
 * Số và ký hiệu (number and notation) of an administrative document, Decree 30/2020
 * Appendix I: `15/QĐ-UBND` for a type with a name (its abbreviation, then the issuer's), and
 * `123/UBND-VP` for a công văn (the issuer's abbreviation, then the drafting unit's or the
 * field's). Parts are joined by a hyphen, number and notation by a slash.
 */
import { formatDocumentNumber } from './register-number';

export interface NotationParts {
  number: number;
  /** The type's abbreviation (QĐ, TB, KH…); null for a công văn or a thư công. */
  typeAbbreviation: string | null;
  /** The issuing agency's abbreviation, e.g. UBND. */
  issuerAbbreviation: string;
  /** A công văn's drafting unit (VP, TCKH…); ignored for typed documents. */
  unitAbbreviation?: string | null;
}

/** The notation without the number: `QĐ-UBND`, `UBND-VP` (edXML's CodeNotation). */
export function codeNotation(parts: Omit<NotationParts, 'number'>): string {
  if (parts.typeAbbreviation) return `${parts.typeAbbreviation}-${parts.issuerAbbreviation}`;
  return parts.unitAbbreviation
    ? `${parts.issuerAbbreviation}-${parts.unitAbbreviation}`
    : parts.issuerAbbreviation;
}

/** `15/QĐ-UBND`. */
export function numberAndNotation(parts: NotationParts): string {
  return `${formatDocumentNumber(parts.number)}/${codeNotation(parts)}`;
}
