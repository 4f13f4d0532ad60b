/**
 * What the incremental updates after a signed revision changed. A signature that does not
 * cover the whole file is still valid for the revision it signed, but a verifier must say
 * whether the later revisions only added signatures (the next signer, the agency seal, an
 * attachment signature, PAdES validation data) or changed what the signer saw.
 *
 * Each object listed in a later cross-reference section is compared with its version in the
 * signed revision (which is itself a complete PDF: the file cut at the signature's revision
 * end) and classified. The rules are deliberately narrow, in the spirit of the changes DocMDP
 * level 2 permits (§12.8.2.2), minus form filling: anything they do not recognize is "other".
 */
import type { PdfReader } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { PdfDict, PdfRef, PdfStream, pdfValuesEqual, type PdfValue } from './pdf-values';
import type { XrefSection } from './pdf-xref';

export type PdfChangeKind =
  /** A signature or document-timestamp dictionary (/Type /Sig or /DocTimeStamp). */
  | 'signature'
  /** A signature field or its widget (/FT /Sig, or a widget whose parent is one). */
  | 'signature-field'
  /** A new object drawn by a signature widget's appearance (/AP): Form XObject, font, image. */
  | 'signature-appearance'
  /** The AcroForm, with only /Fields (fields kept, signature fields added), /SigFlags, /DR. */
  | 'form'
  /** The catalog, with only /AcroForm or /DSS changed. */
  | 'catalog'
  /** A page whose only change is signature widgets added to /Annots. */
  | 'page-annotations'
  /** An array object (an indirect /Annots or /Fields) that only gained signature widgets. */
  | 'field-list'
  /** New PAdES validation data reachable from the catalog's /DSS. */
  | 'validation-data'
  | 'xref-stream'
  /** An object stream: a container whose objects are judged one by one. */
  | 'object-stream'
  /** Written again with identical content. */
  | 'unchanged'
  /** Anything else: content, resources, other annotations, form values… */
  | 'other';

export interface PdfObjectChange {
  num: number;
  /** Relative to the signed revision. */
  change: 'added' | 'changed' | 'deleted';
  kind: PdfChangeKind;
  allowed: boolean;
  /** For disallowed changes, what was seen (e.g. "page: /Contents changed"). */
  detail?: string;
}

export interface PdfLaterRevision {
  /** Position of the update's cross-reference section. */
  xrefPosition: number;
  /** Where the update ends (after its %%EOF). */
  end: number;
  changes: PdfObjectChange[];
  /** True when every change is an allowed one. */
  allowed: boolean;
}

const MAX_REACH = 10_000;

/**
 * Analyses the updates after `revisionEnd` in `current`'s file. `readerAt` returns a reader
 * over the file cut at a given length; callers cache them across signatures.
 */
export function laterRevisions(
  current: PdfReader,
  revisionEnd: number,
  readerAt: (end: number) => PdfReader,
): PdfLaterRevision[] {
  const data = current.bytes;
  const signed = readerAt(revisionEnd);
  const sections = current.xref.sections
    .filter((section) => section.position >= revisionEnd)
    .sort((a, b) => a.position - b.position);
  return sections.map((section) => {
    const end = updateEnd(data, section);
    const after = readerAt(end);
    const changes = classifySection(section, signed, after);
    return {
      xrefPosition: section.position,
      end,
      changes,
      allowed: changes.every((change) => change.allowed),
    };
  });
}

function updateEnd(data: Buffer, section: XrefSection): number {
  const eof = data.indexOf('%%EOF', section.position, 'latin1');
  if (eof < 0) {
    throw new PdfStructureError('bad-xref', `no %%EOF after the update at ${section.position}`);
  }
  let end = eof + 5;
  if (data[end] === 0x0d) end++;
  if (data[end] === 0x0a) end++;
  return end;
}

function classifySection(
  section: XrefSection,
  signed: PdfReader,
  after: PdfReader,
): PdfObjectChange[] {
  const context = new RevisionContext(section, signed, after);
  const changes: PdfObjectChange[] = [];
  for (const [num, entry] of [...section.entries].sort((a, b) => a[0] - b[0])) {
    const before = signed.getObject(num);
    if (entry.type === 'free') {
      if (before !== undefined) {
        changes.push({ num, change: 'deleted', kind: 'other', allowed: false, detail: 'deleted' });
      }
      continue;
    }
    const now = after.getObject(num);
    const change = before === undefined ? 'added' : 'changed';
    const verdict = context.classify(num, before, now);
    changes.push({ num, change, ...verdict });
  }
  return changes;
}

type Verdict = Pick<PdfObjectChange, 'kind' | 'allowed' | 'detail'>;

const allowed = (kind: PdfChangeKind): Verdict => ({ kind, allowed: true });
const other = (detail: string): Verdict => ({ kind: 'other', allowed: false, detail });

