/**
 * Webhooks: signed HTTP notifications of platform events to external systems (an Open311
 * back office, a city's other software), delivered at least once through the outbox.
 *
 * Tables owned: webhook_subscription, webhook_delivery.
 * Events published: `webhooks.deliver` (one per delivery; consumed here).
 * Events consumed: whatever types parts hand to `webhookFanOut` in their manifests, e.g.
 * `handlers: [webhookFanOut('feedback.report_status_changed')]`. An event reaches the
 * subscriptions of the agency in its payload's `agencyId` and of the agencies above it.
 *
 * Receivers check the `Tinhso-Signature` header with `verifyWebhookSignature`
 * (docs/operations.md, "Webhooks").
 */
export { webhooksManifest } from './webhooks.manifest';
export {
  webhookFanOut,
  subscribableEventTypes,
  type FanOutOptions,
  type WebhookBody,
} from './webhooks.fan-out';
export {
  verifyWebhookSignature,
  signWebhook,
  SIGNATURE_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
} from './webhook-signature';
export type { WebhooksTables } from './webhooks.tables';
