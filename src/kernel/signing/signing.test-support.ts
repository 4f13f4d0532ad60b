/**
 * A throwaway PKI for tests: a root CA and certificates issued by it, created once per test
 * file (RSA key generation is the slow part), plus helpers to hand them to the OpenSSL CLI.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { X509Certificate } from 'node:crypto';
import {
  createRootCa,
  issueCertificate,
  type KeyAndCertificate,
  type SubjectName,
} from './certificate-authority';

export const run = promisify(execFile);

export interface TestPki {
  root: KeyAndCertificate;
  issue(
    subject: SubjectName,
    options?: { notBefore?: Date; validYears?: number },
  ): Promise<KeyAndCertificate>;
}

export async function createTestPki(name = 'Tỉnh Quảng Ninh (thử nghiệm)'): Promise<TestPki> {
  const notBefore = new Date(Date.UTC(2025, 0, 1));
  const root = await createRootCa({
    subject: { commonName: `CA gốc ${name}`, organization: name },
    notBefore,
    validYears: 20,
  });
  return {
    root,
    issue: (subject, options = {}) =>
      issueCertificate({
        issuer: root,
        subject,
        notBefore: options.notBefore ?? notBefore,
        validYears: options.validYears ?? 5,
      }),
  };
}

export function toPem(der: Buffer): string {
  return new X509Certificate(der).toString();
}

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = 'tinhso-sign-'): {
  dir: string;
  file: (name: string) => string;
  remove: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `openssl` and returns {ok, output} instead of throwing on a non-zero exit. */
export async function openssl(args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('openssl', args, { encoding: 'utf8' });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * poppler's verdict on each signature of a PDF ("Signature is Valid." …), integrity only
 * (-nocert): the independent check every signed PDF of the tests goes through.
 */
export function pdfsigIntegrity(pdf: Buffer): string[] {
  const tmp = tempDir('tinhso-pdfsig-');
  try {
    fs.writeFileSync(tmp.file('signed.pdf'), pdf);
    let output: string;
    try {
      output = execFileSync('/usr/bin/pdfsig', ['-nocert', tmp.file('signed.pdf')], {
        encoding: 'utf8',
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    return [...output.matchAll(/- Signature Validation: (.*)$/gm)].map((m) => m[1]!.trim());
  } finally {
    tmp.remove();
  }
}
