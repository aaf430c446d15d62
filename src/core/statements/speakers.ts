// Who said a quotation, as the article attributes it: "…," Ortiz said; "…," said Baker; Mayor
// Albers: "…"; "…," according to the minister; Ortiz said the deal was "…"; "…," she said (a
// pronoun: the named speaker of the sentence before, or the one person named there). Nothing is
// guessed beyond that: a quotation without such an attribution has no speaker.
import type { FoundQuotation } from './quotations';
import type { Span, Speaker } from './types';

/** A name mention of the statement (person, organization or place), with its corpus entity id. */
export interface NameRef extends Span {
  kind: string;
  entity?: string;
}

/** A speaker as the statement names it, before pronouns and common nouns are resolved (offsets into the article). */
export type Said = { name: NameRef } | { pronoun: string; at: number } | { noun: string };

/** `said` with its offsets moved by `delta` (a statement read once, found again elsewhere). */
export function shiftSaid(said: Said, delta: number): Said {
  if ('name' in said) return { name: { ...said.name, start: said.name.start + delta, end: said.name.end + delta } };
  if ('pronoun' in said) return { pronoun: said.pronoun, at: said.at + delta };
  return said;
}

const VERBS =
  'said|says|say|told|tells|added|adds|stated|declared|announced|argued|argues|warned|warns|explained|explains|noted|' +
  'insisted|insists|promised|pledged|claimed|claims|wrote|writes|acknowledged|admitted|conceded|confirmed|denied|replied|' +
  'responded|urged|stressed|emphasi[sz]ed|recalled|commented|remarked|suggested|predicted|vowed|maintained|observed|' +
  'concluded|tweeted|posted|asked|called|described|quipped|joked|cautioned|agreed';
const PRONOUNS = 'he|she|they|it|we|i';
const ADVERB = '(?:also\\s+|later\\s+|then\\s+|further\\s+|previously\\s+|once\\s+)?';
const AFTER_PRONOUN = new RegExp(`^[,.!?]?\\s*(${PRONOUNS})\\s+${ADVERB}(?:${VERBS})\\b`, 'i');
const AFTER_VERB = new RegExp(`^[,.!?]?\\s*${ADVERB}(?:${VERBS})\\s+`, 'i');
const AFTER_ACCORDING = /^[,.!?]?\s*according\s+to\s+/i;
const VERB_NEXT = new RegExp(`^\\s*(?:,[^,"“”]{1,120},\\s*)?${ADVERB}(?:${VERBS})\\b`, 'i');
const VERB_ANYWHERE = new RegExp(`\\b(?:${VERBS})\\b|\\baccording\\s+to\\b`, 'gi');
const NOUN_PHRASE =
  /^(?:the|a|an|one|another|his|her|its|their)\s+((?:[a-z-]+\s+){0,2}?(?:minister|spokesman|spokeswoman|spokesperson|official|officials|mayor|president|premier|professor|analyst|adviser|advisor|chief|head|director|secretary|governor|senator|ambassador|commissioner|chairman|chairwoman|chair|leader|coordinator|economist|expert|lawyer|witness|resident|source|statement|agency|ministry|government|police|company|union|organizers|organisers|protesters|activist|activists|diplomat|diplomats|aide|aides|spokeswoman))\b/i;
