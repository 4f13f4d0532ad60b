/**
 * What a dossier's document may be, checked before a byte is sent: a PDF, JPG or PNG (the
 * kinds the desk can open and print) within the upload limit. A cheap phone on a slow
 * network should not spend a minute sending a file the platform would refuse. The server
 * checks again from the content; its refusals (413 too large, 415 not a kind it takes, 422 an
 * image it cannot read) are turned into the same problems, and so is a stored type the desk
 * cannot use (a PNG with transparency is kept as WebP).
 */
import { ApiError } from '../../shared/api/api-error';

/** The types a dossier's documents may have (the server's DOCUMENT_TYPES). */
export const DOCUMENT_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * The platform's default upload limit (UPLOAD_LIMIT_BYTES). The public settings do not say
 * the installation's own; a smaller limit is learnt from the server's 413.
 */
export const DEFAULT_LIMIT_BYTES = 20 * 1_048_576;

const EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export type FileProblem =
  | { code: 'type' }
  | { code: 'empty' }
  | { code: 'size'; limitBytes: number }
  | { code: 'unreadable' }
  /** Stored as a type the desk cannot use (an image with transparency). */
  | { code: 'converted' };

/** The type a file claims, or, where the phone gives none, the one its extension says. */
export function claimedType(file: { name: string; type: string }): string {
  if (file.type) return file.type.toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[extension] ?? '';
}

export function checkFile(
  file: { name: string; type: string; size: number },
  limitBytes: number = DEFAULT_LIMIT_BYTES,
): FileProblem | null {
  if (!DOCUMENT_TYPES.includes(claimedType(file))) return { code: 'type' };
  if (file.size === 0) return { code: 'empty' };
  if (file.size > limitBytes) return { code: 'size', limitBytes };
  return null;
}

/** The server's refusal of an upload as a problem with the file, or null for other failures. */
export function uploadRefusal(error: unknown): FileProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 413) {
    const limit = (error.details as { limitBytes?: unknown } | undefined)?.limitBytes;
    return {
      code: 'size',
      limitBytes: typeof limit === 'number' && limit > 0 ? limit : DEFAULT_LIMIT_BYTES,
    };
  }
  if (error.status === 415) return { code: 'type' };
  if (error.code === 'IMAGE_UNREADABLE') return { code: 'unreadable' };
  return null;
}

/** The stored file's type, read from its content, is one the dossier accepts. */
export function storedTypeProblem(mediaType: string): FileProblem | null {
  return DOCUMENT_TYPES.includes(mediaType) ? null : { code: 'converted' };
}

/** "1,2 MB", "350 KB": sizes as a person reads them. */
export function sizeText(bytes: number, locale: 'vi' | 'en'): string {
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  if (bytes >= 1_048_576) {
    const megabytes = bytes / 1_048_576;
    return `${new Intl.NumberFormat(tag, { maximumFractionDigits: megabytes < 10 ? 1 : 0 }).format(megabytes)} MB`;
  }
  return `${new Intl.NumberFormat(tag).format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}
