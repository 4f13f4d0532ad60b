/**
 * Every part of the platform, in dependency order. The app, worker, scheduler, migrator
 * and seeder all read this list; adding a module is one line here.
 */
import type { Manifest } from './kernel/manifest';
import { dbManifest } from './kernel/db/kernel.manifest';
import { httpManifest } from './kernel/http/http.manifest';
import { agenciesManifest } from './kernel/agencies/agencies.manifest';

export const manifests: readonly Manifest[] = [dbManifest, httpManifest, agenciesManifest];