/** Titles and other capitalized words allowed between a quotation and the name of its speaker ("Mayor Katrin Albers"). */
const TITLE_GAP = /^[,.!?]?\s*(?:(?:\p{Lu}[\p{L}.'-]*|the|of)\s+){0,4}$/u;

/** A statement remembered for the pronouns of the statements after it. */
interface Seen {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  names: readonly NameRef[];
  /** Who it says spoke: computed when a later pronoun asks (null: nobody named). */
  sayer?: { speaker: Speaker; kind: string } | null;
}

/**
 * Resolves speakers across the statements of one article, in order: create one per article, call
 * `remember` for each statement, then `find` and `resolveAll` for those with quotations. What a pronoun or a role
 * ("the minister") refers to is worked out only when one occurs.
 */
export class SpeakerTracker {
  /** The statements of the current paragraph so far, and the last one of the paragraph before. */
  private recent: Seen[] = [];
  /** Every person named so far, in text order, for "the minister". */
  private readonly persons: NameRef[] = [];

  constructor(private readonly text: string) {}

  /** Notes statement `index` (paragraph `paragraph`, span [start, end), its names in text order). */
  remember(index: number, paragraph: number, start: number, end: number, names: readonly NameRef[]): void {
    const last = this.recent[this.recent.length - 1];
    if (last && last.paragraph !== paragraph) this.recent = [last];
    this.recent.push({ index, paragraph, start, end, names });
    for (const n of names) if (n.kind === 'person' && n.entity) this.persons.push(n);
  }

  /**
   * How the statement last remembered (span [start, end), names `names`) attributes each of its
   * quotations, whatever came before it: a name, a pronoun, a common noun, or nothing.
   */
  find(start: number, end: number, quotes: readonly FoundQuotation[], names: readonly NameRef[]): (Said | undefined)[] {
    const speakingNames = names.filter(n => n.kind === 'person' || n.kind === 'organization');
    return quotes.map(q => this.saidAfter(q, end, speakingNames, quotes) ?? this.saidBefore(q, start, speakingNames, quotes));
  }

  /**
   * The speakers of the statement last remembered (starting at `start`), from what `find` gave: its
   * pronouns and common nouns resolved against the statements before it.
   */
  resolveAll(saids: readonly (Said | undefined)[], start: number): (Speaker | undefined)[] {
    const out: (Speaker | undefined)[] = [];
    const current = this.recent[this.recent.length - 1];
    let sayer: { speaker: Speaker; kind: string } | undefined;
    for (const said of saids) {
      const resolved = said && this.resolve(said, start, sayer);
      out.push(resolved?.speaker);
      if (resolved) sayer = resolved;
    }
    if (current && sayer?.speaker.entity) current.sayer = sayer;
    return out;
  }

  /** Who a remembered statement says spoke: its quotations' speaker, else the named subject of a speech verb ("Albers said the council would..."). */
  private sayerOf(seen: Seen): { speaker: Speaker; kind: string } | null {
    if (seen.sayer === undefined) {
      const names = seen.names.filter(n => n.kind === 'person' || n.kind === 'organization');
      const said = this.verbSubject(seen.start, seen.end, names, [], seen.end);
      seen.sayer = said && 'name' in said && said.name.entity ? { speaker: speakerOf(this.text, said.name), kind: said.name.kind } : null;
    }
    return seen.sayer;
  }

  /** After the closing mark: `," she said`, `," said Baker`, `," Mayor Albers told reporters`, `," according to X`. */
  private saidAfter(q: FoundQuotation, end: number, names: readonly NameRef[], quotes: readonly FoundQuotation[]): Said | undefined {
    const next = quotes.find(o => o.open >= q.close);
    const stop = Math.min(end, next ? next.open : end, q.close + 200);
    const after = this.text.slice(q.close, stop);
    const pronoun = AFTER_PRONOUN.exec(after);
    if (pronoun) return { pronoun: pronoun[1].toLowerCase(), at: q.close };
    const verb = AFTER_VERB.exec(after) ?? AFTER_ACCORDING.exec(after);
    if (verb) {
      const at = q.close + verb[0].length;
      const name = names.find(n => n.start >= at && n.start <= at + 40 && TITLE_GAP.test(this.text.slice(at, n.start)));
      if (name) return { name };
      const noun = NOUN_PHRASE.exec(this.text.slice(at, stop));
      return noun ? { noun: noun[0] } : undefined;
    }
    const name = names.find(n => n.start >= q.close && n.start <= q.close + 40 && TITLE_GAP.test(this.text.slice(q.close, n.start)));
    if (name && VERB_NEXT.test(this.text.slice(name.end, stop))) return { name };
    return undefined;
  }

  /** Before the opening mark: `Mayor Albers: "…"`, or the subject of a speech verb earlier in the sentence. */
  private saidBefore(q: FoundQuotation, start: number, names: readonly NameRef[], quotes: readonly FoundQuotation[]): Said | undefined {
    const before = this.text.slice(start, q.open);
    const colon = /:\s*$/.exec(before);
    if (colon) {
      const at = start + colon.index;
      const name = [...names].reverse().find(n => n.end <= at && n.end >= at - 2);
      if (name) return { name };
    }
    return this.verbSubject(start, q.open, names, quotes, q.open);
  }

  /**
   * The subject of the last speech verb in [start, stop) outside quotations: the name or pronoun
   * before it, the name after it ("said Baker"), or who "according to" names.
   */
  private verbSubject(start: number, stop: number, names: readonly NameRef[], quotes: readonly FoundQuotation[], limit: number): Said | undefined {
    const span = this.text.slice(start, stop);
    let found: Said | undefined;
    VERB_ANYWHERE.lastIndex = 0;
    for (let m = VERB_ANYWHERE.exec(span); m; m = VERB_ANYWHERE.exec(span)) {
      const at = start + m.index;
      if (quotes.some(q => at >= q.open && at < q.close)) continue;
      const verbEnd = at + m[0].length;
      if (/^according/i.test(m[0])) {
        const name = names.find(n => n.start >= verbEnd && n.start <= verbEnd + 40 && TITLE_GAP.test(this.text.slice(verbEnd, n.start).replace(/^\s+/, '')));
        if (name) found = { name };
        else {
          const noun = NOUN_PHRASE.exec(this.text.slice(verbEnd, limit).replace(/^\s+/, ''));
          if (noun) found = { noun: noun[0] };
        }
        continue;
      }
      const pronoun = new RegExp(`\\b(${PRONOUNS})\\s+${ADVERB}$`, 'i').exec(this.text.slice(Math.max(start, at - 20), at));
      if (pronoun) {
        found = { pronoun: pronoun[1].toLowerCase(), at };
        continue;
      }
      // the nearest person before the verb in the same clause (an apposition or "of Haldenbruck" between
      // them is allowed), else the nearest organization
      const subject = subjectBefore(this.text, start, at, names, quotes);
      if (subject) {
        found = { name: subject };
        continue;
      }
      const after = names.find(n => n.start >= verbEnd && n.start <= verbEnd + 30 && TITLE_GAP.test(this.text.slice(verbEnd, n.start).replace(/^\s+/, '')));
      if (after) found = { name: after };
    }
    return found;
  }

  private resolve(said: Said, at: number, earlier: { speaker: Speaker; kind: string } | undefined): { speaker: Speaker; kind: string } | undefined {
    if ('name' in said) return { speaker: speakerOf(this.text, said.name), kind: said.name.kind };
    if ('noun' in said) {
      const known = this.personWithRole(/(\S+)$/.exec(said.noun)?.[1].toLowerCase() ?? '', at);
      return { speaker: known ? { text: said.noun, entity: known.entity } : { text: said.noun }, kind: 'person' };
    }
    if (said.pronoun === 'i' || said.pronoun === 'we') return undefined; // the writer, or a group: not a named speaker
    const pronounText = new RegExp(`\\b${said.pronoun}\\b`, 'i').exec(this.text.slice(said.at - 20, said.at))?.[0] ?? said.pronoun;
    const personal = said.pronoun === 'he' || said.pronoun === 'she';
    const fits = (kind: string) => (personal ? kind === 'person' : true);
    const as = (who: { speaker: Speaker; kind: string }) => ({ speaker: { text: pronounText, entity: who.speaker.entity }, kind: who.kind });
    if (earlier?.speaker.entity && fits(earlier.kind)) return as(earlier);
    // the last named speaker of the sentence before, or of this paragraph
    for (let i = this.recent.length - 2; i >= 0; i--) {
      const sayer = this.sayerOf(this.recent[i]);
      if (sayer) return fits(sayer.kind) ? as(sayer) : undefined;
    }
    const before = this.recent[this.recent.length - 2];
    const persons = new Set(before?.names.filter(n => n.kind === 'person' && n.entity).map(n => n.entity));
    if (personal && persons.size === 1) return { speaker: { text: pronounText, entity: [...persons][0] }, kind: 'person' };
    return undefined;
  }

  /** The last person named before `at` with a role word by the name: "Interior Minister Marta Ilves", "Marta Ilves, the minister". */
  private personWithRole(role: string, at: number): NameRef | undefined {
    for (let i = this.persons.length - 1; i >= 0; i--) {
      const name = this.persons[i];
      if (name.start >= at) continue;
      const before = this.text.slice(Math.max(0, name.start - 40), name.start);
      const after = this.text.slice(name.end, name.end + 60);
      const words = [
        ...(/((?:\p{L}+\s+){0,3})$/u.exec(before)?.[1].toLowerCase().split(/\s+/) ?? []),
        ...(/^,\s+(?:the|a|an|\p{L}+'s)\s+([^,.;]{1,50})/u.exec(after)?.[1].toLowerCase().split(/\s+/) ?? []),
      ];
      if (words.includes(role)) return name;
    }
    return undefined;
  }
}

/** The name that is the subject of a speech verb at `verb`: a person first, else an organization. */
function subjectBefore(text: string, start: number, verb: number, names: readonly NameRef[], quotes: readonly FoundQuotation[]): NameRef | undefined {
  let organization: NameRef | undefined;
  for (let i = names.length - 1; i >= 0; i--) {
    const n = names[i];
    if (n.end > verb || n.start < start) continue;
    if (quotes.some(q => n.start >= q.open && n.start < q.close)) continue;
    const gap = text.slice(n.end, verb);
    if (/[;"“”]/.test(gap)) break;
    if (!clauseGap(gap) && !/^\s+(?:of|at|from|for|in)\s+[^,;]{1,60}?\s*$/.test(gap)) {
      if (gap.length > 160) break;
      continue;
    }
    if (n.kind === 'person') return n;
    organization ??= n;
  }
  return organization;
}

/** Between a name and its speech verb: nothing, or an apposition or relative clause set off by commas. */
function clauseGap(gap: string): boolean {
  if (/^\s*$/.test(gap)) return true;
  if (/^\s*,\s*$/.test(gap)) return true; // the end of an apposition: "Estonia's minister, Marta Ilves, said"
  if (/^\s*(?:also|later|then|further|previously|once|has|have|had|will|would)\s*$/i.test(gap)) return true;
  return /^\s*,[^,]{1,140},\s*(?:also\s+|later\s+)?$/.test(gap) || /^\s*,[^,]{1,80},[^,]{1,80},\s*$/.test(gap);
}

function speakerOf(text: string, name: NameRef): Speaker {
  return name.entity ? { text: text.slice(name.start, name.end), entity: name.entity } : { text: text.slice(name.start, name.end) };
}
