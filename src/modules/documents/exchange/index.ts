/**
 * Document exchange between agencies in edXML (QCVN 102:2016), inside this platform and with
 * other platforms and axis nodes over HTTP, modelled on the national axis (VDXP/LGSP).
 * docs/decisions/0012-document-exchange.md explains the design.
 *
 * Tables owned: exchange_peer, exchange_package.
 * Events published: `documents.exchange_package_queued` (one per packet to deliver).
 * Events consumed: the same, by `documents.exchange_deliver`, which carries the packet.
 *
 * The workflow calls, in its own transaction:
 * - `queueDocumentPackages` when a document is issued, updated, replaced or revoked;
 * - `queueStatus` when an incoming document is registered, assigned, handled, completed;
 * - `recallOutgoing` (own transaction) when the sender recalls an issued document.
 */
export {
  queueDocumentPackages,
  recallOutgoing,
  PRIORITY_OF,
  type Business,
  type QueuedPackage,
} from './send';
export { queueStatus, RECEIVER_STATUS_CODES } from './exchange-status';
export { receivePackage } from './receive';
export { maxPackageBytes, type ReceiveOutcome, type ReceiveVia } from './receive-common';
export type { ExchangeActor } from './exchange-history';
export { exchangeErrors } from './exchange.errors';
export { EXCHANGE_PERMISSIONS, grantExchangePermissions } from './exchange.permissions';
export { exchangeRoutes } from './exchange.routes';
export { deliverPackageHandler, DELIVER_HANDLER } from './deliver';
export { PACKAGE_QUEUED_EVENT } from './exchange-packages';
export type { ExchangeTables } from './exchange.tables';
