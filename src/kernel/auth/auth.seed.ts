/** Reference data (the built-in roles) and the demo accounts. */
import { sql } from 'kysely';
import type { AppContext } from '../context';
import { base32Decode } from './base32';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';
import { fieldCipher } from './field-crypto';
import { hashPassword } from './passwords';
import { BUILT_IN_ROLES, CITIZEN_ROLE } from './permissions';
import { upsertRoles } from './roles.queries';
import { findUserByEmail, insertUser, replaceUserRoles, updateUser } from './users.queries';

export async function seedRoles(ctx: AppContext): Promise<void> {
  await upsertRoles(ctx.db, BUILT_IN_ROLES);
}

/** The demo agency of an account: a root for province-wide staff, else by kind and name. */
async function findDemoAgency(
  ctx: AppContext,
  agency: NonNullable<DemoAccount['agency']>,
): Promise<string | null> {
  let query = ctx.db
    .selectFrom('agency')
    .select('id')
    .where('kind', '=', agency.kind)
    .where('active', '=', true);
  if (agency.kind === 'province_committee') query = query.where('parentId', 'is', null);
  if (agency.nameLike) {
    const pattern = `%${agency.nameLike}%`;
    query = query.where(
      sql<boolean>`immutable_unaccent(lower(name)) LIKE immutable_unaccent(lower(${pattern}))`,
    );
  }
  const row = await query.orderBy('code').executeTakeFirst();
  if (row || !agency.nameLike) return row?.id ?? null;
  // No agency by that name in this province's tree: any of the same kind will do.
  return findDemoAgency(ctx, { kind: agency.kind });
}

export async function seedDemoAccounts(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(ctx.db, account.email)) continue;
    const agencyId = account.agency ? await findDemoAgency(ctx, account.agency) : null;
    if (account.agency && !agencyId) {
      ctx.log.warn({ role: account.role }, 'no demo agency for this account; skipped');
      continue;
    }
    const passwordHash = await hashPassword(account.password);
    await ctx.db.transaction().execute(async (trx) => {
      const id = await insertUser(trx, {
        type: account.role === 'citizen' ? 'citizen' : 'staff',
        email: account.email,
        phone: null,
        fullName: account.fullName,
        passwordHash,
        agencyId,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      if (account.totpSecret) {
        const secret = base32Decode(account.totpSecret);
        await updateUser(trx, id, {
          totpSecret: fieldCipher(ctx.config).encrypt(secret, `app_user.totp_secret:${id}`),
          totpEnabledAt: now,
        });
      }
      await replaceUserRoles(
        trx,
        id,
        [{ role: account.role === 'citizen' ? CITIZEN_ROLE : account.role, agencyId }],
        null,
      );
    });
  }
}
