/**
 * ops — the operations center (IOC) module.
 *
 * Purpose: live counters for the province's operations screens (active citizens and staff,
 * agencies, audited activity today and per hour), as JSON and as server-sent events, and the
 * public client configuration the web app reads before sign-in (province, map tiles, language).
 * Tables owned: none; it reads counts from app_user (auth), agency (agencies) and audit_event
 * (audit), never writing them.
 * Events published: none. Events consumed: none.
 */
import type { Manifest } from '../../kernel/manifest';
import { opsRoutes } from './ops.routes';

export const opsManifest: Manifest = {
  name: 'ops',
  routes: opsRoutes,
};

export type { OpsSummary, PublicConfig } from './ops.schemas';
export { getOpsSummary, publicConfig, PROVINCE } from './ops.service';
