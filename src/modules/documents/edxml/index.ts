/**
 * edXML (QCVN 102:2016/BTTTT): the document-package and status-packet format of the national
 * document-exchange axis (trục liên thông văn bản quốc gia, VDXP/LGSP). This folder is a codec
 * and a signature layer only: it touches no table, publishes no event and makes no network
 * call. The documents module uses it to send and receive over the axis.
 *
 * Receiving a packet: `verifyEdxml(xml)` (then check the returned certificates against trusted
 * roots), then `parseEdxml(xml)` or `parseStatus(xml)` on the same string.
 * Sending: `buildEdxml(pkg)` or `buildStatus(status)`, then `signEdxml(xml, key)`.
 */
export { buildEdxml } from './edxml.build';
export { parseEdxml, type ParseOptions } from './edxml.parse';
export { buildStatus, parseStatus } from './edxml.status';
export {
  signEdxml,
  verifyEdxml,
  type SignOptions,
  type VerifyFailure,
  type VerifyOptions,
  type VerifyResult,
} from './edxml.signature';
export { EdxmlError, edxmlErrorSpecs, type EdxmlErrorCode } from './edxml.errors';
export { EDXML_NS } from './edxml.names';
export { DEFAULT_MAX_ATTACHMENT_BYTES } from './edxml.base64';
export * from './edxml.types';
