/**
 * What the renderer takes and gives back. Text is as the officer wrote it (any Unicode form,
 * any case where the decree prescribes one); the renderer normalises it.
 */
import type { Anchor } from '../../../kernel/signing/appearance/decree30-geometry';

/** `[x1, y1, x2, y2]` in PDF points, origin at the bottom left of the page. */
export type Rect = [number, number, number, number];

export interface OfficialDocumentSigner {
  /** `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`…; several lines as an array or with `\n`. */
  competence?: string | readonly string[];
  /** `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
  position: string;
  fullName: string;
}

export interface OfficialDocumentInput {
  /** Cơ quan chủ quản, `UBND TỈNH QUẢNG NINH`; absent for an agency with none. */
  issuerParent?: string | null;
  /** `ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG`. */
  issuerName: string;
  /** The notation of the number line, `UBND-VP` or `QĐ-UBND`; the number comes later. */
  codeNotation: string;
  /** Địa danh of the dateline, `Hạ Long`. */
  placeName: string;
  /** Null for a công văn; `QUYẾT ĐỊNH`, `THÔNG BÁO`… for a typed document. */
  typeName: string | null;
  /** Trích yếu: after `V/v` under the number (công văn), or under the title (typed). */
  subject: string;
  /**
   * Kính gửi: one addressee, or several, one per line (`\n` or an array); a leading
   * `Kính gửi:` is accepted and not repeated.
   */
  recipientsLine?: string | readonly string[] | null;
  /**
   * Paragraphs: an array, or one text with paragraphs separated by blank lines (a single line
   * break inside a paragraph is only a wrap). A paragraph written all in capitals
   * (`QUYẾT ĐỊNH:`, the issuing authority) is a heading: centred, bold, not indented.
   */
  body: string | readonly string[];
  signer: OfficialDocumentSigner;
  /** Nơi nhận, one item per line: `- Như trên;`, `- Lưu: VT, VP.`. */
  toPlaces: readonly string[];
}

/** A one-line place left empty on the first page, with the text size it was made for. */
export interface ReservedLine {
  pageIndex: 0;
  rect: Rect;
  /** Where the line's baseline goes, inside `rect`. */
  baseline: number;
  fontSize: number;
}

export interface ReservedSignerBlock {
  pageIndex: number;
  /** For `signerAppearance`: the block's top left corner and width, reader space. */
  anchor: Anchor;
  /** What the signer's appearance covers when drawn with `fontSize` and `imageHeightMm`. */
  rect: Rect;
  fontSize: number;
  imageHeightMm: number;
}

export interface RenderedDocument {
  pdf: Buffer;
  pageCount: number;
  /** `Số: 07/UBND-VP`, regular, centred in the rect (see numberLineText). */
  numberField: ReservedLine;
  /** `Hạ Long, ngày 22 tháng 11 năm 2026`, italic, centred in the rect (see datelineText). */
  datelineField: ReservedLine;
  signerBlock: ReservedSignerBlock;
}
