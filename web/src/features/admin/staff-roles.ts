/**
 * The roles an administrator can give a staff account: the platform's built-in staff
 * roles. The server still refuses a role whose permissions the administrator lacks
 * (ROLE_NOT_GRANTABLE), so the list only offers, it does not decide.
 */
export const STAFF_ROLES = ['officer', 'agency_admin', 'province_admin', 'operator'] as const;
