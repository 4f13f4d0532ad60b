/**
 * Test helpers for the PDF signing structure: input documents made with pdf-lib or by hand
 * (for structures pdf-lib does not write), a throwaway signing identity made with the openssl
 * CLI, and the poppler tools that play the independent verifier. Tests only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, degrees } from 'pdf-lib';
import {
  embedPdfSignature,
  pdfSignedBytes,
  preparePdfSignature,
  type PdfSignatureOptions,
} from './signature-placeholder';

export interface MakePdfOptions {
  pages?: number;
  objectStreams?: boolean;
  /** Adds an AcroForm with one text field on the first page. */
  textField?: boolean;
  /** Gives the first page an /Annots array stored as its own object. */
  indirectAnnots?: boolean;
  /** Makes the last page A4 landscape, rotated 90°. */
  rotatedLastPage?: boolean;
  /** Repeats the text on each page to reach roughly this many bytes of content. */
  linesPerPage?: number;
}

export const A4: [number, number] = [595.28, 841.89];

export async function makePdf(options: MakePdfOptions = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pageCount = options.pages ?? 1;
  for (let i = 0; i < pageCount; i++) {
    const rotated = options.rotatedLastPage === true && i === pageCount - 1;
    const page = doc.addPage(rotated ? [A4[1], A4[0]] : A4);
    if (rotated) page.setRotation(degrees(90));
    const lines = options.linesPerPage ?? 3;
    for (let line = 0; line < lines; line++) {
      page.drawText(`Trang ${i + 1}, dong ${line + 1}: Ho so hanh chinh so ${i * 1000 + line}`, {
        x: 40,
        y: 800 - (line % 60) * 12,
        size: 9,
        font,
      });
    }
  }
  if (options.textField) {
    const field = doc.getForm().createTextField('applicant.name');
    field.setText('Nguyen Van A');
    field.addToPage(doc.getPage(0), { x: 50, y: 500, width: 200, height: 20 });
  }
  if (options.indirectAnnots) {
    const page = doc.getPage(0);
    const existing = page.node.Annots();
    const array = existing ?? doc.context.obj([]);
    page.node.set(PDFName.of('Annots'), doc.context.register(array));
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}

/**
 * A hand-made hybrid-reference file (§7.5.8.4): the catalog and page tree live in an object
 * stream listed only by an /XRefStm (PNG-predicted, as real writers do), the rest in a classic
 * table. The page tree puts /MediaBox and /Rotate on the /Pages node, so pages inherit them.
 */
export function makeHybridPdf(): Buffer {
  const content = 'BT /F1 12 Tf 40 500 Td (Hybrid) Tj ET';
  const inStream = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2/MediaBox[0 0 842 595]/Rotate 90>>',
    '<</Type/Page/Parent 2 0 R/Contents 5 0 R>>',
    '<</Type/Page/Parent 2 0 R/Contents 5 0 R/MediaBox[0 0 300 400]/Rotate 0>>',
  ];
  let header = '';
  let body = '';
  inStream.forEach((object, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${object}\n`;
  });
  const objStmData = header + body;
  const parts: string[] = ['%PDF-1.5\n%\xe2\xe3\xcf\xd3\n'];
  const offsets = new Map<number, number>();
  const at = (): number => parts.reduce((sum, part) => sum + Buffer.byteLength(part, 'latin1'), 0);
  offsets.set(5, at());
  parts.push(`5 0 obj\n<</Length ${content.length}>>\nstream\n${content}\nendstream\nendobj\n`);
  offsets.set(6, at());
  parts.push(
    `6 0 obj\n<</Type/ObjStm/N 4/First ${header.length}/Length ${objStmData.length}>>\nstream\n` +
      `${objStmData}\nendstream\nendobj\n`,
  );
  // The xref stream for the compressed objects 1–4, with PNG Up prediction over 4-byte rows.
  const rows = [1, 2, 3, 4].map((num, index) => [2, 0, 6, index]);
  const predicted: number[] = [];
  rows.forEach((row, r) => {
    predicted.push(2);
    row.forEach((value, c) => predicted.push((value - (r > 0 ? rows[r - 1]![c]! : 0)) & 0xff));
  });
  const xrefData = deflateSync(Buffer.from(predicted)).toString('latin1');
  const xrefStmOffset = at();
  parts.push(
    `7 0 obj\n<</Type/XRef/Size 8/W[1 2 1]/Index[1 4]/Filter/FlateDecode` +
      `/DecodeParms<</Predictor 12/Columns 4>>/Length ${xrefData.length}>>\nstream\n` +
      `${xrefData}\nendstream\nendobj\n`,
  );
  const tableOffset = at();
  const entry = (offset: number): string => `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  parts.push(
    'xref\n0 1\n0000000000 65535 f\r\n5 2\n' +
      entry(offsets.get(5)!) +
      entry(offsets.get(6)!) +
      `trailer\n<</Size 8/Root 1 0 R/XRefStm ${xrefStmOffset}>>\nstartxref\n${tableOffset}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
}

export interface SigningIdentity {
  dir: string;
  certPath: string;
  keyPath: string;
  remove(): void;
}

/** A throwaway RSA-2048 key and self-signed certificate, valid for two days. */
export function createSigningIdentity(commonName = 'Nguyen Van Thu Nghiem'): SigningIdentity {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-pdfsig-'));
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/C=VN/O=Tinhso Test/CN=${commonName}`,
      '-days',
      '2',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'pipe' },
  );
  return { dir, certPath, keyPath, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let fileCounter = 0;

function tempFile(identity: SigningIdentity, suffix: string, data?: Buffer): string {
  const file = path.join(identity.dir, `${process.pid}-${++fileCounter}${suffix}`);
  if (data) fs.writeFileSync(file, data);
  return file;
}

/** A detached CMS SignedData over `content`, with signed attributes (and CAdES ESS if asked). */
export function opensslCms(identity: SigningIdentity, content: Buffer, cades: boolean): Buffer {
  const input = tempFile(identity, '.bin', content);
  const output = tempFile(identity, '.der');
  execFileSync(
    'openssl',
    [
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-in',
      input,
      '-signer',
      identity.certPath,
      '-inkey',
      identity.keyPath,
      '-md',
      'sha256',
      ...(cades ? ['-cades'] : []),
      '-out',
      output,
    ],
    { stdio: 'pipe' },
  );
  const der = fs.readFileSync(output);
  fs.rmSync(input);
  fs.rmSync(output);
  return der;
}

export type TestSignOptions = Omit<PdfSignatureOptions, 'signingTime'> & { signingTime?: Date };

/** Prepares, signs with openssl and embeds: the whole signing flow with a real CMS. */
export function signWithOpenssl(
  pdf: Buffer,
  identity: SigningIdentity,
  options: TestSignOptions = {},
): Buffer {
  const prepared = preparePdfSignature(pdf, {
    signingTime: new Date('2026-03-15T02:30:00Z'),
    ...options,
  });
  const cades = (options.subFilter ?? 'ETSI.CAdES.detached') === 'ETSI.CAdES.detached';
  return embedPdfSignature(prepared, opensslCms(identity, pdfSignedBytes(prepared), cades));
}

/** Runs a poppler tool on the bytes; returns stdout (stderr appended) and the exit status. */
export function poppler(
  identity: SigningIdentity,
  tool: 'pdfsig' | 'pdfinfo' | 'pdftotext',
  pdf: Buffer,
  args: string[] = [],
): { output: string; status: number } {
  const file = tempFile(identity, '.pdf', pdf);
  const fileArgs = tool === 'pdftotext' ? [file, '-'] : [file];
  try {
    const output = execFileSync(`/usr/bin/${tool}`, [...args, ...fileArgs], {
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return { output, status: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: failed.status ?? -1 };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** pdfsig's verdict line for each signature, in order ("Signature is Valid." etc.). */
export function pdfsigVerdicts(output: string): string[] {
  return [...output.matchAll(/- Signature Validation: (.*)$/gm)].map((match) => match[1]!.trim());
}
