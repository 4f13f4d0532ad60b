/**
 * What may be uploaded, per use. The type is read from the content's magic bytes; the
 * client's Content-Type and the file name's extension are never trusted.
 *
 * HEIC photos are not on the list: the image library bundled with the platform cannot
 * decode HEVC (a patent-encumbered codec), and an image we cannot re-encode cannot be
 * stripped of its metadata. Phones send JPEG when a web form asks for an image.
 */
export type FileKind = 'image' | 'document' | 'video';

export const FILE_KINDS: readonly FileKind[] = ['image', 'document', 'video'];

/** Detected media types accepted for each kind. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<FileKind, readonly string[]>> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
  document: ['application/pdf'],
  // Short clips from phones and cameras; the upload limit bounds their length.
  video: ['video/mp4', 'video/webm'],
};

/** The kind a detected media type belongs to among the allowed kinds, if any. */
export function kindOf(mediaType: string, allowed: readonly FileKind[]): FileKind | null {
  return allowed.find((kind) => ALLOWED_MEDIA_TYPES[kind].includes(mediaType)) ?? null;
}

/** File name extension for a stored media type. */
export const EXTENSION_OF: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};
