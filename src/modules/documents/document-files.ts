/**
 * The files of a document: attachments the officer uploaded (PDF only, since each is
 * stamped with the agency's signature at issue), and the PDFs the platform makes (the signed
 * document) or receives. The bytes live in kernel storage; document_file says what each is.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../../kernel/context';
import { attachFile, deleteFiles } from '../../kernel/storage/storage.service';
import { findStoredFile, insertStoredFile } from '../../kernel/storage/storage.queries';
import type { DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import type { DocumentFileRole } from './documents.tables';
import type { DocumentActor } from './document-history';

type Owner = { outgoingId: string } | { incomingId: string };

function ownerRecord(owner: Owner) {
  return 'outgoingId' in owner
    ? { ownerType: 'document_outgoing', ownerId: owner.outgoingId }
    : { ownerType: 'document_incoming', ownerId: owner.incomingId };
}

function ownerColumns(owner: Owner) {
  return 'outgoingId' in owner
    ? { outgoingId: owner.outgoingId, incomingId: null }
    : { outgoingId: null, incomingId: owner.incomingId };
}

/**
 * Makes `fileIds` the document's files of `role`: new uploads attached, dropped ones deleted.
 * A file already attached may be named by its upload id or by its document-file id (the id
 * the document's view shows), so an edit form can send back what it was given.
 */
export async function attachDocumentFiles(
  trx: DocumentsTrx,
  actor: DocumentActor,
  owner: Owner,
  agencyId: string,
  fileIds: readonly string[],
  role: 'attachment' | 'received' = 'attachment',
): Promise<void> {
  const column = 'outgoingId' in owner ? 'outgoingId' : 'incomingId';
  const ownerId = 'outgoingId' in owner ? owner.outgoingId : owner.incomingId;
  const current = await trx
    .selectFrom('documentFile')
    .select(['id', 'storedFileId'])
    .where(column, '=', ownerId)
    .where('role', '=', role)
    .execute();
  const wanted = new Set(fileIds);
  const dropped = current.filter((file) => !wanted.has(file.storedFileId) && !wanted.has(file.id));
  if (dropped.length > 0) {
    await trx
      .deleteFrom('documentFile')
      .where(
        'id',
        'in',
        dropped.map((file) => file.id),
      )
      .execute();
    await deleteFiles(
      trx,
      dropped.map((file) => file.storedFileId),
      new Date(),
    );
  }
  const kept = new Set(current.flatMap((file) => [file.storedFileId, file.id]));
  const problems: { fileId: string; problem: string }[] = [];
  for (const fileId of wanted) {
    if (kept.has(fileId)) continue;
    const file = await findStoredFile(trx, fileId);
    if (!file || file.uploadedBy !== actor.principal.id || file.ownerType !== 'upload') {
      problems.push({ fileId, problem: 'not_found' });
      continue;
    }
    if (file.mediaType !== 'application/pdf') {
      problems.push({ fileId, problem: 'not_pdf' });
      continue;
    }
    await attachFile(trx, {
      fileId,
      uploadedBy: actor.principal.id,
      ...ownerRecord(owner),
      agencyId,
    });
    await trx
      .insertInto('documentFile')
      .values({
        ...ownerColumns(owner),
        role,
        storedFileId: fileId,
        name: file.originalName,
        mediaType: file.mediaType,
        size: file.size,
      })
      .execute();
  }
  if (problems.length > 0) throw documentErrors.FILE_INVALID({ files: problems });
}

/** Stores a PDF the platform made or received and links it to the document. */
export async function storeDocumentPdf(
  ctx: Pick<AppContext, 'files' | 'clock'>,
  trx: DocumentsTrx,
  file: {
    owner: Owner;
    agencyId: string;
    role: DocumentFileRole;
    name: string;
    bytes: Buffer;
    storedBy: string;
    mediaType?: string;
  },
): Promise<string> {
  const put = await ctx.files.put(Readable.from([file.bytes]));
  const mediaType = file.mediaType ?? 'application/pdf';
  const stored = await insertStoredFile(trx, {
    sha256: put.sha256,
    size: put.size,
    mediaType,
    originalName: file.name,
    ...ownerRecord(file.owner),
    agencyId: file.agencyId,
    uploadedBy: file.storedBy,
    createdAt: ctx.clock.now(),
  });
  await trx
    .insertInto('documentFile')
    .values({
      ...ownerColumns(file.owner),
      role: file.role,
      storedFileId: stored.id,
      name: file.name,
      mediaType,
      size: put.size,
    })
    .execute();
  return stored.id;
}

/** The bytes of a stored file. */
export async function readStoredBytes(
  ctx: Pick<AppContext, 'files'>,
  trx: DocumentsTrx,
  storedFileId: string,
): Promise<Buffer> {
  const file = await findStoredFile(trx, storedFileId);
  if (!file) throw new Error(`stored file ${storedFileId} is missing`);
  const chunks: Buffer[] = [];
  for await (const chunk of await ctx.files.get(file.sha256))
    chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
