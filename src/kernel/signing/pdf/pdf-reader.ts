/**
 * Random access to the objects of a PDF without parsing the whole file: the cross-reference
 * data says where each object is, and objects are parsed (and cached) only when asked for.
 * Signing reads the catalog, one page, the AcroForm and its fields — a few dozen objects even
 * in a long document.
 */
import { decodePdfStream } from './pdf-filters';
import { PdfStructureError } from './pdf-structure-error';
import { PdfParser, type StreamLengthResolver } from './pdf-parser';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from './pdf-values';
import { readCrossReference, type CrossReference } from './pdf-xref';

export type PdfBox = [number, number, number, number];

export interface PdfPage {
  /** 0-based. */
  index: number;
  ref: PdfRef;
  dict: PdfDict;
  /** Normalized so that [0] ≤ [2] and [1] ≤ [3]; inherited from the page tree if needed. */
  mediaBox: PdfBox;
  /** The CropBox (inherited, clipped to the MediaBox), or the MediaBox when there is none. */
  cropBox: PdfBox;
  /** Clockwise rotation when displayed: 0, 90, 180 or 270. */
  rotate: number;
}

interface ObjectStreamIndex {
  data: Buffer;
  /** Object number and position (relative to the data) of each object, by index. */
  nums: number[];
  positions: number[];
}

/** Guards against reference chains and page trees that loop or are absurdly deep. */
const MAX_RESOLVE_DEPTH = 32;
const MAX_TREE_DEPTH = 64;

const PAGE_TREE_KEYS: ReadonlySet<string> = new Set(['Type', 'Kids', 'Count', 'Parent']);

/** The US Letter box that readers assume when a page has no MediaBox at all. */
const DEFAULT_MEDIA_BOX: PdfBox = [0, 0, 612, 792];

export class PdfReader {
  readonly xref: CrossReference;
  private readonly objects = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, ObjectStreamIndex>();
  /** Objects being parsed right now, to break /Length or object-stream reference loops. */
  private readonly inProgress = new Set<number>();
  /** Where each uncompressed object parsed so far starts and ends in the file. */
  private readonly spans = new Map<number, { start: number; end: number }>();
  private pageRefs: PdfRef[] | undefined;
  /** Shallow reads of page tree nodes (see pageTreeNode). */
  private readonly treeNodes = new Map<number, PdfDict>();

  constructor(readonly bytes: Buffer) {
    this.xref = readCrossReference(bytes);
    if (this.xref.trailer.has('Encrypt')) {
      throw new PdfStructureError(
        'encrypted',
        'the PDF is encrypted; decrypt it (remove the password) before signing',
      );
    }
  }

  get trailer(): PdfDict {
    return this.xref.trailer;
  }

  /** The trailer's /Size: one more than the highest object number in use. */
  get size(): number {
    const size = this.trailer.get('Size');
    let highest = -1;
    for (const num of this.xref.entries.keys()) if (num > highest) highest = num;
    // A wrong /Size must not make a new object reuse a number that is in use.
    return Math.max(typeof size === 'number' && Number.isInteger(size) ? size : 0, highest + 1);
  }

  /** The object with this number, or undefined when it is free or missing (the null object). */
  getObject(num: number): PdfValue | undefined {
    if (this.objects.has(num)) return this.objects.get(num);
    const entry = this.xref.entry(num);
    if (!entry || entry.type === 'free') return undefined;
    if (this.inProgress.has(num)) {
      throw new PdfStructureError('bad-object', `object ${num} refers to itself while parsing`);
    }
    this.inProgress.add(num);
    try {
      const value =
        entry.type === 'offset'
          ? this.parseObjectAt(num, entry.offset)
          : this.parseCompressedObject(num, entry.streamNum, entry.index);
      this.objects.set(num, value);
      return value;
    } finally {
      this.inProgress.delete(num);
    }
  }

  /**
   * Where an uncompressed object lies in the file (from `n g obj` to after its value), once
   * it has been read; a signature's /Contents must lie inside its dictionary's span.
   */
  objectSpan(num: number): { start: number; end: number } | undefined {
    this.getObject(num);
    return this.spans.get(num);
  }

  /** The generation an updated copy of this object must be written with. */
  generationOf(num: number): number {
    const entry = this.xref.entry(num);
    return entry?.type === 'offset' ? entry.gen : 0;
  }

