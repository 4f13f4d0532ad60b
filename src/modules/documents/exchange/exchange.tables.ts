import type { ColumnType, Generated } from 'kysely';

/** Another platform or axis node, and the agency codes it serves. */
export interface ExchangePeerTable {
  id: Generated<string>;
  name: string;
  /** Where its API lives, e.g. `https://tinhso.binhdinh.gov.vn`; packages go to `/api/exchange/packages`. */
  baseUrl: string;
  /** LIKE patterns of the agency codes it serves, e.g. `%.H26`, `000.00.00.G%`. */
  organPatterns: string[];
  /** The key this platform presents to it, field-encrypted (`exchange_peer.api_key:<id>`). */
  apiKey: string;
  apiKeyPrefix: string;
  createdBy: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  disabledAt: Date | null;
}

export type PackageDirection = 'in' | 'out';
export type PackageKind = 'document' | 'status';
export type BusinessType = 'new' | 'revoke' | 'update' | 'replace';
export type OutState = 'queued' | 'delivered' | 'failed';
export type InState = 'accepted' | 'rejected';

/** One packet sent or received, as signed. */
export interface ExchangePackageTable {
  id: Generated<string>;
  direction: PackageDirection;
  kind: PackageKind;
  exchangeId: string | null;
  fromOrgan: string | null;
  toOrgan: string | null;
  business: BusinessType | null;
  statusCode: string | null;
  xml: string;
  sha256: string;
  size: number;
  state: OutState | InState;
  attempts: ColumnType<number, number | undefined, number>;
  lastAttemptAt: Date | null;
  errorCode: string | null;
  lastError: string | null;
  receiptCode: '01' | '02' | null;
  acknowledgedAt: Date | null;
  peerId: string | null;
  apiKeyId: string | null;
  agencyId: string | null;
  outgoingId: string | null;
  incomingId: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  deliveredAt: Date | null;
}

// A type, not an interface: Kysely's withTables needs the implicit index signature.
export type ExchangeTables = {
  exchangePeer: ExchangePeerTable;
  exchangePackage: ExchangePackageTable;
};
