/**
 * Test helpers of the exchange: agency seals from the demo CA, issued outgoing documents
 * written straight into the registers (the workflow that issues them is tested on its own),
 * a deterministic outbox worker, and reading what a platform holds. Used only by tests.
 */
import type { Selectable } from 'kysely';
import type { AppContext } from '../../../kernel/context';
import { collectHandlers, startWorker, type Worker } from '../../../kernel/events';
import { createTestUser } from '../../../kernel/auth/testing';
import { insertStoredFile } from '../../../kernel/storage/storage.queries';
import {
  issueDemoKeystore,
  seedDemoCertificateAuthority,
} from '../../../kernel/signing/signing.seed';
import { samplePdf } from '../../../kernel/signing/sample-pdf.test-support';
import { manifests } from '../../../parts';
import { documentsDb } from '../documents-db';
import type { DocumentIncomingTable, Secrecy, Urgency } from '../documents.tables';
import { formatDocumentNumber } from '../register-number';
import { exchangeDb } from './exchange-db';
import { queueDocumentPackages, type Business, type QueuedPackage } from './send';

/** The demo CA of this platform and a seal for each agency. */
export async function sealAgencies(ctx: AppContext, agencyIds: readonly string[]): Promise<void> {
  await seedDemoCertificateAuthority(ctx);
  for (const agencyId of agencyIds) {
    const agency = await ctx.db
      .selectFrom('agency')
      .select(['name'])
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    await issueDemoKeystore(ctx, {
      holderKind: 'seal',
      agencyId,
      subject: { commonName: `Con dấu ${agency.name}`, organization: agency.name },
      appearanceImage: Buffer.from('png'),
    });
  }
}

