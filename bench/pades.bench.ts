/**
 * PAdES on a 10-page PDF against Node's crypto alone, in the same run:
 * - signing: `signPdf` (incremental update with the Decree 30 visible block, CAdES CMS,
 *   RSA-2048) against `crypto.sign('sha256', sameBytes, sameKey)`;
 * - verifying: `verifyPdf` (find the signatures, hash the byte range, check the CMS, the
 *   certificate binding and the chain to the trusted root) against
 *   `crypto.verify('sha256', sameBytes, sameKey, signature)`.
 * Targets: each at least 50% of its baseline's throughput. Operations are counted in
 * time-boxed rounds, alternating baseline and platform; the ratio is the median of the
 * per-round ratios (harness.median), so a noisy moment hits both sides of one round.
 */
import { sign as cryptoSign, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { demoSignaturePng } from '../src/kernel/signing/appearance';
import { signPdf } from '../src/kernel/signing/pades-sign';
import { verifyPdf } from '../src/kernel/signing/pades-verify';
import { chairmanBlock, samplePdf } from '../src/kernel/signing/sample-pdf.test-support';
import { softwareIdentity } from '../src/kernel/signing/signing-identity';
import { createTestPki } from '../src/kernel/signing/signing.test-support';
import { TrustStore } from '../src/kernel/signing/trust-store';
import { median, printResult, ROUNDS } from './harness';

const TARGET = 0.5;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2000);

/** Operations per second of `operation`, run back to back for `ms`. */
async function throughput(operation: () => unknown, ms = ROUND_MS): Promise<number> {
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < ms) {
    await operation();
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

async function compare(baseline: () => unknown, platform: () => unknown) {
  await throughput(baseline, 1000);
  await throughput(platform, 1000);
  const ratios: number[] = [];
  const baselineRates: number[] = [];
  const platformRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const b = await throughput(baseline);
    const p = await throughput(platform);
    baselineRates.push(b);
    platformRates.push(p);
    ratios.push(p / b);
  }
  return {
    ratio: median(ratios),
    baseline: median(baselineRates),
    platform: median(platformRates),
  };
}

const pki = await createTestPki();
const holder = await pki.issue({
  commonName: 'Nguyễn Văn Hùng',
  organization: 'UBND phường Hạ Long',
});
const identity = softwareIdentity(holder.privateKey, holder.certificate, [pki.root.certificate]);
const publicKey = new X509Certificate(holder.certificate).publicKey;
const trust = new TrustStore([pki.root.certificate]);
const pdf = await samplePdf(10, { lastPageLines: 12 });
const signer = await chairmanBlock(await demoSignaturePng('Nguyễn Văn Hùng'));
const signingTime = new Date();
const signPades = () =>
  signPdf(pdf, { identity, signingTime, appearance: signer.appearance, pageIndex: 9 });

const signed = await signPades();
if (verifyPdf(signed, trust).outcome !== 'valid')
  throw new Error('the signed sample does not verify');
const bareSignature = cryptoSign('sha256', signed, holder.privateKey);

const signing = await compare(() => cryptoSign('sha256', pdf, holder.privateKey), signPades);
const verifying = await compare(
  () => {
    if (!cryptoVerify('sha256', signed, publicKey, bareSignature)) throw new Error('bad baseline');
  },
  () => {
    if (verifyPdf(signed, trust).outcome !== 'valid') throw new Error('verification failed');
  },
);

printResult({
  bench: 'pades',
  pdfBytes: pdf.length,
  pages: 10,
  signPerSecond: Math.round(signing.platform),
  cryptoSignPerSecond: Math.round(signing.baseline),
  signRatio: Number(signing.ratio.toFixed(3)),
  verifyPerSecond: Math.round(verifying.platform),
  cryptoVerifyPerSecond: Math.round(verifying.baseline),
  verifyRatio: Number(verifying.ratio.toFixed(3)),
  target: TARGET,
  pass: signing.ratio >= TARGET && verifying.ratio >= TARGET,
});
