/**
 * File storage for every part of the platform. A module stores an upload with
 * `storeUpload` (outside its own transaction: the content may take seconds to arrive),
 * then attaches the file to its record with `attachFile` inside that record's transaction,
 * and serves it back with `openDownload`, passing its own rule for who may read it.
 */
import type { Readable } from 'node:stream';
import { fileTypeStream as detectingStream, type FileTypeResult } from 'file-type';
import type { AppContext } from '../context';
import type { Principal } from '../auth/principal';
import { storageErrors } from './storage.errors';
import { ContentTooLargeError } from './file-store';
import { ALLOWED_MEDIA_TYPES, EXTENSION_OF, kindOf, type FileKind } from './file-kinds';
import { stripMp4Metadata } from './video-metadata';
import { sanitiseFileName } from './file-names';
import { ImageUnreadableError, reencodeImage } from './image-reencode';
import {
  findStoredFile,
  insertStoredFile,
  isAgencyWithin,
  listOwnerFiles,
  markDeleted,
  reassignOwner,
  type StorageDb,
  type StoredFile,
} from './storage.queries';

export type { StoredFile } from './storage.queries';
export type { FileKind } from './file-kinds';

/**
 * file-type's Node entry point takes a Node stream; TypeScript's bundler resolution sees only
 * the web-stream signature of its browser entry, so the Node signature is restated here.
 */
const fileTypeStream = detectingStream as unknown as (
  stream: Readable,
  options: { sampleSize: number },
) => Promise<Readable & { readonly fileType?: FileTypeResult }>;

/** Owner type of a file uploaded but not yet attached to any record. */
export const UPLOAD_OWNER_TYPE = 'upload';
/** Bytes file-type reads to recognise a format (its own recommended sample size). */
const SNIFF_BYTES = 4100;

export interface UploadInput {
  stream: Readable;
  /** The client's file name; only shown back to people, after sanitising. */
  filename: string | undefined;
  /** Kinds accepted for this use; anything else is refused with 415. */
  allow: FileKind | readonly FileKind[];
  ownerType: string;
  ownerId: string;
  agencyId: string | null;
  uploadedBy: string;
}

/**
 * Checks the content's real type against the allow-list, re-encodes images, stores the
 * content and records the file. Throws FILE_TOO_LARGE (413), FILE_TYPE_UNKNOWN or
 * FILE_TYPE_NOT_ALLOWED (415), IMAGE_UNREADABLE (422).
 */
export async function storeUpload(ctx: AppContext, input: UploadInput): Promise<StoredFile> {
  const allowed: readonly FileKind[] =
    typeof input.allow === 'string' ? [input.allow] : input.allow;
  const maxBytes = ctx.config.uploadLimitBytes;
  let typed: Readable | null = null;
  try {
    const sniffed = await fileTypeStream(input.stream, { sampleSize: SNIFF_BYTES });
    typed = sniffed;
    const detected = sniffed.fileType?.mime;
    const acceptedTypes = allowed.flatMap((kind) => ALLOWED_MEDIA_TYPES[kind]);
    if (!detected) throw storageErrors.FILE_TYPE_UNKNOWN({ accepted: acceptedTypes });
    const kind = kindOf(detected, allowed);
    if (!kind) throw storageErrors.FILE_TYPE_NOT_ALLOWED({ detected, accepted: acceptedTypes });

    let stored: { sha256: string; size: number; mediaType: string };
    if (kind === 'image') {
      const image = await reencodeImage(await readAll(sniffed, maxBytes));
      stored = { ...(await ctx.files.put(image.content)), mediaType: image.mediaType };
    } else if (detected === 'video/mp4') {
      // Buffered (within the upload limit) to blank its metadata boxes before storing.
      const video = stripMp4Metadata(await readAll(sniffed, maxBytes));
      stored = { ...(await ctx.files.put(video)), mediaType: detected };
    } else {
      stored = { ...(await ctx.files.put(sniffed, { maxBytes })), mediaType: detected };
    }

    return await insertStoredFile(ctx.db, {
      ...stored,
      originalName: sanitiseFileName(input.filename, EXTENSION_OF[stored.mediaType] ?? 'bin'),
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      agencyId: input.agencyId,
      uploadedBy: input.uploadedBy,
      createdAt: ctx.clock.now(),
    });
  } catch (error) {
    // Whatever went wrong, the rest of the upload is discarded rather than left half-read.
    typed?.resume();
    input.stream.resume();
    if (error instanceof ContentTooLargeError || isUploadLimitError(error)) {
      throw storageErrors.FILE_TOO_LARGE({ limitBytes: maxBytes });
    }
    if (error instanceof ImageUnreadableError) throw storageErrors.IMAGE_UNREADABLE();
    throw error;
  }
}

