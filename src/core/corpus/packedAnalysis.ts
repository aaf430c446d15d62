// A document's analysis as it crosses between threads (the analysis worker to the extension host):
// numbers in Int32Arrays, whose buffers are transferred, and its distinct strings one after another
// in a single string, so that receiving it copies bytes instead of cloning tens of thousands of
// objects in one step (a text of megabytes has that many names). Unpacked in steps.
import type { LocalEntity } from '../linking/linkDocument';
import type { LinkedNames } from '../linking/linkNames';
import type { NameKind } from '../names/nameCandidate';
import { STEP_UNITS, type Steps } from '../steps';
import type { Mention } from '../types';
import type { DocumentAnalysis } from './documentAnalysis';
import type { Int32Slab } from './int32Slab';

/** A DocumentAnalysis packed (packAnalysis). Offsets are UTF-16 code units, as in the analysis. */
export interface PackedAnalysis {
  readonly hash: string;
  readonly dctSource: string;
  readonly model: string;
  readonly dct: string | null;
  /** The distinct strings, one after another; `ends[i]` is where string i ends. */
  readonly chars: string;
  readonly ends: Int32Array;
  /** Counts, then dates, surnames, found, missing, full, lone and entities (see packAnalysis). */
  readonly numbers: Int32Array;
  /** The linked names' spans (DocumentNames.spans). */
  readonly spans: Int32Array;
}

const KINDS: NameKind[] = ['person', 'organization', 'place'];
const GUESSED = KINDS.length;
const NULL = -1;
const UNDEFINED = -2;

/** The buffers of a packed analysis, to transfer with it. */
export function packedBuffers(p: PackedAnalysis): ArrayBuffer[] {
  return [p.ends.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer, p.spans.buffer as ArrayBuffer];
}

export function packAnalysis(a: DocumentAnalysis): PackedAnalysis {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (v: string | null | undefined): number => {
    if (v === null) return NULL;
    if (v === undefined) return UNDEFINED;
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = strings.push(v) - 1));
    return i;
  };
  const { names, found, missing } = a.linked;
  const n: number[] = [a.dates.length, a.surnames.length, found.length, missing.length, names.full.length, names.lone.length, names.entities.length];
  for (const m of a.dates) n.push(m.start, m.end, s(m.text), s(m.value));
  for (const list of [a.surnames, found, missing]) for (const v of list) n.push(s(v));
  for (const list of [names.full, names.lone]) for (const v of list) n.push(v);
  for (const e of names.entities) {
    n.push(s(e.localId), KINDS.indexOf(e.kind) + (e.guessed ? GUESSED : 0), e.words.length, e.forms.length);
    for (const w of e.words) n.push(s(w));
    for (const f of e.forms) n.push(s(f));
    for (const c of e.counts) n.push(c);
  }
  const ends = new Int32Array(strings.length);
  let at = 0;
  strings.forEach((v, i) => (ends[i] = at += v.length));
  return {
    hash: a.hash,
    dctSource: a.dctSource,
    model: a.model,
    dct: a.dct,
    chars: strings.join(''),
    ends,
    numbers: Int32Array.from(n),
    spans: names.spans.slice(),
  };
}

/** A document's linked names packed alone (the other parts of the analysis left empty). */
export function packLinked(linked: LinkedNames): PackedAnalysis {
  return packAnalysis({ hash: '', dctSource: '', model: '', dct: null, dates: [], surnames: [], linked });
}

/** The analysis a packed one holds, in steps; its spans copied into `slab` when given (else the packed ones). */
export function* unpackAnalysis(p: PackedAnalysis, slab?: Int32Slab): Steps<DocumentAnalysis> {
  const { chars, ends, numbers: n } = p;
  const strings = new Array<string>(ends.length);
  for (let i = 0; i < ends.length; i++) {
    strings[i] = chars.slice(i ? ends[i - 1] : 0, ends[i]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const str = (i: number): string => strings[i];
  const [dateCount, surnameCount, foundCount, missingCount, fullCount, loneCount, entityCount] = n;
  let at = 7;
  const dates: Mention[] = [];
  for (let i = 0; i < dateCount; i++, at += 4) {
    const value = n[at + 3];
    dates.push({ start: n[at], end: n[at + 1], text: str(n[at + 2]), kind: 'date', ...(value !== UNDEFINED && { value: value === NULL ? null : str(value) }) });
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const take = (count: number): number[] => {
    const out = Array.from(n.subarray(at, at + count));
    at += count;
    return out;
  };
  const surnames = take(surnameCount).map(str);
  const found = take(foundCount).map(str);
  const missing = take(missingCount).map(str);
  const full = take(fullCount);
  const lone = take(loneCount);
  yield;
  const entities = new Array<LocalEntity>(entityCount);
  for (let i = 0; i < entityCount; i++) {
    const [localId, kind, wordCount, formCount] = n.subarray(at, (at += 4));
    const words = take(wordCount).map(str);
    const forms = take(formCount).map(str);
    entities[i] = { localId: str(localId), kind: KINDS[kind % GUESSED], words, forms, counts: take(formCount), ...(kind >= GUESSED && { guessed: true }) };
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  const linked: LinkedNames = { names: { entities, full, lone, spans: slab ? slab.copy(p.spans) : p.spans }, found, missing };
  return { hash: p.hash, dctSource: p.dctSource, model: p.model, dct: p.dct, dates, surnames, linked };
}
