/**
 * How an account is shown. A person sees their own contact details in full; anyone else
 * sees them masked unless the service decided (and audited) that the full value is needed.
 */
import type { AdminUserView, UserView } from './auth.schemas';
import { maskEmail, maskPhone } from './contact';
import type { UserRecord } from './users.queries';

export type ContactVisibility = 'full' | 'masked';

export function presentUser(record: UserRecord, contact: ContactVisibility): UserView {
  const masked = contact === 'masked';
  return {
    id: record.id,
    type: record.type,
    fullName: record.fullName,
    email: record.email && masked ? maskEmail(record.email) : record.email,
    phone: record.phone && masked ? maskPhone(record.phone) : record.phone,
    locale: record.locale,
    agency: record.agency,
    roles: record.roles,
    permissions: record.permissions,
    mfaEnabled: record.mfaEnabled,
  };
}

export function presentAdminUser(record: UserRecord, contact: ContactVisibility): AdminUserView {
  return {
    ...presentUser(record, contact),
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    lastLoginAt: record.lastLoginAt?.toISOString() ?? null,
    lockedUntil: record.lockedUntil?.toISOString() ?? null,
  };
}
