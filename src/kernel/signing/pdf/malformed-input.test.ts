/**
 * Files from citizens arrive damaged in every way. Whatever the damage, signing and finding
 * signatures must end quickly with a result or a PdfStructureError — never a hang, a stack
 * overflow or a TypeError from inside the parser.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfStructureError } from './pdf-structure-error';
import { findPdfSignatures } from './signature-discovery';
import { preparePdfSignature } from './signature-placeholder';
import {
  createSigningIdentity,
  makePdf,
  signWithOpenssl,
  type SigningIdentity,
} from './test-support';

let identity: SigningIdentity;
const samples: Buffer[] = [];
beforeAll(async () => {
  identity = createSigningIdentity();
  for (const objectStreams of [false, true]) {
    // A small placeholder, so that random positions mostly hit structure, not zero padding.
    const options = { contentsSize: 3000 };
    const unsigned = await makePdf({ pages: 2, objectStreams, textField: true });
    const once = signWithOpenssl(unsigned, identity, options);
    samples.push(signWithOpenssl(once, identity, options));
  }
});
afterAll(() => identity.remove());

const seen = { ok: 0, 'structure-error': 0 };

function outcome(action: () => unknown): void {
  try {
    action();
    seen.ok++;
  } catch (error) {
    if (!(error instanceof PdfStructureError)) throw error;
    seen['structure-error']++;
  }
}

function exercise(pdf: Buffer): void {
  const started = performance.now();
  outcome(() => findPdfSignatures(pdf));
  outcome(() => preparePdfSignature(pdf, { signingTime: new Date(0), contentsSize: 64 }));
  // A corrupt 50 KB file must not take long: no quadratic scans, no retries in loops.
  expect(performance.now() - started).toBeLessThan(1000);
}

describe('corrupted documents', () => {
  it('survive random single-byte changes', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 0, max: 255 }),
        (which, where, value) => {
          const pdf = Buffer.from(samples[which]!);
          pdf[Math.floor(where * pdf.length)] = value;
          exercise(pdf);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survive changes concentrated on the structure at the end of the file', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1 }),
        fc.nat({ max: 1500 }),
        fc.constantFrom(0x00, 0x20, 0x30, 0x39, 0x3c, 0x3e, 0x2f, 0x5b, 0x5d, 0x28, 0x0a, 0xff),
        (which, fromEnd, value) => {
          const pdf = Buffer.from(samples[which]!);
          pdf[Math.max(0, pdf.length - 1 - fromEnd)] = value;
          exercise(pdf);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survive truncation anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (which, at) => {
        const pdf = samples[which]!;
        exercise(pdf.subarray(0, Math.floor(at * pdf.length)));
      }),
      { numRuns: 200 },
    );
  });

  it('were exercised on both paths: some still readable, some refused', () => {
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen['structure-error']).toBeGreaterThan(50);
  });
});
