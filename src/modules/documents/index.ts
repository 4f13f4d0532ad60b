/**
 * documents — official documents (văn bản): the outgoing and incoming registers of every
 * agency under Decree 30/2020/NĐ-CP, their numbering and notation, digital signatures
 * (through kernel/signing) and exchange between agencies and with other systems on the
 * national axis in edXML (QCVN 102:2016/BTTTT, see ./edxml).
 *
 * Tables owned: document_issuer, document_register, document_register_counter.
 * Events published: none yet. Events consumed: none yet.
 */
import type { Manifest } from '../../kernel/manifest';
import * as createRegisters from './migrations/20261122100000_documents_create_registers';

export const documentsManifest: Manifest = {
  name: 'documents',
  migrations: {
    '20261122100000_documents_create_registers': createRegisters,
  },
};
