/**
 * Writing XML: a tiny element tree and a serializer that escapes every value. Building strings
 * by hand is where injection bugs come from (a Subject with `</edXML:Subject>` in it), so the
 * codec only ever goes through `el()` and `serialize()`.
 */
import { EdxmlError } from './edxml.errors';

export interface XmlElement {
  name: string;
  attributes: Array<[string, string]>;
  children: Array<XmlElement | string>;
}

type Child = XmlElement | string | undefined | null | false;

/** An element; absent children (`undefined`, `null`, `false`, `''`) are skipped, keeping optional parts terse. */
export function el(
  name: string,
  attributes: Record<string, string> | null,
  ...children: Array<Child | Child[]>
): XmlElement {
  const flat: Array<XmlElement | string> = [];
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false && child !== '') flat.push(child);
  }
  return { name, attributes: Object.entries(attributes ?? {}), children: flat };
}

/** A leaf element with text, or nothing when the value is absent or blank. */
export function leaf(name: string, value: string | number | undefined): XmlElement | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : el(name, null, text);
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function escapeText(text: string, path: string): string {
  if (FORBIDDEN_CHAR.test(text)) {
    throw new EdxmlError('EDXML_BAD_VALUE', {
      path,
      reason: 'contains a character XML 1.0 cannot carry',
    });
  }
  // CR is escaped so a parser does not fold CRLF into LF and change signed or shown text.
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string, path: string): string {
  return escapeText(text, path)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/**
 * Serializes with two-space indentation between elements (as the axis samples are laid out);
 * text-only elements stay on one line so no whitespace is added to a value.
 */
export function serialize(root: XmlElement): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, localName(root.name), lines);
  return `${lines.join('\n')}\n`;
}

function write(node: XmlElement, depth: number, path: string, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = node.attributes
    .map(([k, v]) => ` ${k}="${escapeAttribute(v, `${path}/@${k}`)}"`)
    .join('');
  if (node.children.length === 0) {
    lines.push(`${pad}<${node.name}${attrs}/>`);
    return;
  }
  const texts = node.children.filter((c): c is string => typeof c === 'string');
  if (texts.length === node.children.length) {
    const text = texts.map((t) => escapeText(t, path)).join('');
    lines.push(`${pad}<${node.name}${attrs}>${text}</${node.name}>`);
    return;
  }
  lines.push(`${pad}<${node.name}${attrs}>`);
  for (const child of node.children) {
    if (typeof child === 'string') {
      throw new Error(`mixed content is not used in edXML (${path})`);
    }
    write(child, depth + 1, `${path}/${localName(child.name)}`, lines);
  }
  lines.push(`${pad}</${node.name}>`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
