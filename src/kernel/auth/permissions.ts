/**
 * Permission names and the built-in roles. A permission is a plain string
 * `<area>.<verb>`; a role is a named set of them, granted to a person within an agency's
 * subtree (`user_role`). Modules add their own permissions to these roles from their
 * reference seed with `addRolePermissions` (src/kernel/auth/roles.queries.ts).
 */
export const PERMISSIONS = {
  /** Read records (dossiers, reports, documents…) of agencies in scope. */
  recordsRead: 'records.read',
  /** Process records of agencies in scope: accept, assign, answer. */
  recordsProcess: 'records.process',
  usersManage: 'users.manage',
  agenciesManage: 'agencies.manage',
  calendarManage: 'calendar.manage',
  auditRead: 'audit.read',
  eventsManage: 'events.manage',
  apiKeysManage: 'api_keys.manage',
  /** Webhook subscriptions of agencies in scope: targets, event types, secrets. */
  webhooksManage: 'webhooks.manage',
  opsView: 'ops.view',
} as const;

export type KernelPermission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export interface RoleDefinition {
  name: string;
  labelVi: string;
  labelEn: string;
  permissions: readonly string[];
}

const P = PERMISSIONS;

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { name: 'citizen', labelVi: 'Công dân', labelEn: 'Citizen', permissions: [] },
  {
    name: 'officer',
    labelVi: 'Cán bộ xử lý',
    labelEn: 'Officer',
    permissions: [P.recordsRead, P.recordsProcess],
  },
  {
    name: 'agency_admin',
    labelVi: 'Quản trị cơ quan',
    labelEn: 'Agency administrator',
    permissions: [P.usersManage, P.agenciesManage, P.calendarManage],
  },
  {
    name: 'province_admin',
    labelVi: 'Quản trị cấp tỉnh',
    labelEn: 'Province administrator',
    permissions: Object.values(P),
  },
  { name: 'operator', labelVi: 'Vận hành IOC', labelEn: 'Operator', permissions: [P.opsView] },
];

export const CITIZEN_ROLE = 'citizen';
