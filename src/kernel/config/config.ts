/**
 * The platform's configuration: the only place that reads `process.env`.
 *
 * Every setting has a default that lets `npm start` work on a bare machine; production
 * overrides them through the environment. `loadConfig` validates everything at once and
 * reports every problem in one message, so an operator fixes a bad deployment in one pass.
 * The result is frozen: nothing may change configuration after start-up.
 * Each setting is documented in docs/configuration.md (a test keeps the two in step).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';

export type Role = 'api' | 'worker' | 'scheduler';
export const ALL_ROLES: readonly Role[] = ['api', 'worker', 'scheduler'];

export interface Config {
  /** production | development | test */
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** Base URL people use to reach the platform; used in mails and links. */
  publicUrl: string;
  /** Root folder of everything the embedded defaults keep on disk. */
  dataDir: string;
  /** PostgreSQL URL; empty means the embedded PGlite database under dataDir/pg. */
  databaseUrl: string;
  databasePoolSize: number;
  /** Runs of one statement text after which it is prepared on each connection; 0: never. */
  databasePrepareThreshold: number;
  /** MQTT broker URL; empty means the embedded broker (aedes). */
  mqttUrl: string;
  /** Port of the embedded MQTT broker; 0 keeps it in-process only. */
  mqttEmbeddedPort: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Whether requests reach us over TLS (directly or via a proxy): turns on HSTS and Secure cookies. */
  tls: boolean;
  trustProxy: boolean;
  corsOrigins: string[];
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  rateLimitPerMinute: number;
  overloadMaxEventLoopDelayMs: number;
  overloadMaxHeapUsedBytes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** 32-byte key (base64) for field-level encryption of personal data. */
  fieldEncryptionKey: string;
  storageDir: string;
  smtpUrl: string;
  mailFrom: string;
  smsTransport: 'console' | 'none';
  timezone: string;
  /** Working hours as "HH:MM-HH:MM,HH:MM-HH:MM" in `timezone`. */
  workingHours: string;
  mapTileUrl: string;
  /** Load the Quảng Ninh demo data on the first start of an empty database. */
  seedDemo: boolean;
  /** Ed25519 key (PKCS#8 PEM, base64) signing audit checkpoints; empty: kept in dataDir/secrets. */
  auditSigningKey: string;
  /** PEM file of extra trusted root certificates for signature verification; empty: none. */
  signingTrustedRoots: string;
  /** Delivery attempts of an outbox event to one handler before it becomes a dead letter. */
  outboxMaxAttempts: number;
  /** Time a webhook receiver has to answer one delivery (below the worker's handler limit). */
  webhookTimeoutMs: number;
  /** Let webhooks reach loopback and private-network hosts, over http too (never link-local). */
  webhookAllowPrivateNetwork: boolean;
  /** Who takes online payments of fees: VNPay, or the platform's own sandbox (never in production). */
  paymentProvider: 'vnpay' | 'sandbox';
  /** VNPay's merchant terminal code (vnp_TmnCode); empty when VNPay is not used. */
  vnpayTmnCode: string;
  /** VNPay's secret for HMAC-SHA512 signatures; empty when VNPay is not used. */
  vnpayHashSecret: string;
  /** VNPay's payment page, where applicants are sent to pay. */
  vnpayPayUrl: string;
  roles: Role[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads, validates and freezes the configuration. Throws ConfigError listing every problem. */
export function loadConfig(
  env: Env = process.env,
  overrides: Partial<Config> = {},
): Readonly<Config> {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const raw = str(name, fallback);
    if (raw === '') return raw;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', 'development', ['production', 'development', 'test'] as const);
  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST', '0.0.0.0');
  const dataDir = path.resolve(str('DATA_DIR', './data'));
  const tls = bool('TLS', false);

  const fieldEncryptionKey = str('FIELD_ENCRYPTION_KEY', '');
  if (fieldEncryptionKey !== '' && Buffer.from(fieldEncryptionKey, 'base64').length !== 32) {
    problems.push('FIELD_ENCRYPTION_KEY must be 32 bytes encoded in base64');
  }
  if (nodeEnv === 'production' && fieldEncryptionKey === '') {
    problems.push('FIELD_ENCRYPTION_KEY is required in production');
  }

  const auditSigningKey = str('AUDIT_SIGNING_KEY', '');
  if (auditSigningKey !== '') {
    try {
      const key = createPrivateKey(Buffer.from(auditSigningKey, 'base64').toString('utf8'));
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
    } catch {
      problems.push(
        'AUDIT_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM, base64-encoded',
      );
    }
  }

  const signingTrustedRoots = str('SIGNING_TRUSTED_ROOTS', '');
  if (signingTrustedRoots !== '') {
    try {
      const pem = fs.readFileSync(signingTrustedRoots, 'utf8');
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no certificate');
    } catch {
      problems.push('SIGNING_TRUSTED_ROOTS must name a readable PEM file of certificates');
    }
  }

  const workingHours = str('WORKING_HOURS', '07:00-11:30,13:30-17:00');
  if (!/^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/.test(workingHours)) {
    problems.push('WORKING_HOURS must look like "07:00-11:30,13:30-17:00"');
  }

  const paymentProvider = oneOf('PAYMENT_PROVIDER', 'sandbox', ['vnpay', 'sandbox'] as const);
  const vnpayTmnCode = str('VNPAY_TMN_CODE', '');
  const vnpayHashSecret = str('VNPAY_HASH_SECRET', '');
  if (vnpayTmnCode !== '' && !/^[A-Za-z0-9]{1,20}$/.test(vnpayTmnCode)) {
    problems.push('VNPAY_TMN_CODE must be the letters and digits VNPay gave (e.g. 2QXUI4J4)');
  }
  if (paymentProvider === 'vnpay' && (vnpayTmnCode === '' || vnpayHashSecret === '')) {
    problems.push('PAYMENT_PROVIDER=vnpay needs VNPAY_TMN_CODE and VNPAY_HASH_SECRET');
  }

  const rolesRaw = str('ROLES', ALL_ROLES.join(','));
  const roles = rolesRaw.split(',').map((r) => r.trim()) as Role[];
  for (const role of roles) {
    if (!ALL_ROLES.includes(role)) problems.push(`ROLES contains unknown role "${role}"`);
  }

  const timezone = str('TIMEZONE', 'Asia/Ho_Chi_Minh');
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    problems.push(`TIMEZONE "${timezone}" is not a known IANA time zone`);
  }

  const config: Config = {
    env: nodeEnv,
    host,
    port,
    publicUrl: url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']),
    dataDir,
    databaseUrl: url('DATABASE_URL', '', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 500),
    databasePrepareThreshold: int('DATABASE_PREPARE_THRESHOLD', 5, 0, 1000),
    mqttUrl: url('MQTT_URL', '', ['mqtt:', 'mqtts:', 'ws:', 'wss:']),
    mqttEmbeddedPort: int('MQTT_EMBEDDED_PORT', 1884, 0, 65535),
    logLevel: oneOf('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    tls,
    trustProxy: bool('TRUST_PROXY', false),
    corsOrigins: str('CORS_ORIGINS', '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 20 * 1_048_576, 1024, 2048 * 1_048_576),
    // Tests that check rate limiting set their own limit.
    rateLimitPerMinute: int(
      'RATE_LIMIT_PER_MINUTE',
      nodeEnv === 'test' ? 100_000 : 600,
      1,
      1_000_000,
    ),
    // Off in tests: a loaded test machine must not turn assertions into 503s.
    overloadMaxEventLoopDelayMs: int(
      'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS',
      nodeEnv === 'test' ? 0 : 1000,
      0,
      60_000,
    ),
    overloadMaxHeapUsedBytes: int('OVERLOAD_MAX_HEAP_USED_BYTES', 0, 0, Number.MAX_SAFE_INTEGER),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 10, 3, 1000),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    fieldEncryptionKey,
    storageDir: path.resolve(str('STORAGE_DIR', path.join(dataDir, 'files'))),
    smtpUrl: url('SMTP_URL', '', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM', 'Tỉnh số <no-reply@tinhso.local>'),
    smsTransport: oneOf('SMS_TRANSPORT', 'console', ['console', 'none'] as const),
    timezone,
    workingHours,
    mapTileUrl: url('MAP_TILE_URL', '', ['http:', 'https:']),
    seedDemo: bool('SEED_DEMO', true),
    auditSigningKey,
    signingTrustedRoots: signingTrustedRoots === '' ? '' : path.resolve(signingTrustedRoots),
    outboxMaxAttempts: int('OUTBOX_MAX_ATTEMPTS', 10, 1, 100),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 55_000),
    webhookAllowPrivateNetwork: bool('WEBHOOK_ALLOW_PRIVATE_NETWORK', false),
    paymentProvider,
    vnpayTmnCode,
    vnpayHashSecret,
    vnpayPayUrl: url('VNPAY_PAY_URL', 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html', [
      'https:',
    ]),
    roles,
    ...overrides,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
