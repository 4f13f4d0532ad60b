/** The SQL of fees and payments; functions take the database or the caller's transaction. */
import type { DossiersDb, DossiersTrx } from '../dossiers-db';
import type { Channel } from '../catalog';

type Db = DossiersDb | DossiersTrx;

export interface DossierForFees {
  id: string;
  code: string;
  status: string;
  channel: Channel;
  procedureId: string;
  receivingAgencyId: string;
  applicantUserId: string | null;
}

export async function findDossierForFees(
  db: Db,
  code: string,
  options: { lock?: boolean } = {},
): Promise<DossierForFees | undefined> {
  let query = db
    .selectFrom('dossier')
    .select([
      'id',
      'code',
      'status',
      'channel',
      'procedureId',
      'receivingAgencyId',
      'applicantUserId',
    ])
    .where('code', '=', code);
  // Assessing, paying at the desk and confirming a payment of one dossier happen one after
  // the other: each locks the dossier first.
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface ScheduleEntry {
  index: number;
  kind: 'PHI' | 'LE_PHI';
  description: string;
  amount: number;
}

/** The procedure's fees and charges for a channel, in the order its record lists them. */
export async function feeSchedule(
  db: Db,
  procedureId: string,
  channel: Channel,
): Promise<ScheduleEntry[]> {
  const row = await db
    .selectFrom('procedure')
    .select('tthc')
    .where('id', '=', procedureId)
    .executeTakeFirstOrThrow();
  const record = row.tthc.CachThucThucHien.find((entry) => entry.Kenh === channel);
  return (record?.PhiLePhi ?? []).map((fee, index) => ({
    index,
    kind: fee.Loai,
    description: fee.MoTa,
    amount: fee.SoTien,
  }));
}

export async function feeLinesOf(db: Db, dossierId: string) {
  const rows = await db
    .selectFrom('dossierFee')
    .leftJoin('dossierPayment', 'dossierPayment.id', 'dossierFee.paymentId')
    .select([
      'dossierFee.id',
      'dossierFee.scheduleIndex',
      'dossierFee.kind',
      'dossierFee.description',
      'dossierFee.unitAmount',
      'dossierFee.quantity',
      'dossierFee.amount',
      'dossierFee.status',
      'dossierFee.assessedAt',
      'dossierFee.paidAt',
      'dossierPayment.receiptNumber',
    ])
    .where('dossierFee.dossierId', '=', dossierId)
    .orderBy('dossierFee.assessedAt')
    .orderBy('dossierFee.scheduleIndex')
    .execute();
  // int8 comes back as a string from node-postgres.
  return rows.map((row) => ({
    ...row,
    unitAmount: Number(row.unitAmount),
    amount: Number(row.amount),
  }));
}

export async function paymentsOf(db: Db, dossierId: string) {
  const rows = await db
    .selectFrom('dossierPayment')
    .select([
      'id',
      'provider',
      'method',
      'amount',
      'status',
      'createdAt',
      'expiresAt',
      'paidAt',
      'receiptNumber',
    ])
    .where('dossierId', '=', dossierId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

/** What the dossier still owes, in đồng: its fee lines not yet paid. */
export async function feesOutstanding(db: Db, dossierId: string): Promise<number> {
  const row = await db
    .selectFrom('dossierFee')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.lit(0)).as('due'))
    .where('dossierId', '=', dossierId)
    .where('status', '=', 'due')
    .executeTakeFirstOrThrow();
  return Number(row.due);
}

/** The online payment of the dossier still open at `now`, if any. */
export async function openOnlinePayment(db: Db, dossierId: string, now: Date) {
  return db
    .selectFrom('dossierPayment')
    .select(['id', 'expiresAt'])
    .where('dossierId', '=', dossierId)
    .where('status', '=', 'pending')
    .where('expiresAt', '>', now)
    .orderBy('expiresAt', 'desc')
    .executeTakeFirst();
}
