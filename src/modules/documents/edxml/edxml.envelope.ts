/**
 * Finding the envelope of a packet. Axis software wraps it in a root `edXML` that also holds
 * `AttachmentEncoded`; a bare `edXMLEnvelope` root is accepted too, as some systems send status
 * packets that way. Both the codec and the signature check use this, so they agree on where the
 * header is.
 */
import { EdxmlError } from './edxml.errors';
import { ATTACHMENT_ENCODED, ENVELOPE, HEADER, ROOT } from './edxml.names';
import { Cursor, isEdxmlElement } from './xml-reader';

export interface EnvelopeParts {
  root: Cursor;
  envelope: Cursor;
  header: Cursor;
  /** Present only under a root `edXML`. */
  attachmentEncoded?: Cursor;
}

export function locateEnvelope(doc: Document): EnvelopeParts {
  const rootElement = doc.documentElement;
  if (isEdxmlElement(rootElement, ROOT)) {
    const root = new Cursor(rootElement, ROOT);
    const envelope = root.required(ENVELOPE);
    return {
      root,
      envelope,
      header: envelope.required(HEADER),
      attachmentEncoded: root.optional(ATTACHMENT_ENCODED),
    };
  }
  if (isEdxmlElement(rootElement, ENVELOPE)) {
    const envelope = new Cursor(rootElement, ENVELOPE);
    return { root: envelope, envelope, header: envelope.required(HEADER) };
  }
  throw new EdxmlError('EDXML_NOT_EDXML', {
    reason: `root element is {${rootElement?.namespaceURI ?? ''}}${rootElement?.localName ?? ''}`,
  });
}
