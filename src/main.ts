/**
 * The `tinhso` command line:
 *   tinhso start [--role=api,worker,scheduler]   run the platform (all roles by default)
 *   tinhso migrate                               apply pending database migrations
 *   tinhso seed [--demo]                          load reference data (and the demo data)
 *   tinhso user create --email … --type staff --agency <code> --role <role> [--password …]
 *   tinhso audit verify                          check the audit chain; exit 1 on tampering
 *   tinhso config check                          validate the environment
 *   tinhso totp <secret>                         print the current TOTP code of a secret
 */
import { parseArgs } from 'node:util';
import { ConfigError } from './kernel/config/config';
import { startCommand } from './cli/start';
import { configCheckCommand } from './cli/config-check';
import { migrateCommand, seedCommand } from './cli/database-commands';

const USAGE = `Usage: tinhso <command>
  start [--role=api,worker,scheduler]  run the platform
  migrate                              apply pending database migrations
  seed [--demo]                        load reference data (and the Quảng Ninh demo data)
  user create --email E --full-name N [--type citizen|staff] [--agency CODE] [--role R]… [--password P]
  audit verify                         verify the audit chain
  config check                         validate the configuration
  totp <base32 secret>                 print the current TOTP code (demo accounts)
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: argv.slice(1), options: { role: { type: 'string' } } });
      await startCommand(values.role);
      return -1; // keeps running
    }
    case 'migrate':
      return migrateCommand();
    case 'seed': {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
      return seedCommand(values.demo ?? false);
    }
    case 'config':
      if (sub === 'check') return configCheckCommand();
      break;
    case 'user':
    case 'audit':
    case 'totp':
      return (await import('./cli/admin-commands')).adminCommand(command, sub, rest);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
  }
  process.stderr.write(`unknown command: ${argv.join(' ')}\n\n${USAGE}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `tinhso: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  },
);
