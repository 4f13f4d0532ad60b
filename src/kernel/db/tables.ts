/**
 * The kernel's tables as Kysely sees them (camelCase). Each concern declares its own in
 * `<concern>.tables.ts`; modules extend the type with `db.withTables<TheirTables>()`.
 */
import type { HttpTables } from '../http/http.tables';
import type { AgenciesTables } from '../agencies/agencies.tables';
import type { GeoTables } from '../geo/geo.tables';
import type { AuditTables } from '../audit/audit.tables';
import type { EventsTables } from '../events/events.tables';
import type { JobsTables } from '../jobs/jobs.tables';
import type { AuthTables } from '../auth/auth.tables';
import type { StorageTables } from '../storage/storage.tables';
import type { NotifyTables } from '../notify/notify.tables';
import type { CalendarTables } from '../calendar/calendar.tables';
import type { WebhooksTables } from '../webhooks/webhooks.tables';
import type { SigningTables } from '../signing/signing.tables';

export type KernelTables = HttpTables &
  GeoTables &
  AgenciesTables &
  AuditTables &
  EventsTables &
  JobsTables &
  AuthTables &
  StorageTables &
  NotifyTables &
  CalendarTables &
  WebhooksTables &
  SigningTables;
