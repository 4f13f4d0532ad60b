/** The identity and access tables as Kysely sees them (camelCase). */
import type { ColumnType, Generated } from 'kysely';

export type UserType = 'citizen' | 'staff';
export type UserStatus = 'active' | 'disabled';
export type Locale = 'vi' | 'en';

export interface AppUserTable {
  id: Generated<string>;
  type: UserType;
  /** Lower-cased; unique when present. Personal data. */
  email: string | null;
  /** E.164 (`+84…`); unique when present. Personal data. */
  phone: string | null;
  fullName: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  /** argon2id, PHC string. */
  passwordHash: string | null;
  agencyId: string | null;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  /** TOTP secret, AES-256-GCM encrypted (see field-crypto.ts); set at enrolment start. */
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totpLastStep: number | null;
  failedLoginCount: ColumnType<number, number | undefined, number>;
  lockedUntil: Date | null;
  passwordChangedAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  lastLoginAt: Date | null;
}

export interface AuthRoleTable {
  name: string;
  labelVi: string;
  labelEn: string;
  permissions: string[];
}

export interface UserRoleTable {
  userId: string;
  role: string;
  /** The grant covers this agency and its whole subtree; null only for `citizen`. */
  agencyId: string | null;
  grantedBy: string | null;
  grantedAt: ColumnType<Date, Date | undefined, never>;
}

export interface AuthRecoveryCodeTable {
  id: Generated<string>;
  userId: string;
  salt: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface AuthSessionTable {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  mfaPassedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  revokedAt: Date | null;
}

export type AttemptKind = 'password' | 'mfa';

export interface AuthAttemptTable {
  id: Generated<number>;
  kind: AttemptKind;
  ip: string;
  accountKey: string | null;
  succeeded: boolean;
  attemptedAt: Date;
}

export interface ApiKeyTable {
  id: Generated<string>;
  /** Shown to people, e.g. `tsk_AbCd1234`. */
  prefix: string;
  /** SHA-256 (hex) of the whole key. */
  secretHash: string;
  name: string;
  agencyId: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface AuthTables {
  appUser: AppUserTable;
  authRole: AuthRoleTable;
  userRole: UserRoleTable;
  authRecoveryCode: AuthRecoveryCodeTable;
  authSession: AuthSessionTable;
  authAttempt: AuthAttemptTable;
  apiKey: ApiKeyTable;
}
