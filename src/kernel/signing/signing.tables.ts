import type { ColumnType, Generated } from 'kysely';

export type KeystoreHolder = 'ca' | 'person' | 'seal';

/** A software keystore: the PKCS#12 file of one signer, one agency seal, or the demo CA. */
export interface SigningKeystoreTable {
  id: Generated<string>;
  holderKind: KeystoreHolder;
  userId: string | null;
  agencyId: string | null;
  /** The certificate's common name, for lists. */
  subjectName: string;
  certificate: Buffer;
  /** Issuing certificates, DER concatenated. */
  chain: Buffer;
  /** SHA-256 of the certificate's DER, hex. */
  fingerprint: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  keystore: Buffer;
  /** Field-encrypted with the row id as context. */
  keystorePassword: string;
  appearanceImage: Buffer | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  retiredAt: Date | null;
}

export interface SigningTrustedRootTable {
  id: Generated<string>;
  certificate: Buffer;
  fingerprint: string;
  subject: string;
  notAfter: Date;
  /** Who added it: a user id, `config`, or `demo-seed`. */
  addedBy: string;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface SigningCrlTable {
  issuerFingerprint: string;
  crl: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface SigningTables {
  signingKeystore: SigningKeystoreTable;
  signingTrustedRoot: SigningTrustedRootTable;
  signingCrl: SigningCrlTable;
}
