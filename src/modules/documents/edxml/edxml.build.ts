/**
 * Writes a document package as the axis software does: a root `edXML` holding the envelope
 * (header, then a body with the manifest of files) and, beside it, `AttachmentEncoded` with the
 * files in base64. The XML signature, when added, goes at the end of `edXMLHeader` and covers
 * the whole document, files included (see edxml.signature.ts).
 */
import { encodeBase64 } from './edxml.base64';
import { q, writeOrgan, writeResponseFor, writeStaffInfo } from './edxml.common';
import { formatLocalDate, formatTimestamp } from './edxml.dates';
import { EDXML_NS } from './edxml.names';
import type {
  Attachment,
  Bussiness,
  EdxmlPackage,
  MessageHeader,
  TraceHeader,
} from './edxml.types';
import { validatePackage } from './edxml.validate';
import { el, leaf, serialize, type XmlElement } from './xml-writer';

export function buildEdxml(pkg: EdxmlPackage): string {
  validatePackage(pkg);
  return serialize(packageRoot(envelopeHeader(pkg), manifest(pkg.attachments), pkg.attachments));
}

/** The root and envelope every packet shares; `body` is absent for status packets. */
export function packageRoot(
  header: XmlElement,
  body?: XmlElement,
  attachments: Attachment[] = [],
): XmlElement {
  return el(
    q('edXML'),
    { 'xmlns:edXML': EDXML_NS },
    el(q('edXMLEnvelope'), null, header, body),
    attachments.length > 0 && el(q('AttachmentEncoded'), null, attachments.map(encoded)),
  );
}

function envelopeHeader(pkg: EdxmlPackage): XmlElement {
  return el(
    q('edXMLHeader'),
    null,
    messageHeader(pkg.header),
    el(q('TraceHeaderList'), null, pkg.traces.map(traceHeader), bussiness(pkg.bussiness)),
  );
}

// Order of the standard's numbering (1.1 From … 1.14 DocumentId), as in VPCP's sample package.
function messageHeader(h: MessageHeader): XmlElement {
  const signer = h.signerInfo;
  const other = h.otherInfo;
  return el(
    q('MessageHeader'),
    null,
    writeOrgan('From', h.from),
    h.to.map((to) => writeOrgan('To', to)),
    el(
      q('Code'),
      null,
      leaf(q('CodeNumber'), h.code.codeNumber),
      leaf(q('CodeNotation'), h.code.codeNotation),
    ),
    el(
      q('PromulgationInfo'),
      null,
      leaf(q('Place'), h.promulgationInfo.place),
      leaf(q('PromulgationDate'), formatLocalDate(h.promulgationInfo.promulgationDate)),
    ),
    el(
      q('DocumentType'),
      null,
      leaf(q('Type'), h.documentType.type),
      leaf(q('TypeDetail'), h.documentType.typeDetail),
      leaf(q('TypeName'), h.documentType.typeName),
    ),
    leaf(q('Subject'), h.subject),
    leaf(q('Content'), h.content),
    signer &&
      el(
        q('SignerInfo'),
        null,
        leaf(q('Competence'), signer.competence),
        leaf(q('Position'), signer.position),
        leaf(q('FullName'), signer.fullName),
      ),
    h.dueDate && leaf(q('DueDate'), formatLocalDate(h.dueDate)),
    h.toPlaces.length > 0 &&
      el(
        q('ToPlaces'),
        null,
        h.toPlaces.map((place) => leaf(q('Place'), place)),
      ),
    other &&
      el(
        q('OtherInfo'),
        null,
        leaf(q('Priority'), other.priority),
        leaf(q('SphereOfPromulgation'), other.sphereOfPromulgation),
        leaf(q('TyperNotation'), other.typerNotation),
        leaf(q('PromulgationAmount'), other.promulgationAmount),
        leaf(q('PageAmount'), other.pageAmount),
        other.appendixes.length > 0 &&
          el(
            q('Appendixes'),
            null,
            other.appendixes.map((a) => leaf(q('Appendix'), a)),
          ),
      ),
    h.responseFor.map(writeResponseFor),
    leaf(q('SteeringType'), h.steeringType),
    leaf(q('DocumentId'), h.documentId),
  );
}

function traceHeader(t: TraceHeader): XmlElement {
  return el(
    q('TraceHeader'),
    null,
    leaf(q('OrganId'), t.organId),
    leaf(q('Timestamp'), formatTimestamp(t.timestamp)),
  );
}

// Order of the packages VPCP's SDK and Bkav's integrator produce; the standard's numbering
// does not settle where Paper goes, and readers on the axis do not depend on the order.
function bussiness(b: Bussiness): XmlElement {
  const info = b.bussinessDocumentInfo;
  return el(
    q('Bussiness'),
    null,
    leaf(q('DocumentId'), b.documentId),
    leaf(q('BussinessDocType'), b.bussinessDocType),
    leaf(q('BussinessDocReason'), b.bussinessDocReason),
    leaf(q('Paper'), b.paper),
    info &&
      el(
        q('BussinessDocumentInfo'),
        null,
        leaf(q('DocumentInfo'), info.documentInfo),
        leaf(q('DocumentReceiver'), info.documentReceiver),
        info.receivers.length > 0 &&
          el(
            q('ReceiverList'),
            null,
            info.receivers.map((r) =>
              el(
                q('Receiver'),
                null,
                leaf(q('OrganId'), r.organId),
                leaf(q('ReceiverType'), r.receiverType),
              ),
            ),
          ),
      ),
    b.replacementInfoList.length > 0 &&
      el(
        q('ReplacementInfoList'),
        null,
        b.replacementInfoList.map((r) =>
          el(
            q('ReplacementInfo'),
            null,
            leaf(q('DocumentId'), r.documentId),
            r.organIds.length > 0 &&
              el(
                q('OrganIdList'),
                null,
                r.organIds.map((id) => leaf(q('OrganId'), id)),
              ),
          ),
        ),
      ),
    writeStaffInfo(b.staffInfo),
  );
}

function manifest(attachments: Attachment[]): XmlElement {
  return el(
    q('edXMLBody'),
    null,
    el(
      q('edXMLManifest'),
      { version: '1.0' },
      attachments.map((a) =>
        el(
          q('Reference'),
          null,
          leaf(q('ContentId'), `cid:${a.contentId}`),
          leaf(q('ContentType'), a.contentType),
          leaf(q('Description'), a.description),
          leaf(q('AttachmentName'), a.attachmentName),
        ),
      ),
    ),
  );
}

function encoded(a: Attachment): XmlElement {
  return el(
    q('Attachment'),
    null,
    leaf(q('ContentId'), `cid:${a.contentId}`),
    leaf(q('AttachmentName'), a.attachmentName),
    leaf(q('Description'), a.description),
    leaf(q('ContentType'), a.contentType),
    // An empty file still needs its element, or the reader could not tell it from a missing one.
    el(q('ContentTransferEncoded'), null, encodeBase64(a.content) || undefined),
  );
}
