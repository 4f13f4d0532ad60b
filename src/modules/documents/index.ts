/**
 * documents — official documents (văn bản): the outgoing and incoming registers of every
 * agency under Decree 30/2020/NĐ-CP, their numbering and notation, digital signatures
 * (through kernel/signing) and exchange between agencies and with other systems on the
 * national axis in edXML (QCVN 102:2016/BTTTT, see ./edxml).
 *
 * Tables owned: document_issuer, document_register, document_register_counter,
 * document_outgoing, document_incoming, document_recipient, document_status_event,
 * document_assignment, document_file, document_history; exchange_peer, exchange_package.
 * Events published: `documents.exchange_package_queued` (one per packet to deliver).
 * Events consumed: the same, by the exchange's delivery handler.
 *
 * Other modules may use the document kinds and the renderer through this file; the workflow
 * is reached over HTTP (documents.routes.ts, exchange.routes.ts).
 */
import type { Manifest } from '../../kernel/manifest';
import * as createRegisters from './migrations/20261122100000_documents_create_registers';
import * as createDocuments from './migrations/20261122110000_documents_create_documents';
import * as createExchange from './migrations/20261122120000_documents_create_exchange';
import * as indexRegisters from './migrations/20261122130000_documents_index_registers';
import { deliverPackageHandler, exchangeRoutes, grantExchangePermissions } from './exchange';
import { documentsRoutes } from './documents.routes';
import { seedDocumentRoles } from './documents.permissions';
import { seedDocumentsDemo } from './documents.seed';

export const documentsManifest: Manifest = {
  name: 'documents',
  migrations: {
    '20261122100000_documents_create_registers': createRegisters,
    '20261122110000_documents_create_documents': createDocuments,
    '20261122120000_documents_create_exchange': createExchange,
    '20261122130000_documents_index_registers': indexRegisters,
  },
  routes: async (app, ctx) => {
    await documentsRoutes(app, ctx);
    await exchangeRoutes(app, ctx);
  },
  handlers: [deliverPackageHandler],
  seed: {
    reference: async (ctx) => {
      await seedDocumentRoles(ctx);
      await grantExchangePermissions(ctx);
    },
    // Notations and places, the demo leaders' and seals' certificates, sample documents.
    demo: seedDocumentsDemo,
  },
};

// Queues an issued outgoing document to its recipients in the caller's transaction: the issue
// workflow's last step, which the exchange benchmark (bench/documents-exchange) calls in bulk.
export { queueDocumentPackages, type Business, type QueuedPackage } from './exchange';

// A page of a register or work list as the routes answer it, runnable on a bare connection:
// the register-search benchmark's baseline runs the same statements (bench/documents-search).
export { incomingPage, outgoingPage, type ListRunner } from './document-lists';
export type { IncomingFilters, OutgoingFilters } from './document-list.queries';
export type { DocumentsTables } from './documents.tables';
export { documentKinds, type DocumentKind } from './document-types';
export { datelineText, numberLineText, renderOfficialDocument } from './render';
