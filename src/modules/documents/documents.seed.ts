/**
 * Quảng Ninh demo data of the registers: every demo agency's notation and place, the
 * signing certificates of the demo leaders (with a handwritten-style signature image) and
 * of the seals of the agencies that exchange documents in the demo, and a few documents
 * that went through the real workflow, so the registers and the exchange are alive on the
 * first start. The certificates come from the demo CA (kernel/signing/signing.seed.ts).
 */
import type { AppContext } from '../../kernel/context';
import { DEMO_ACCOUNTS } from '../../kernel/auth';
import { demoSealPng, demoSignaturePng } from '../../kernel/signing/appearance';
import { currentKeystoreId } from '../../kernel/signing/keystores';
import { issueDemoKeystore } from '../../kernel/signing/signing.seed';
import { documentsDb } from './documents-db';
import { issuerDefaults } from './issuer-defaults';
import { seedDemoDocuments } from './documents.demo-documents';

/** Agencies whose seals the demo issues: the committees and bodies in the demo's stories. */
const SEALED_AGENCY_CODES = [
  '000.00.00.H49', // UBND tỉnh
  '000.00.01.H49', // Văn phòng UBND tỉnh
  '000.00.02.H49', // Sở Nội vụ
  '000.00.04.H49', // Sở Xây dựng
  '000.00.05.H49', // Sở Nông nghiệp và Môi trường
];

/** Commune-level committees in the demo's stories, found by name. */
const SEALED_COMMUNES = ['hạ long', 'bãi cháy', 'cô tô'];

async function seedIssuers(ctx: AppContext): Promise<void> {
  const db = documentsDb(ctx);
  const agencies = await db
    .selectFrom('agency')
    .leftJoin('documentIssuer', 'documentIssuer.agencyId', 'agency.id')
    .select(['agency.id', 'agency.name', 'agency.kind'])
    .where('documentIssuer.agencyId', 'is', null)
    .execute();
  if (agencies.length === 0) return;
  await db
    .insertInto('documentIssuer')
    .values(agencies.map((agency) => ({ agencyId: agency.id, ...issuerDefaults(agency) })))
    .execute();
}

async function sealedAgencies(ctx: AppContext) {
  const db = documentsDb(ctx);
  const byCode = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('code', 'in', SEALED_AGENCY_CODES)
    .execute();
  const communes = [];
  for (const name of SEALED_COMMUNES) {
    const row = await db
      .selectFrom('agency')
      .select(['id', 'name'])
      .where('kind', '=', 'commune_committee')
      .where('name', 'ilike', `%${name}`)
      .executeTakeFirst();
    if (row) communes.push(row);
  }
  return [...byCode, ...communes];
}

export async function seedDocumentsDemo(ctx: AppContext): Promise<void> {
  await seedIssuers(ctx);
  const db = documentsDb(ctx);
  for (const agency of await sealedAgencies(ctx)) {
    if (await currentKeystoreId(ctx.db, { agencyId: agency.id })) continue;
    await issueDemoKeystore(ctx, {
      holderKind: 'seal',
      agencyId: agency.id,
      subject: { commonName: agency.name, organization: agency.name, province: 'Quảng Ninh' },
      appearanceImage: await demoSealPng(agency.name),
    });
  }
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'leader')) {
    const user = await db
      .selectFrom('appUser')
      .innerJoin('agency', 'agency.id', 'appUser.agencyId')
      .select(['appUser.id', 'agency.name as agencyName'])
      .where('appUser.email', '=', account.email)
      .executeTakeFirst();
    if (!user || (await currentKeystoreId(ctx.db, { userId: user.id }))) continue;
    await issueDemoKeystore(ctx, {
      holderKind: 'person',
      userId: user.id,
      subject: {
        commonName: account.fullName,
        organization: user.agencyName,
        province: 'Quảng Ninh',
      },
      appearanceImage: await demoSignaturePng(account.fullName),
    });
  }
  await seedDemoDocuments(ctx);
}