class RevisionContext {
  private appearanceObjects: Set<number> | undefined;
  private validationObjects: Set<number> | undefined;
  private kidWidgets: Set<number> | undefined;

  constructor(
    private readonly section: XrefSection,
    private readonly signed: PdfReader,
    private readonly after: PdfReader,
  ) {}

  classify(num: number, before: PdfValue | undefined, now: PdfValue | undefined): Verdict {
    if (pdfValuesEqual(before, now)) return allowed('unchanged');
    const dict = now instanceof PdfStream ? now.dict : now instanceof PdfDict ? now : undefined;
    const beforeDict =
      before instanceof PdfStream ? before.dict : before instanceof PdfDict ? before : undefined;
    const type = dict?.nameOf('Type');

    if (now instanceof PdfStream && before === undefined) {
      if (type === 'XRef') return allowed('xref-stream');
      if (type === 'ObjStm') return allowed('object-stream');
    }
    if (now instanceof PdfStream && type === 'ObjStm' && before instanceof PdfStream) {
      if (before.dict.nameOf('Type') === 'ObjStm') return allowed('object-stream');
    }
    if (dict && (type === 'Sig' || type === 'DocTimeStamp')) {
      if (!beforeDict) return allowed('signature');
      return other('an existing signature dictionary was changed');
    }
    if (dict && (isSignatureField(this.after, dict) || this.signatureKids().has(num))) {
      if (!beforeDict || isSignatureField(this.signed, beforeDict)) {
        return allowed('signature-field');
      }
      return other('an existing field became a signature field');
    }
    if (num === this.after.rootRef.num && dict && beforeDict) return this.catalog(beforeDict, dict);
    const formRef = this.after.catalog().get('AcroForm');
    if (formRef instanceof PdfRef && formRef.num === num && dict) {
      // A form created by the update is compared with the inline form it replaced, if any.
      return this.form(beforeDict ?? this.signedForm() ?? new PdfDict(), dict);
    }
    if (type === 'Page' && dict && beforeDict) return this.page(beforeDict, dict);
    if (Array.isArray(before) && Array.isArray(now)) {
      const problem = this.onlySignatureWidgetsAdded(before, now, this.signed, this.after);
      return problem ? other(`array: ${problem}`) : allowed('field-list');
    }
    if (before === undefined) {
      if (this.reachableFromSignatureAppearances().has(num)) return allowed('signature-appearance');
      if (this.reachableFromValidationData().has(num)) return allowed('validation-data');
      return other(`new ${type ? `/${type} ` : ''}object not used by a signature`);
    }
    return other(`${type ? `/${type} ` : ''}object changed`);
  }

  private catalog(before: PdfDict, now: PdfDict): Verdict {
    const changed = changedKeys(before, now).filter((key) => key !== 'DSS');
    const unexpected = changed.filter((key) => key !== 'AcroForm');
    if (unexpected.length > 0) return other(`catalog: /${unexpected.join(', /')} changed`);
    if (changed.includes('AcroForm')) {
      // An inline AcroForm is judged like an indirect one; a new reference must be a form.
      const nowForm = this.after.resolveDict(now.get('AcroForm'));
      if (!nowForm) return other('catalog: /AcroForm removed');
      // A form object written by this update is judged on its own; an inline one here.
      const nowValue = now.get('AcroForm');
      if (!(nowValue instanceof PdfRef && this.section.entries.has(nowValue.num))) {
        const verdict = this.form(this.signedForm() ?? new PdfDict(), nowForm);
        if (!verdict.allowed) return verdict;
      }
    }
    return allowed('catalog');
  }

  private signedForm(): PdfDict | undefined {
    return this.signed.resolveDict(this.signed.catalog().get('AcroForm'));
  }

  private form(before: PdfDict, now: PdfDict): Verdict {
    const unexpected = changedKeys(before, now).filter(
      (key) => key !== 'Fields' && key !== 'SigFlags' && key !== 'DR',
    );
    if (unexpected.length > 0) return other(`AcroForm: /${unexpected.join(', /')} changed`);
    const beforeFields = this.signed.resolveArray(before.get('Fields')) ?? [];
    const nowFields = this.after.resolveArray(now.get('Fields')) ?? [];
    const problem = this.onlySignatureWidgetsAdded(
      beforeFields,
      nowFields,
      this.signed,
      this.after,
    );
    return problem ? other(`AcroForm /Fields: ${problem}`) : allowed('form');
  }

  private page(before: PdfDict, now: PdfDict): Verdict {
    const unexpected = changedKeys(before, now).filter((key) => key !== 'Annots');
    if (unexpected.length > 0) return other(`page: /${unexpected.join(', /')} changed`);
    const beforeAnnots = this.signed.resolveArray(before.get('Annots')) ?? [];
    const nowAnnots = this.after.resolveArray(now.get('Annots')) ?? [];
    const problem = this.onlySignatureWidgetsAdded(
      beforeAnnots,
      nowAnnots,
      this.signed,
      this.after,
    );
    return problem ? other(`page /Annots: ${problem}`) : allowed('page-annotations');
  }

