/** `tinhso config check`: validates the environment and prints the effective settings. */
import { ConfigError, loadConfig } from '../kernel/config/config';

const SECRET = new Set([
  'fieldEncryptionKey',
  'auditSigningKey',
  'databaseUrl',
  'smtpUrl',
  'mqttUrl',
  'vnpayHashSecret',
]);

export function configCheckCommand(out: NodeJS.WritableStream = process.stdout): number {
  try {
    const config = loadConfig();
    for (const [key, value] of Object.entries(config)) {
      const shown = SECRET.has(key) && value ? maskUrl(String(value)) : JSON.stringify(value);
      out.write(`${key} = ${shown}\n`);
    }
    out.write('configuration is valid\n');
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      out.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Shows the host of a URL but never its password. */
function maskUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}
