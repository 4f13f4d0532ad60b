/**
 * Administration from the shell, for the first account of an installation and for checks
 * run by cron:
 *   tinhso user create --email E --full-name N [--type staff|citizen] [--agency CODE]
 *                      [--role R]… [--phone P] [--password P]
 *   tinhso audit verify
 *   tinhso totp <base32 secret>      (prints the current code: demo and support use)
 * The shell operator acts as the system, holding every permission over the whole tree;
 * what it does is audited like any other action.
 */
import { parseArgs } from 'node:util';
import { PERMISSIONS, type Principal } from '../kernel/auth';
import { createStaff } from '../kernel/auth/admin-users.service';
import { registerCitizen } from '../kernel/auth/auth.service';
import { base32Decode } from '../kernel/auth/base32';
import { totp } from '../kernel/auth/totp';
import { runAuditVerify, sealPendingAuditEvents } from '../kernel/audit';
import type { AppContext } from '../kernel/context';
import { openRuntime } from './runtime';

// Actions from the shell are recorded as coming from the local machine.
const SHELL = { ip: '127.0.0.1', userAgent: 'tinhso-cli', requestId: 'cli' };

/** Every permission over every root of the agency tree. */
async function systemPrincipal(ctx: AppContext): Promise<Principal> {
  const roots = await ctx.db
    .selectFrom('agency')
    .select('id')
    .where('parentId', 'is', null)
    .execute();
  const permissions = new Set<string>(Object.values(PERMISSIONS));
  return {
    kind: 'system',
    id: 'tinhso-cli',
    type: 'staff',
    agencyId: roots[0]?.id ?? null,
    permissions,
    sessionId: null,
    mfaPassed: true,
    grants: roots.map((root) => ({ role: 'system', agencyId: root.id, permissions })),
  };
}

async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      phone: { type: 'string' },
      'full-name': { type: 'string' },
      type: { type: 'string', default: 'staff' },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      password: { type: 'string' },
    },
  });
  const fullName = values['full-name'];
  if (!fullName || (!values.email && !values.phone)) {
    process.stderr.write('user create needs --full-name and --email (or --phone for a citizen)\n');
    return 1;
  }
  const runtime = await openRuntime();
  try {
    const { ctx } = runtime;
    if (values.type === 'citizen') {
      if (!values.password) {
        process.stderr.write('a citizen account needs --password\n');
        return 1;
      }
      const user = await registerCitizen(ctx, SHELL, {
        email: values.email,
        phone: values.phone,
        fullName,
        password: values.password,
      });
      process.stdout.write(`citizen account created: ${user.id}\n`);
      return 0;
    }
    if (values.type !== 'staff' || !values.email || !values.agency) {
      process.stderr.write('a staff account needs --email and --agency <agency code>\n');
      return 1;
    }
    const agency = await ctx.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', values.agency)
      .executeTakeFirst();
    if (!agency) {
      process.stderr.write(`no agency has the code ${values.agency}\n`);
      return 1;
    }
    const created = await createStaff(ctx, SHELL, await systemPrincipal(ctx), {
      email: values.email,
      phone: values.phone,
      fullName,
      agencyId: agency.id,
      roles: values.role ?? ['officer'],
      password: values.password,
    });
    process.stdout.write(`staff account created: ${created.user.id}\n`);
    if (created.temporaryPassword) {
      process.stdout.write(`temporary password (shown once): ${created.temporaryPassword}\n`);
    }
    process.stdout.write('the second factor (TOTP) is enrolled at the first sign-in\n');
    return 0;
  } finally {
    await runtime.close();
  }
}

export async function adminCommand(
  command: string,
  sub: string | undefined,
  args: string[],
): Promise<number> {
  if (command === 'user' && sub === 'create') return userCreate(args);
  if (command === 'audit' && sub === 'verify') {
    const runtime = await openRuntime();
    try {
      // Seal what the scheduler would seal within a second (the platform may be stopped),
      // so the check covers every committed row.
      await sealPendingAuditEvents(runtime.ctx.db);
      return await runAuditVerify(runtime.ctx, process.stdout);
    } finally {
      await runtime.close();
    }
  }
  if (command === 'totp' && sub) {
    process.stdout.write(`${totp(base32Decode(sub), new Date())}\n`);
    return 0;
  }
  process.stderr.write(`unknown command: ${[command, sub, ...args].join(' ')}\n`);
  return 1;
}
