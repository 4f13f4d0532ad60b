/**
 * Identity and access: what other parts use.
 *
 * Tables owned: app_user, auth_role, user_role, auth_recovery_code, auth_session,
 * auth_attempt, api_key. Events published: none. Events consumed: none.
 *
 * - Routes guard with `requirePrincipal`, `requireUser`, `requireStaff`,
 *   `requirePermission` (guards.ts); services authorise records with `authorizeRecord`
 *   (404 outside the principal's subtree, 403 inside without the permission) and filter
 *   lists with `permissionScope`.
 * - Modules give their permissions to the built-in roles with `addRolePermissions` from
 *   their reference seed.
 * - `registerAuth(app, ctx)` is installed once by buildApp.
 */
export type { Principal, Grant, MfaPending } from './principal';
export { requirePrincipal, requireUser, requireStaff, requirePermission } from './guards';
export { authorizeRecord, isAuthorized, permissionScope, type PermissionScope } from './authorize';
export { PERMISSIONS, BUILT_IN_ROLES, type KernelPermission } from './permissions';
export { addRolePermissions, upsertRoles } from './roles.queries';
export type { RoleDefinition } from './permissions';
export { registerAuth } from './register-auth';
export { confirmStepUp } from './mfa.service';
export { principalOfUser } from './grants';
export { requestInfo } from './request-info';
export type { RequestInfo } from './auth.audit';
export { authManifest } from './auth.manifest';
export { DEMO_ACCOUNTS, DEMO_TOTP_SECRET, type DemoAccount } from './demo-accounts';
export { fieldCipher, type FieldCipher } from './field-crypto';
export { actorNameOf } from './users.queries';
export { maskEmail, maskPhone, normaliseEmail, normalisePhone } from './contact';
export { sessionCookieName } from './session-cookie';