/** @fastify/multipart stops a file at its own limit with this code. */
function isUploadLimitError(error: unknown): boolean {
  return (error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';
}

async function readAll(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw new ContentTooLargeError(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export type ReadRule = (file: StoredFile) => Promise<boolean>;

export interface Download {
  file: StoredFile;
  content: Readable;
}

/**
 * Opens a file for a reader. The uploader may always read their file; anyone else needs
 * `canRead` to say yes. A file the reader may not see is answered exactly like a missing
 * one (404), so ids cannot be probed.
 */
export async function openDownload(
  ctx: AppContext,
  principal: Principal | null,
  fileId: string,
  canRead: ReadRule,
): Promise<Download> {
  const file = await findStoredFile(ctx.db, fileId);
  if (!file) throw storageErrors.FILE_NOT_FOUND();
  const isUploader = principal !== null && file.uploadedBy === principal.id;
  if (!isUploader && !(await canRead(file))) throw storageErrors.FILE_NOT_FOUND();
  return { file, content: await ctx.files.get(file.sha256) };
}

/**
 * The kernel's default rule: staff who passed the second factor read the files of every
 * agency their roles cover (a role covers its agency and everything below it).
 */
export function agencyStaffCanRead(ctx: AppContext, principal: Principal | null): ReadRule {
  return async (file) => {
    if (!principal || principal.type !== 'staff' || !principal.mfaPassed) return false;
    if (!file.agencyId) return false;
    const covered = principal.grants
      ? principal.grants.map((grant) => grant.agencyId)
      : principal.agencyId
        ? [principal.agencyId]
        : [];
    return isAgencyWithin(ctx.db, file.agencyId, [...new Set(covered)]);
  };
}

export interface Attachment {
  fileId: string;
  /** The principal attaching the file; only their own unattached uploads can be attached. */
  uploadedBy: string;
  ownerType: string;
  ownerId: string;
  agencyId: string | null;
}

/**
 * Attaches an upload to a record, in the record's transaction. Throws FILE_NOT_FOUND when
 * the file does not exist or was uploaded by someone else, FILE_ALREADY_ATTACHED when it
 * already belongs to a record.
 */
export async function attachFile(db: StorageDb, attachment: Attachment): Promise<StoredFile> {
  const attached = await reassignOwner(
    db,
    attachment.fileId,
    { ownerType: UPLOAD_OWNER_TYPE, ownerId: attachment.uploadedBy },
    {
      ownerType: attachment.ownerType,
      ownerId: attachment.ownerId,
      agencyId: attachment.agencyId,
    },
  );
  if (attached) return attached;
  const existing = await findStoredFile(db, attachment.fileId);
  if (!existing || existing.uploadedBy !== attachment.uploadedBy) {
    throw storageErrors.FILE_NOT_FOUND();
  }
  throw storageErrors.FILE_ALREADY_ATTACHED();
}

/** Live files of a record, oldest first. */
export async function filesOf(
  db: StorageDb,
  ownerType: string,
  ownerId: string,
): Promise<StoredFile[]> {
  return listOwnerFiles(db, ownerType, ownerId);
}

/**
 * Deletes files in the caller's transaction. The content stays until the clean-up job finds
 * that no live file points at it any more.
 */
export async function deleteFiles(
  db: StorageDb,
  ids: readonly string[],
  at: Date,
): Promise<number> {
  return markDeleted(db, ids, at);
}
