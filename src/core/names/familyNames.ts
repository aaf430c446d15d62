// Which word of a person's name is the family name: what links a lone "Lee" to "Lee Jae-myung".
import { lexicon, type Lexicon } from '../lexicon/lexicon';
import type { NameCandidate } from './nameCandidate';
import { teamShortFormOf } from './teams';

/** East Asian order: the family name comes first ("Lee Jae-myung", "Xi Jinping"). */
export function familyFirst(lex: Lexicon, words: string[], hyphenSecond?: boolean): boolean {
  if (words.length < 2 || !lex.eastAsianSurnames.has(words[0])) return false;
  if (hyphenSecond || words[1].includes('-')) return true;
  if (words.length === 3 && words.every(w => w.length <= 5)) return true;
  return !lex.given.has(words[1]) || (lex.eastAsianSurnames.has(words[1]) === false && words[1].length <= 4);
}

/**
 * Family names of the persons named with several words among `cands`, added to `into`; and the own
 * names of the teams named with their place (teams.ts, teamShortFormOf: "team:saints"). These are
 * the short forms by which other documents of a corpus may name them alone ("Gupta", "Saints").
 */
export function collectSurnames(cands: readonly NameCandidate[], into: Set<string>): void {
  const lex = lexicon();
  for (const c of cands) {
    if (c.kind === 'organization') {
      const team = teamShortFormOf(lex, c);
      if (team) into.add(team);
      continue;
    }
    if (c.kind !== 'person' || c.words.length < 2 || !c.strong) continue;
    const w = c.words;
    into.add(familyFirst(lex, w, c.hyphenSecond) ? w[0] : w[w.length - 1]);
  }
}
