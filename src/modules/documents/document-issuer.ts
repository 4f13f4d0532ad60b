/** How an agency heads its documents: its name, the body above it, its notation and place. */
import { documentErrors } from './documents.errors';
import type { DocumentsDb, DocumentsTrx } from './documents-db';

export interface IssuerView {
  agencyId: string;
  agencyCode: string;
  /** Upper case, as printed: `ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG`. */
  issuerName: string;
  /** The governing body above a department (`UBND TỈNH QUẢNG NINH`); none for a committee. */
  issuerParent: string | null;
  abbreviation: string;
  placeName: string;
}

export async function issuerOf(
  db: DocumentsDb | DocumentsTrx,
  agencyId: string,
): Promise<IssuerView> {
  const row = await db
    .selectFrom('agency')
    .innerJoin('documentIssuer', 'documentIssuer.agencyId', 'agency.id')
    .leftJoin('agency as parent', 'parent.id', 'agency.parentId')
    .select([
      'agency.id',
      'agency.code',
      'agency.name',
      'agency.kind',
      'parent.name as parentName',
      'documentIssuer.abbreviation',
      'documentIssuer.placeName',
    ])
    .where('agency.id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw documentErrors.DOCUMENT_ISSUER_MISSING();
  const committee = row.kind === 'province_committee' || row.kind === 'commune_committee';
  return {
    agencyId: row.id,
    agencyCode: row.code,
    issuerName: row.name.replace(/^UBND\b/, 'Ủy ban nhân dân').toLocaleUpperCase('vi'),
    issuerParent:
      committee || !row.parentName
        ? null
        : row.parentName.replace(/^Ủy ban nhân dân/i, 'UBND').toLocaleUpperCase('vi'),
    abbreviation: row.abbreviation,
    placeName: row.placeName,
  };
}
