// Places that stand for teams in sports reports: "the Heels' victory over Evansville", "Creighton
// fans", "Indiana State, which defeated Evansville". News corpora label them organizations.
import { leadingPlaceWords, normKey, type Lexicon } from '../lexicon/lexicon';
import type { NameCandidate } from './nameCandidate';
import { wordAfter, wordBefore } from './tokens';

/** NameCandidate.why of a team found here (WHY.team of recognizeNames.ts, which imports this module). */
const TEAM_WHY = 6;

/** Words right before a name that make it one side of a match. */
const BEFORE = new Set([
  'against',
  'over',
  'beat',
  'beats',
  'defeated',
  'defeats',
  'vs',
  'versus',
  'edged',
  'routed',
  'downed',
  'topped',
  'host',
  'hosts',
  'hosted',
  'visiting',
  'play',
  'plays',
  'played',
  'playing',
]);
/** Words right after a name (or after its possessive 's) that make it a team. */
const AFTER = new Set([
  'fans',
  'coach',
  'lead',
  'leads',
  'led',
  'won',
  'beat',
  'defeated',
  'rallied',
  'scored',
  'trailed',
  'victory',
  'win',
  'loss',
  'defense',
  'offense',
  'players',
  'roster',
  'guard',
  'forward',
  'quarterback',
  'starters',
  'bench',
  'improved',
  'advanced',
  'outscored',
  'outrebounded',
]);
/** A document is a sports report when it says some of these words. */
const SPORTS =
  /\b(?:basketball|football|baseball|hockey|soccer|game|season|playoffs?|quarterfinals?|semifinals?|tournament|rebounds|touchdowns?|innings|points|scored|coach|league)\b/g;

/**
 * Gives the organization kind to the names a sports report uses as teams (all their mentions, and
 * those of the other names of the same place: "Sweden defeated South Korea" makes "Korea" the team
 * too): places, and lone words taken for persons that are no family name of the report (`surnames`:
 * "Creighton", "Sixers").
 */
export function markTeams(text: string, lex: Lexicon, cands: NameCandidate[], surnames: ReadonlySet<string>): void {
  const teamKey = (c: NameCandidate): string => lex.aliases.get(c.key) ?? c.key;
  let teams: Set<string> | undefined;
  for (const c of cands) {
    if (teams?.has(teamKey(c)) || !(c.kind === 'place' || (c.kind === 'person' && !c.titled && c.words.length === 1))) continue;
    const before = wordBefore(text, c.start).toLowerCase();
    const plural = c.kind === 'person' && before === 'the' && c.key.endsWith('s') && !c.key.endsWith('ss'); // "the Bluejays"
    if (!plural && !BEFORE.has(before) && !AFTER.has(wordAfterPossessive(text, c.end).toLowerCase())) continue;
    if (c.kind === 'person' && surnames.has(c.words[0])) continue;
    (teams ??= new Set()).add(teamKey(c));
  }
  // read the whole text only when some name looks like a team
  if (!teams || !isSportsReport(text)) return;
  for (const c of cands) {
    if (c.kind !== 'organization' && teams.has(teamKey(c))) {
      c.kind = 'organization';
      c.strong = true;
      c.why = TEAM_WHY;
    }
  }
}

/** The word after `e`, or after the possessive that follows it ("Creighton 's 65-53 victory" -> "65-53" is no word: ''). */
function wordAfterPossessive(text: string, e: number): string {
  // /\s?['’]\s?s\s/ at e, read by character (this runs for most names): no slice, no regex
  let i = isRegexSpace(text.charCodeAt(e)) ? e + 1 : e;
  let c = text.charCodeAt(i);
  if (c !== 39 && c !== 0x2019) return wordAfter(text, e);
  if (isRegexSpace(text.charCodeAt(++i))) i++;
  c = text.charCodeAt(i);
  return wordAfter(text, c === 115 && isRegexSpace(text.charCodeAt(i + 1)) ? i + 2 : e);
}

/** A character of the regular expressions' \s. */
function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isSportsReport(text: string): boolean {
  SPORTS.lastIndex = 0;
  let n = 0;
  while (SPORTS.exec(text)) if (++n >= 3) return true;
  return false;
}

/**
 * Where the team's own name starts in an organization's name that begins with a place ("New Orleans
 * Saints" -> 2), when what follows is a plural ("Saints", "Red Sox"); else 0.
 */
export function teamNameAt(lex: Lexicon, words: readonly string[]): number {
  const n = words.length;
  if (n < 2 || (!words[n - 1].endsWith('s') && !words[n - 1].endsWith('x'))) return 0;
  return leadingPlaceWords(lex, words);
}

/**
 * The corpus's word for a team's own name ("team:saints"), among the family names of familyNames.ts:
 * another document's lone "Saints" is a short form of the team. No family name has a colon.
 */
export function teamShortForm(key: string): string {
  return `team:${key}`;
}

/** The team short form of a strong organization named with its place ("New Orleans Saints" -> "team:saints"), or undefined. */
export function teamShortFormOf(lex: Lexicon, c: Pick<NameCandidate, 'kind' | 'strong' | 'words'>): string | undefined {
  if (c.kind !== 'organization' || !c.strong) return undefined;
  const at = teamNameAt(lex, c.words);
  return at > 0 ? teamShortForm(normKey(c.words.slice(at).join(''))) : undefined;
}
