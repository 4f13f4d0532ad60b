/**
 * The kinds of administrative document of Decree 30/2020 Appendix III and their
 * abbreviations (seed/data/document-types.json, with its provenance). A công văn and a thư
 * công have no abbreviation: their notation is the issuer's, then the drafting unit's.
 */
import catalogue from '../../../seed/data/document-types.json' with { type: 'json' };

export interface DocumentKind {
  abbreviation: string | null;
  name: string;
  nameEn: string;
}

const KINDS: readonly DocumentKind[] = catalogue.types.map((type) => ({
  abbreviation: type.abbreviation ?? null,
  name: type.name.replace(/\s*\(cá biệt\)$/, ''),
  nameEn: type.nameEn,
}));

export const CONG_VAN = 'Công văn';

export function documentKinds(): readonly DocumentKind[] {
  return KINDS;
}

/** The kind with this abbreviation; null stands for a công văn. */
export function documentKind(abbreviation: string | null): DocumentKind | undefined {
  if (abbreviation === null) return KINDS.find((kind) => kind.name === CONG_VAN);
  return KINDS.find((kind) => kind.abbreviation === abbreviation);
}