  /** Undefined when `now` keeps every item of `before` and adds only signature fields. */
  private onlySignatureWidgetsAdded(
    before: PdfValue[],
    now: PdfValue[],
    beforeReader: PdfReader,
    nowReader: PdfReader,
  ): string | undefined {
    const remaining = [...now];
    for (const item of before) {
      const at = remaining.findIndex((candidate) => pdfValuesEqual(candidate, item));
      if (at < 0) return 'an entry was removed or replaced';
      remaining.splice(at, 1);
    }
    for (const item of remaining) {
      const dict = nowReader.resolveDict(item);
      const kid =
        nowReader === this.after && item instanceof PdfRef && this.signatureKids().has(item.num);
      if (!dict || !(kid || isSignatureField(nowReader, dict))) {
        return 'a non-signature entry was added';
      }
      // A signature field that existed unsigned but is newly listed is fine; one that existed
      // as something else is not (it is judged on its own, but say so here too).
      if (item instanceof PdfRef) {
        const old = beforeReader.resolveDict(item);
        if (old && !isSignatureField(beforeReader, old)) return 'a non-signature entry was added';
      }
    }
    return undefined;
  }

  /** New objects of this update reachable from the /AP of signature widgets in it. */
  private reachableFromSignatureAppearances(): Set<number> {
    if (this.appearanceObjects) return this.appearanceObjects;
    const roots: PdfValue[] = [];
    for (const num of this.section.entries.keys()) {
      const dict = this.after.resolveDict(new PdfRef(num, 0));
      if (dict && (isSignatureField(this.after, dict) || this.signatureKids().has(num))) {
        const appearance = dict.get('AP');
        if (appearance !== undefined) roots.push(appearance);
      }
    }
    this.appearanceObjects = this.reachableNewObjects(roots);
    return this.appearanceObjects;
  }

  /**
   * Widgets this update wrote as /Kids of a signature field it wrote: one signature shown in
   * several places (the agency seal with the number and date lines). Kids are recognised from
   * the field's side because they carry no /Parent: poppler reads a kid with /Parent as a
   * field of its own, which would list one unsigned signature field per widget.
   */
  private signatureKids(): Set<number> {
    if (this.kidWidgets) return this.kidWidgets;
    const kids = new Set<number>();
    for (const num of this.section.entries.keys()) {
      const dict = this.after.resolveDict(new PdfRef(num, 0));
      if (!dict || dict.nameOf('FT') !== 'Sig') continue;
      for (const kid of this.after.resolveArray(dict.get('Kids')) ?? []) {
        if (kid instanceof PdfRef && this.section.entries.has(kid.num)) {
          const widget = this.after.resolveDict(kid);
          if (widget?.nameOf('Subtype') === 'Widget' && widget.get('FT') === undefined) {
            kids.add(kid.num);
          }
        }
      }
    }
    this.kidWidgets = kids;
    return kids;
  }

  private reachableFromValidationData(): Set<number> {
    if (this.validationObjects) return this.validationObjects;
    const dss = this.after.catalog().get('DSS');
    this.validationObjects = this.reachableNewObjects(dss === undefined ? [] : [dss]);
    return this.validationObjects;
  }

  /** Objects reachable from `roots` through objects that did not exist when signed. */
  private reachableNewObjects(roots: PdfValue[]): Set<number> {
    const found = new Set<number>();
    const stack = [...roots];
    while (stack.length > 0 && found.size < MAX_REACH) {
      const value = stack.pop();
      if (value instanceof PdfRef) {
        if (found.has(value.num) || this.signed.getObject(value.num) !== undefined) continue;
        found.add(value.num);
        const target = this.after.getObject(value.num);
        if (target !== undefined) stack.push(target);
      } else if (Array.isArray(value)) {
        stack.push(...value);
      } else if (value instanceof PdfDict) {
        stack.push(...value.entries.values());
      } else if (value instanceof PdfStream) {
        stack.push(...value.dict.entries.values());
      }
    }
    return found;
  }
}

function changedKeys(before: PdfDict, now: PdfDict): string[] {
  const keys = new Set([...before.entries.keys(), ...now.entries.keys()]);
  return [...keys].filter((key) => !pdfValuesEqual(before.get(key), now.get(key)));
}

/** A field whose type is /Sig, directly or inherited from its parent (a widget kid). */
export function isSignatureField(reader: PdfReader, dict: PdfDict): boolean {
  let node: PdfDict | undefined = dict;
  for (let depth = 0; node && depth < 16; depth++) {
    const fieldType = node.nameOf('FT');
    if (fieldType !== undefined) return fieldType === 'Sig';
    node = reader.resolveDict(node.get('Parent'));
  }
  return false;
}
