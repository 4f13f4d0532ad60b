/**
 * Every part of the platform, in dependency order. The app, worker, scheduler, migrator
 * and seeder all read this list; adding a module is one line here.
 */
import type { Manifest } from './kernel/manifest';
import { dbManifest } from './kernel/db/kernel.manifest';
import { httpManifest } from './kernel/http/http.manifest';
import { auditManifest } from './kernel/audit/audit.manifest';
import { eventsManifest } from './kernel/events/events.manifest';
import { jobsManifest } from './kernel/jobs/jobs.manifest';
import { geoManifest } from './kernel/geo/geo.manifest';
import { agenciesManifest } from './kernel/agencies/agencies.manifest';
import { authManifest } from './kernel/auth/auth.manifest';
import { calendarManifest } from './kernel/calendar/calendar.manifest';
import { opsManifest } from './modules/ops';
import { storageManifest } from './kernel/storage/storage.manifest';
import { notifyManifest } from './kernel/notify/notify.manifest';
import { webhooksManifest } from './kernel/webhooks/webhooks.manifest';
import { signingManifest } from './kernel/signing/signing.manifest';
import { feedbackManifest } from './modules/feedback';
import { documentsManifest } from './modules/documents';
import { dossiersManifest } from './modules/dossiers';

export const manifests: readonly Manifest[] = [
  dbManifest,
  httpManifest,
  auditManifest,
  eventsManifest,
  jobsManifest,
  geoManifest,
  agenciesManifest,
  authManifest,
  calendarManifest,
  storageManifest,
  notifyManifest,
  webhooksManifest,
  signingManifest,
  feedbackManifest,
  documentsManifest,
  dossiersManifest,
  opsManifest,
];
