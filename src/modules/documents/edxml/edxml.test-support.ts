/**
 * Test helpers: fixtures on disk, sample models, and throwaway keys and certificates (an RSA
 * key from Node, certificates from @peculiar/x509), so signature tests never depend on files.
 */
// @peculiar/x509 resolves its parts through tsyringe, which needs this polyfill loaded first.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { EdxmlPackage, EdxmlStatus } from './edxml.types';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

export function sampleOrgan(organId: string, organName: string) {
  return { organId, organName };
}

/** A new document with every optional part present and two attachments. */
export function samplePackage(): EdxmlPackage {
  return {
    header: {
      from: {
        organId: '000.00.00.H49',
        organName: 'UBND tỉnh Quảng Ninh',
        organizationInCharge: 'Ủy ban nhân dân tỉnh Quảng Ninh',
        organAdd: 'Trung tâm hành chính tỉnh, phường Hồng Hà',
        email: 'vanthu@quangninh.gov.vn',
        telephone: '0203 3835 669',
        fax: '0203 3835 670',
        website: 'https://www.quangninh.gov.vn',
      },
      to: [sampleOrgan('000.31.22.H49', 'UBND phường Hạ Long')],
      code: { codeNumber: '123', codeNotation: 'UBND-VP' },
      promulgationInfo: { place: 'Quảng Ninh', promulgationDate: '2025-03-14' },
      documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
      subject: 'V/v triển khai "Chính quyền số" <năm 2025> & các năm tiếp theo',
      content: 'Dòng 1\nDòng 2 với ký tự ]]> và &amp;',
      signerInfo: {
        competence: 'TL. CHỦ TỊCH',
        position: 'Chánh Văn phòng',
        fullName: 'Đỗ Văn Đức',
      },
      dueDate: '2025-04-01',
      toPlaces: ['Như trên', 'Lưu: VT'],
      otherInfo: {
        priority: 4,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'DVD',
        promulgationAmount: 5,
        pageAmount: 2,
        appendixes: ['Phụ lục I'],
      },
      responseFor: [
        {
          organId: '000.00.22.H49',
          code: '45/SNV-VP',
          promulgationDate: '2025-03-01',
          documentId: '000.00.22.H49,2025/03/01,45/SNV-VP',
        },
      ],
      steeringType: 1,
      documentId: '000.00.00.H49,2025/03/14,123/UBND-VP',
    },
    traces: [{ organId: '000.00.00.H49', timestamp: new Date('2025-03-14T01:30:00Z') }],
    bussiness: {
      bussinessDocType: 0,
      bussinessDocReason: 'Văn bản điện tử mới',
      documentId: '000.00.00.H49,2025/03/14,123/UBND-VP',
      paper: 0,
      replacementInfoList: [],
      staffInfo: { department: 'Văn phòng', staff: 'Trần Thị Hoa', mobile: '0912345678' },
    },
    attachments: [
      {
        contentId: 'cv-123',
        attachmentName: '123_UBND-VP.pdf',
        contentType: 'application/pdf',
        description: 'Công văn đã ký số',
        content: Buffer.from('%PDF-1.4 công văn 123/UBND-VP', 'utf8'),
      },
      {
        contentId: 'empty',
        attachmentName: 'rỗng.txt',
        contentType: 'text/plain',
        content: Buffer.alloc(0),
      },
    ],
  };
}

export function sampleStatus(): EdxmlStatus {
  return {
    responseFor: {
      organId: '000.00.00.H49',
      code: '123/UBND-VP',
      promulgationDate: '2025-03-14',
      documentId: '000.00.00.H49,2025/03/14,123/UBND-VP',
    },
    from: sampleOrgan('000.31.22.H49', 'UBND phường Hạ Long'),
    statusCode: '03',
    description: 'Đã vào sổ văn bản đến',
    timestamp: new Date('2025-03-14T02:00:00Z'),
    staffInfo: { department: 'Văn thư', staff: 'Phạm Minh Châu' },
  };
}

// ---- throwaway PKI ----

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export interface TestSigner {
  privateKey: KeyObject;
  privateKeyPem: string;
  certificatePem: string;
  /** The issuing CA's certificate when the signer is not self-signed. */
  chainPem: string[];
}

async function toCryptoKeys(privateKey: KeyObject, publicKey: KeyObject) {
  const subtle = webcrypto.subtle;
  return {
    privateKey: await subtle.importKey(
      'pkcs8',
      privateKey.export({ type: 'pkcs8', format: 'der' }),
      RSA,
      true,
      ['sign'],
    ),
    publicKey: await subtle.importKey(
      'spki',
      publicKey.export({ type: 'spki', format: 'der' }),
      RSA,
      true,
      ['verify'],
    ),
  };
}

const validity = () => ({
  notBefore: new Date(Date.now() - 86_400_000),
  notAfter: new Date(Date.now() + 365 * 86_400_000),
});

/** A signer whose certificate is issued by a throwaway CA (chain of two). */
export async function makeSigner(commonName = 'Văn thư UBND tỉnh Quảng Ninh'): Promise<TestSigner> {
  const ca = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caKeys = await toCryptoKeys(ca.privateKey, ca.publicKey);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Tinhso Test CA, O=Tinhso, C=VN',
    ...validity(),
    signingAlgorithm: RSA,
    keys: caKeys,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  const leaf = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const leafKeys = await toCryptoKeys(leaf.privateKey, leaf.publicKey);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${commonName}, O=UBND tỉnh Quảng Ninh, C=VN`,
    issuer: caCert.subject,
    ...validity(),
    signingAlgorithm: RSA,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  return {
    privateKey: leaf.privateKey,
    privateKeyPem: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: cert.toString('pem'),
    chainPem: [caCert.toString('pem')],
  };
}