  /** Follows references until a direct value; undefined for null or missing objects. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let depth = 0; current instanceof PdfRef; depth++) {
      if (depth >= MAX_RESOLVE_DEPTH) {
        throw new PdfStructureError('bad-object', 'reference chain too long or looping');
      }
      current = this.getObject(current.num);
    }
    return current === null ? undefined : current;
  }

  /** Resolves a value that must be a dictionary (a stream's dictionary counts). */
  resolveDict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (resolved instanceof PdfDict) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    return undefined;
  }

  resolveArray(value: PdfValue | undefined): PdfValue[] | undefined {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : undefined;
  }

  resolveNumber(value: PdfValue | undefined): number | undefined {
    const resolved = this.resolve(value);
    return typeof resolved === 'number' ? resolved : undefined;
  }

  /** The document catalog's reference (/Root of the trailer). */
  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) {
      throw new PdfStructureError('bad-object', 'the trailer has no /Root reference');
    }
    return root;
  }

  catalog(): PdfDict {
    const catalog = this.resolve(this.rootRef);
    if (!(catalog instanceof PdfDict)) {
      throw new PdfStructureError('bad-object', 'the document catalog is missing');
    }
    return catalog;
  }

  /** The interactive form dictionary, if the catalog has one. */
  acroForm(): PdfDict | undefined {
    return this.resolveDict(this.catalog().get('AcroForm'));
  }

  pageCount(): number {
    const pages = this.resolveDict(this.catalog().get('Pages'));
    const count = pages?.get('Count');
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return count;
    return this.allPageRefs().length;
  }

  /**
   * Page `index` (0-based). Descends the page tree using each node's /Count, so finding one
   * page reads only the nodes on its path; inheritable attributes are collected on the way.
   */
  page(index: number): PdfPage {
    if (!Number.isInteger(index) || index < 0) {
      throw new PdfStructureError('invalid-request', `page index ${index} is not valid`);
    }
    let nodeRef = this.catalog().get('Pages');
    let remaining = index;
    let mediaBox: PdfValue | undefined;
    let cropBox: PdfValue | undefined;
    let rotate: PdfValue | undefined;
    for (let depth = 0; depth < MAX_TREE_DEPTH; depth++) {
      const node = this.resolveDict(nodeRef);
      if (!node || !(nodeRef instanceof PdfRef)) {
        throw new PdfStructureError('bad-object', 'the page tree has a missing or direct node');
      }
      mediaBox = node.get('MediaBox') ?? mediaBox;
      cropBox = node.get('CropBox') ?? cropBox;
      rotate = node.get('Rotate') ?? rotate;
      const kids = this.resolveArray(node.get('Kids'));
      if (node.nameOf('Type') === 'Page' || !kids) {
        if (remaining !== 0) break;
        return this.describePage(index, nodeRef, node, mediaBox, cropBox, rotate);
      }
      let next: PdfValue | undefined;
      for (const kid of kids) {
        const kidNode = this.pageTreeNode(kid);
        if (!kidNode) continue;
        const count = this.pagesUnder(kidNode);
        if (count === undefined || remaining < count) {
          next = kid;
          break;
        }
        remaining -= count;
      }
      if (next === undefined) break;
      nodeRef = next;
    }
    // The /Count shortcut failed (wrong counts or too deep); a full walk is the fallback.
    const refs = this.allPageRefs();
    const ref = refs[index];
    if (!ref) {
      throw new PdfStructureError(
        'invalid-request',
        `page ${index + 1} does not exist; the document has ${refs.length} pages`,
      );
    }
    return this.pageFromWalk(index, ref);
  }

  /**
   * 0-based index of the page with this object number, or undefined if it is not a page.
   * Climbs the /Parent links and counts the pages before it at each level, so a page near
   * the start of a long document costs a few node reads, not a walk of the whole tree.
   */
  pageIndexOf(num: number): number | undefined {
    const climbed = this.pageIndexByParents(num);
    if (climbed !== undefined) return climbed;
    // Broken /Parent links: the full walk still knows the page's place.
    const index = this.allPageRefs().findIndex((ref) => ref.num === num);
    return index < 0 ? undefined : index;
  }

  private pageIndexByParents(num: number): number | undefined {
    let node = this.pageTreeNode(new PdfRef(num, this.generationOf(num)));
    if (!node || this.pagesUnder(node) !== 1 || node.has('Kids')) return undefined;
    let childNum = num;
    let index = 0;
    for (let depth = 0; depth < MAX_TREE_DEPTH; depth++) {
      const parentRef = node.get('Parent');
      if (!(parentRef instanceof PdfRef)) {
        const root = this.catalog().get('Pages');
        return root instanceof PdfRef && root.num === childNum ? index : undefined;
      }
      const parent = this.pageTreeNode(parentRef);
      const kids = this.resolveArray(parent?.get('Kids'));
      if (!parent || !kids) return undefined;
      const at = kids.findIndex((kid) => kid instanceof PdfRef && kid.num === childNum);
      if (at < 0) return undefined;
      for (let i = 0; i < at; i++) index += this.pagesUnderSibling(kids[i]);
      childNum = parentRef.num;
      node = parent;
    }
    return undefined;
  }

  /**
   * Pages under a node that precedes the one looked for: read with an early stop at a leaf's
   * /Type (see readShallowDict), and not cached as a tree node since it is incomplete.
   */
  private pagesUnderSibling(value: PdfValue | undefined): number {
    if (value instanceof PdfRef && !this.objects.has(value.num) && !this.treeNodes.has(value.num)) {
      const entry = this.xref.entry(value.num);
      try {
        let parser: PdfParser | undefined;
        if (entry?.type === 'offset') {
          parser = new PdfParser(this.bytes, entry.offset);
          if (parser.readUnsignedInteger() !== value.num) parser = undefined;
          else {
            parser.readUnsignedInteger();
            if (!parser.tryKeyword('obj')) parser = undefined;
          }
        } else if (entry?.type === 'compressed') {
          const stream = this.objectStream(entry.streamNum);
          const position = stream.positions[entry.index];
          if (position !== undefined && stream.nums[entry.index] === value.num) {
            parser = new PdfParser(stream.data, position);
          }
        }
        const head = parser?.readShallowDict(PAGE_TREE_KEYS, true);
        if (head?.nameOf('Type') === 'Page') return 1;
      } catch (error) {
        if (!(error instanceof PdfStructureError)) throw error;
      }
    }
    const sibling = this.pageTreeNode(value);
    return sibling ? (this.pagesUnder(sibling) ?? 0) : 0;
  }

  /** Pages under a page tree node: 1 for a page, its /Count for an intermediate node. */
  private pagesUnder(node: PdfDict): number | undefined {
    if (node.nameOf('Type') === 'Page' || !node.has('Kids')) return 1;
    const count = this.resolveNumber(node.get('Count'));
    return count !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
  }

  /**
   * A page tree node with only the entries the tree structure needs. Pages are read
   * shallowly here (their /Resources skipped, not built), since finding page 40 means
   * looking at the 39 before it.
   */
  private pageTreeNode(value: PdfValue | undefined): PdfDict | undefined {
    if (!(value instanceof PdfRef)) return this.resolveDict(value);
    const full = this.objects.get(value.num);
    if (full !== undefined) return this.resolveDict(full);
    const cached = this.treeNodes.get(value.num);
    if (cached) return cached;
    const entry = this.xref.entry(value.num);
    let node: PdfDict | undefined;
    try {
      if (entry?.type === 'offset') {
        const parser = new PdfParser(this.bytes, entry.offset);
        if (parser.readUnsignedInteger() === value.num) {
          parser.readUnsignedInteger();
          if (parser.tryKeyword('obj')) node = parser.readShallowDict(PAGE_TREE_KEYS);
        }
      } else if (entry?.type === 'compressed') {
        const stream = this.objectStream(entry.streamNum);
        const position = stream.positions[entry.index];
        if (position !== undefined && stream.nums[entry.index] === value.num) {
          node = new PdfParser(stream.data, position).readShallowDict(PAGE_TREE_KEYS);
        }
      }
    } catch (error) {
      if (!(error instanceof PdfStructureError)) throw error;
      node = undefined;
    }
    // Anything unusual (not a dictionary, wrong number…) goes through the full parser,
    // which reports it properly.
    node ??= this.resolveDict(value);
    if (node) this.treeNodes.set(value.num, node);
    return node;
  }

  /** Every page's reference in order: a full walk, done once and only when needed. */
  allPageRefs(): PdfRef[] {
    if (this.pageRefs) return this.pageRefs;
    const refs: PdfRef[] = [];
    const seen = new Set<number>();
    const visit = (value: PdfValue | undefined, depth: number): void => {
      if (!(value instanceof PdfRef) || seen.has(value.num) || depth > MAX_TREE_DEPTH) return;
      seen.add(value.num);
      const node = this.pageTreeNode(value);
      if (!node) return;
      const kids = this.resolveArray(node.get('Kids'));
      if (node.nameOf('Type') === 'Page' || !kids) {
        refs.push(value);
        return;
      }
      for (const kid of kids) visit(kid, depth + 1);
    };
    visit(this.catalog().get('Pages'), 0);
    this.pageRefs = refs;
    return refs;
  }

  private pageFromWalk(index: number, ref: PdfRef): PdfPage {
    // Re-descend to collect inherited attributes along the path to this page.
    const path: PdfDict[] = [];
    const findPath = (value: PdfValue | undefined, depth: number): boolean => {
      const node = this.resolveDict(value);
      if (!node || depth > MAX_TREE_DEPTH) return false;
      path.push(node);
      if (value instanceof PdfRef && value.num === ref.num) return true;
      for (const kid of this.resolveArray(node.get('Kids')) ?? []) {
        if (findPath(kid, depth + 1)) return true;
      }
      path.pop();
      return false;
    };
    findPath(this.catalog().get('Pages'), 0);
    const inherited = (key: string): PdfValue | undefined => {
      for (let i = path.length - 1; i >= 0; i--) {
        const value = path[i]!.get(key);
        if (value !== undefined) return value;
      }
      return undefined;
    };
    const dict = path[path.length - 1] ?? this.resolveDict(ref) ?? new PdfDict();
    return this.describePage(
      index,
      ref,
      dict,
      inherited('MediaBox'),
      inherited('CropBox'),
      inherited('Rotate'),
    );
  }

  private describePage(
    index: number,
    ref: PdfRef,
    dict: PdfDict,
    mediaBoxValue: PdfValue | undefined,
    cropBoxValue: PdfValue | undefined,
    rotateValue: PdfValue | undefined,
  ): PdfPage {
    const mediaBox = this.box(mediaBoxValue) ?? DEFAULT_MEDIA_BOX;
    const crop = this.box(cropBoxValue);
    const cropBox: PdfBox = crop
      ? [
          Math.max(crop[0], mediaBox[0]),
          Math.max(crop[1], mediaBox[1]),
          Math.min(crop[2], mediaBox[2]),
          Math.min(crop[3], mediaBox[3]),
        ]
      : mediaBox;
    const rotation = this.resolveNumber(rotateValue) ?? 0;
    // /Rotate must be a multiple of 90 (§7.7.3.3); anything else is treated as the nearest one.
    const rotate = (((Math.round(rotation / 90) * 90) % 360) + 360) % 360;
    return { index, ref, dict, mediaBox, cropBox, rotate };
  }

  private box(value: PdfValue | undefined): PdfBox | undefined {
    const array = this.resolveArray(value);
    if (!array || array.length !== 4) return undefined;
    const numbers = array.map((item) => this.resolveNumber(item));
    if (numbers.some((n) => n === undefined || !Number.isFinite(n))) return undefined;
    const [a, b, c, d] = numbers as number[];
    return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
  }

  private readonly lengthResolver: StreamLengthResolver = (ref) => {
    const value = this.resolve(ref);
    return typeof value === 'number' ? value : undefined;
  };

  private parseObjectAt(num: number, offset: number): PdfValue {
    if (offset >= this.bytes.length) {
      throw new PdfStructureError('bad-object', `object ${num} lies beyond the end of the file`);
    }
    const parser = new PdfParser(this.bytes, offset);
    const object = parser.readIndirectObject(this.lengthResolver);
    if (object.num !== num) {
      throw new PdfStructureError(
        'bad-object',
        `the xref says object ${num} is at byte ${offset}, but object ${object.num} is there`,
      );
    }
    this.spans.set(num, { start: offset, end: parser.pos });
    return object.value;
  }

  private parseCompressedObject(num: number, streamNum: number, index: number): PdfValue {
    const objectStream = this.objectStream(streamNum);
    let position = objectStream.positions[index];
    // Trust the stream's own table of contents over the xref index when they disagree.
    if (objectStream.nums[index] !== num) {
      const found = objectStream.nums.indexOf(num);
      position = found < 0 ? undefined : objectStream.positions[found];
    }
    if (position === undefined) {
      throw new PdfStructureError(
        'bad-object',
        `object ${num} is not in object stream ${streamNum}`,
      );
    }
    return new PdfParser(objectStream.data, position).readValue();
  }

  private objectStream(streamNum: number): ObjectStreamIndex {
    const cached = this.objectStreams.get(streamNum);
    if (cached) return cached;
    const entry = this.xref.entry(streamNum);
    // An object stream must itself be stored uncompressed (§7.5.7).
    const stream = entry?.type === 'offset' ? this.getObject(streamNum) : undefined;
    if (!(stream instanceof PdfStream) || stream.dict.nameOf('Type') !== 'ObjStm') {
      throw new PdfStructureError('bad-object', `object ${streamNum} is not an object stream`);
    }
    const count = this.resolveNumber(stream.dict.get('N'));
    const first = this.resolveNumber(stream.dict.get('First'));
    if (
      count === undefined ||
      first === undefined ||
      !Number.isInteger(count) ||
      !Number.isInteger(first) ||
      count < 0 ||
      first < 0
    ) {
      throw new PdfStructureError('bad-object', `object stream ${streamNum} lacks /N or /First`);
    }
    const data = decodePdfStream(stream, (value) => this.resolve(value));
    const header = new PdfParser(data.subarray(0, first));
    const nums: number[] = [];
    const positions: number[] = [];
    for (let i = 0; i < count; i++) {
      nums.push(header.readUnsignedInteger());
      positions.push(first + header.readUnsignedInteger());
    }
    const index = { data, nums, positions };
    this.objectStreams.set(streamNum, index);
    return index;
  }
}
