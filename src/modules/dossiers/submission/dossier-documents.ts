/**
 * A dossier's documents as people give them: on submission, and later when the desk asks
 * for more. Each must go in a slot the procedure lists and be of a kind the desk can open
 * and print; it is either the giver's own upload not yet attached to anything, or a document
 * or result of one of their earlier dossiers, reused (the personal data store: the same
 * content, a new record owned by the new dossier, counted as reused). The required slots must
 * all be filled. Checked before anything is written, so a refusal leaves nothing behind.
 */
import type { Principal } from '../../../kernel/auth';
import { attachFile, type StoredFile } from '../../../kernel/storage/storage.service';
import { findStoredFile, insertStoredFile } from '../../../kernel/storage/storage.queries';
import { DOSSIER_DOCUMENT_OWNER, REUSABLE_OWNERS } from '../dossier-file-owners';
import type { DossiersDb, DossiersTrx } from '../dossiers-db';
import type { DossierDocumentTable } from '../dossiers.tables';

/** What a dossier's documents may be: the kinds the desk can open and print. */
export const DOCUMENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export interface GivenDocument {
  slot: string;
  fileId: string;
}

export interface DocumentProblem {
  slot: string;
  fileId?: string;
  problem: 'unknown_slot' | 'missing' | 'not_found' | 'not_allowed_type' | 'duplicate_file';
}

export async function checkDocuments(
  db: DossiersDb | DossiersTrx,
  principal: Principal,
  documents: readonly GivenDocument[],
  listedSlots: readonly string[],
  requiredSlots: readonly string[],
): Promise<DocumentProblem[]> {
  const problems: DocumentProblem[] = [];
  const slots = new Set(listedSlots);
  const given = new Set<string>();
  const files = new Set<string>();
  for (const { slot, fileId } of documents) {
    if (!slots.has(slot)) {
      problems.push({ slot, fileId, problem: 'unknown_slot' });
      continue;
    }
    if (files.has(fileId)) {
      problems.push({ slot, fileId, problem: 'duplicate_file' });
      continue;
    }
    files.add(fileId);
    const file = await findStoredFile(db, fileId);
    if (!file || !(await isGiversOwn(db, principal, file))) {
      problems.push({ slot, fileId, problem: 'not_found' });
      continue;
    }
    if (!DOCUMENT_TYPES.has(file.mediaType)) {
      problems.push({ slot, fileId, problem: 'not_allowed_type' });
      continue;
    }
    given.add(slot);
  }
  for (const slot of new Set(requiredSlots)) {
    if (!given.has(slot)) problems.push({ slot, problem: 'missing' });
  }
  return problems;
}

/** The giver's own unattached upload, or a file of one of their own earlier dossiers. */
async function isGiversOwn(
  db: DossiersDb | DossiersTrx,
  principal: Principal,
  file: StoredFile,
): Promise<boolean> {
  if (file.ownerType === 'upload') return file.uploadedBy === principal.id;
  if (!REUSABLE_OWNERS.includes(file.ownerType) || file.deletedAt) return false;
  const owner = await db
    .selectFrom('dossier')
    .select('id')
    .where('id', '=', file.ownerId)
    .where('applicantUserId', '=', principal.id)
    .executeTakeFirst();
  return owner !== undefined;
}

/** Attaches checked documents to the dossier, each in its slot: uploads moved, reuses copied. */
export async function attachDocuments(
  trx: DossiersTrx,
  principal: Principal,
  input: {
    dossierId: string;
    agencyId: string;
    documents: readonly GivenDocument[];
    origin: DossierDocumentTable['origin'];
    at: Date;
  },
): Promise<void> {
  for (const document of input.documents) {
    const given = (await findStoredFile(trx, document.fileId))!;
    const reused = given.ownerType !== 'upload';
    const file = reused
      ? await insertStoredFile(trx, {
          sha256: given.sha256,
          size: Number(given.size),
          mediaType: given.mediaType,
          originalName: given.originalName,
          ownerType: DOSSIER_DOCUMENT_OWNER,
          ownerId: input.dossierId,
          agencyId: input.agencyId,
          uploadedBy: principal.id,
          createdAt: input.at,
        })
      : await attachFile(trx, {
          fileId: document.fileId,
          uploadedBy: principal.id,
          ownerType: DOSSIER_DOCUMENT_OWNER,
          ownerId: input.dossierId,
          agencyId: input.agencyId,
        });
    await trx
      .insertInto('dossierDocument')
      .values({
        dossierId: input.dossierId,
        slot: document.slot,
        storedFileId: file.id,
        name: file.originalName,
        mediaType: file.mediaType,
        size: Number(file.size),
        origin: reused ? 'reuse' : input.origin,
        addedAt: input.at,
      })
      .execute();
  }
}
