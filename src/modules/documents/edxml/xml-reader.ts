/**
 * Reading untrusted XML: a hardened parse and small helpers that find edXML elements by
 * namespace and local name (so any prefix, or a default namespace, works) and report a precise
 * element path when something is missing or wrong.
 */
import { DOMParser } from '@xmldom/xmldom';
import { EdxmlError, quote } from './edxml.errors';
import { EDXML_NS } from './edxml.names';

// DOM node types; xmldom exposes the constants on instances, not as an importable enum.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Parses XML, refusing any DTD: a package never needs one, and a DTD is how entity-expansion
 * and external-entity attacks come in. xmldom resolves no external entity and does not expand
 * declared ones, but the refusal is explicit so it does not depend on a parser detail.
 */
export function parseXml(input: string): Document {
  const xml = stripBom(input);
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new EdxmlError('EDXML_MALFORMED', { reason: 'empty document' });
  }
  if (declaresDoctype(xml)) throw new EdxmlError('EDXML_DTD_FORBIDDEN');
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        // Warnings included: a package that makes the parser guess is not one to trust.
        throw new EdxmlError('EDXML_MALFORMED', { reason: `${level}: ${firstLine(message)}` });
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    if (error instanceof EdxmlError) throw error;
    throw new EdxmlError('EDXML_MALFORMED', { reason: firstLine(String(error)) });
  }
  if (doc.doctype) throw new EdxmlError('EDXML_DTD_FORBIDDEN');
  if (!doc.documentElement) throw new EdxmlError('EDXML_MALFORMED', { reason: 'no root element' });
  return doc;
}

/**
 * Drops a byte-order mark: `Buffer.toString('utf8')` keeps it, and the parser would take it for
 * content before the root.
 */
export function stripBom(xml: string): string {
  return typeof xml === 'string' && xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
}

/** True when a DOCTYPE appears in the prolog, the only place XML allows one. */
function declaresDoctype(xml: string): boolean {
  let rest = xml;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return false;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else {
      return /^<!DOCTYPE/i.test(rest);
    }
  }
}

function firstLine(message: string): string {
  return quote(message.split('\n')[0] ?? message);
}

export function isEdxmlElement(node: Node | null, localName?: string): boolean {
  return (
    node !== null &&
    node.nodeType === ELEMENT_NODE &&
    (node as Element).namespaceURI === EDXML_NS &&
    (localName === undefined || (node as Element).localName === localName)
  );
}

export function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  }
  return out;
}

/**
 * A position in the package while reading it: the element and its path, so every error can say
 * where it happened (`edXMLEnvelope/edXMLHeader/MessageHeader/To[1]/OrganId`).
 */
export class Cursor {
  constructor(
    readonly element: Element,
    readonly path: string,
  ) {}

  /** All edXML children with this name, in document order. */
  all(name: string): Cursor[] {
    const found = elementChildren(this.element).filter((e) => isEdxmlElement(e, name));
    if (found.length === 1) return [new Cursor(found[0]!, `${this.path}/${name}`)];
    return found.map((e, i) => new Cursor(e, `${this.path}/${name}[${i}]`));
  }

  /** The child with this name, or undefined; two of a single-valued element is ambiguous. */
  optional(name: string): Cursor | undefined {
    const found = this.all(name);
    if (found.length > 1) {
      throw new EdxmlError('EDXML_BAD_VALUE', {
        path: `${this.path}/${name}`,
        reason: `appears ${found.length} times, the standard allows one`,
      });
    }
    return found[0];
  }

  required(name: string): Cursor {
    const found = this.optional(name);
    if (!found) throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${this.path}/${name}` });
    return found;
  }

  /** Text of an optional child; an empty element counts as absent (axis software writes them). */
  text(name: string): string | undefined {
    const child = this.optional(name);
    if (!child) return undefined;
    const value = child.ownText();
    return value === '' ? undefined : value;
  }

  requiredText(name: string): string {
    const value = this.text(name);
    if (value === undefined) {
      throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${this.path}/${name}` });
    }
    return value;
  }

  /**
   * The element's text: every text and CDATA node joined, then trimmed. Joining all of them
   * matters for signatures: a comment splitting a value is unsigned, and reading only the first
   * text node would let it truncate what the receiver sees.
   */
  ownText(): string {
    let text = '';
    for (let n = this.element.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
        text += n.nodeValue ?? '';
      } else if (n.nodeType === ELEMENT_NODE) {
        throw new EdxmlError('EDXML_BAD_VALUE', {
          path: this.path,
          reason: 'expected text, found a child element',
        });
      }
    }
    return text.trim();
  }

  fail(reason: string, value?: string, name?: string): never {
    throw new EdxmlError('EDXML_BAD_VALUE', {
      path: name ? `${this.path}/${name}` : this.path,
      reason,
      ...(value === undefined ? {} : { value: quote(value) }),
    });
  }
}