/** The platform's trusted root as PEM (the demo CA's), to hand to another platform. */
export async function rootPem(ctx: AppContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('signingTrustedRoot')
    .select('certificate')
    .where('addedBy', '=', 'demo-seed')
    .executeTakeFirstOrThrow();
  const lines = Buffer.from(row.certificate)
    .toString('base64')
    .match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export async function agencyCode(ctx: AppContext, agencyId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('agency')
    .select('code')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return row.code;
}

export interface Recipient {
  organId: string;
  organName: string;
}

export interface IssuedDocument {
  agencyId: string;
  recipients: Recipient[];
  subject?: string;
  number?: number;
  urgency?: Urgency;
  secrecy?: Secrecy;
}

let userCount = 0;

/** An issued, numbered outgoing document with its signed PDF and recipients. */
export async function issuedOutgoing(ctx: AppContext, input: IssuedDocument): Promise<string> {
  const db = documentsDb(ctx);
  userCount += 1;
  const clerk = await createTestUser(ctx, {
    email: `vanthu.exchange.${userCount}.${Date.now()}@example.vn`,
    agencyId: input.agencyId,
    roles: ['officer'],
    totp: false,
  });
  const existing = await db
    .selectFrom('documentRegister')
    .select('id')
    .where('agencyId', '=', input.agencyId)
    .where('code', '=', 'VBDI')
    .executeTakeFirst();
  const registerId =
    existing?.id ??
    (
      await db
        .insertInto('documentRegister')
        .values({
          agencyId: input.agencyId,
          direction: 'outgoing',
          code: 'VBDI',
          name: 'Sổ văn bản đi',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const now = ctx.clock.now();
  const number = input.number ?? 7;
  const notation = `${formatDocumentNumber(number)}/UBND-VP`;
  const promulgatedOn = now.toISOString().slice(0, 10);
  const pdf = await samplePdf(1);
  const stored = await ctx.files.put(pdf);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('documentOutgoing')
      .values({
        agencyId: input.agencyId,
        status: 'issued',
        typeAbbreviation: null,
        typeName: 'Công văn',
        draftingUnit: 'VP',
        subject: input.subject ?? 'V/v phối hợp triển khai chính quyền số',
        body: 'Đề nghị các cơ quan phối hợp triển khai.',
        toPlaces: [...input.recipients.map((r) => r.organName), 'Lưu: VT'],
        urgency: input.urgency ?? 'urgent',
        secrecy: input.secrecy ?? 'normal',
        placeName: 'Hạ Long',
        signerCompetence: 'TM. ỦY BAN NHÂN DÂN',
        signerPosition: 'CHỦ TỊCH',
        signerName: 'Nguyễn Văn Hùng',
        draftedBy: clerk.id,
        registerId,
        year: Number(promulgatedOn.slice(0, 4)),
        number,
        codeNotation: 'UBND-VP',
        notation,
        promulgatedOn,
        signedAt: now,
        issuedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await insertStoredFile(trx, {
      sha256: stored.sha256,
      size: stored.size,
      mediaType: 'application/pdf',
      originalName: `${notation.replace('/', '_')}.pdf`,
      ownerType: 'document_outgoing',
      ownerId: row.id,
      agencyId: input.agencyId,
      uploadedBy: clerk.id,
      createdAt: now,
    });
    await trx
      .insertInto('documentFile')
      .values({
        outgoingId: row.id,
        incomingId: null,
        role: 'signed',
        storedFileId: file.id,
        name: file.originalName,
        mediaType: 'application/pdf',
        size: stored.size,
        createdAt: now,
      })
      .execute();
    if (input.recipients.length > 0) {
      await trx
        .insertInto('documentRecipient')
        .values(input.recipients.map((r) => ({ outgoingId: row.id, ...r })))
        .execute();
    }
    return row.id;
  });
}

/** Queues the document in its own transaction, as the workflow does when issuing it. */
export async function send(
  ctx: AppContext,
  outgoingId: string,
  business: Business = { type: 'new' },
): Promise<QueuedPackage[]> {
  return documentsDb(ctx)
    .transaction()
    .execute((trx) => queueDocumentPackages(ctx, trx, outgoingId, business));
}

/** A worker driven by the test: retries after 1 s, 2 s, 4 s… of the platform's clock. */
export function testWorker(ctx: AppContext): Worker {
  return startWorker(ctx, collectHandlers(manifests), {
    poll: false,
    backoff: { baseMs: 1000 },
    random: () => 0.5,
  });
}

export async function incomingOf(
  ctx: AppContext,
  agencyId: string,
): Promise<Selectable<DocumentIncomingTable>[]> {
  return documentsDb(ctx)
    .selectFrom('documentIncoming')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function recipientsOf(ctx: AppContext, outgoingId: string) {
  return documentsDb(ctx)
    .selectFrom('documentRecipient')
    .select(['organId', 'statusCode', 'statusNote'])
    .where('outgoingId', '=', outgoingId)
    .orderBy('organId')
    .execute();
}

export async function outgoingStatus(ctx: AppContext, outgoingId: string): Promise<string> {
  const row = await documentsDb(ctx)
    .selectFrom('documentOutgoing')
    .select('status')
    .where('id', '=', outgoingId)
    .executeTakeFirstOrThrow();
  return row.status;
}

export async function packagesOf(ctx: AppContext) {
  return exchangeDb(ctx)
    .selectFrom('exchangePackage')
    .select([
      'id',
      'direction',
      'kind',
      'business',
      'statusCode',
      'exchangeId',
      'fromOrgan',
      'toOrgan',
      'state',
      'attempts',
      'errorCode',
      'lastError',
      'receiptCode',
      'acknowledgedAt',
      'incomingId',
      'outgoingId',
    ])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** The document's id on the axis, as the sender's register holds it. */
export async function exchangeIdOf(ctx: AppContext, outgoingId: string): Promise<string> {
  const row = await documentsDb(ctx)
    .selectFrom('documentOutgoing')
    .select('exchangeId')
    .where('id', '=', outgoingId)
    .executeTakeFirstOrThrow();
  return row.exchangeId!;
}

/** What the agency holds of one document (live or not), oldest first. */
export async function heldCopies(ctx: AppContext, agencyId: string, exchangeId: string) {
  return (await incomingOf(ctx, agencyId)).filter((i) => i.exchangeId === exchangeId);
}
