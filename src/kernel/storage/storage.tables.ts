import type { ColumnType, Generated } from 'kysely';

/**
 * One stored file as the platform knows it: who owns it, what it is, and which content it
 * points at. Several rows may share one content (same bytes uploaded twice).
 */
export interface StoredFileTable {
  id: Generated<string>;
  /** Address of the content in the FileStore. */
  sha256: string;
  size: number;
  /** Detected from the content (and from the re-encoding for images), never from the client. */
  mediaType: string;
  /** The client's file name, sanitised, with the extension of the stored type. */
  originalName: string;
  /** What the file belongs to, e.g. `upload` (not yet attached) or `feedback_report`. */
  ownerType: string;
  ownerId: string;
  /** Agency whose staff may read the file; null for files no agency holds. */
  agencyId: string | null;
  /** Id of the user (or API key) who uploaded it. */
  uploadedBy: string;
  createdAt: ColumnType<Date, Date | undefined, never>;
  deletedAt: Date | null;
}

export interface StorageTables {
  storedFile: StoredFileTable;
}
