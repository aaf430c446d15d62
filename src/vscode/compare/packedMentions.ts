// An article's mentions as they cross to the statement worker (statementClient.ts, statementJobs.ts):
// numbers in one Int32Array and each distinct string once, so that posting them copies bytes instead
// of cloning thousands of objects on the extension host's thread. Offsets in UTF-16 code units.
import type { StatementSource } from '../../core';

type Mentions = StatementSource['mentions'];

/** Mentions packed: five numbers each (start, end, kind, entity, value; strings by their index in `strings`, -1 none, -2 null). */
export interface PackedMentions {
  numbers: Int32Array;
  strings: string[];
}

const FIELDS = 5;
const NONE = -1;
const NULL = -2;

export function packMentions(mentions: Mentions): PackedMentions {
  const numbers = new Int32Array(mentions.length * FIELDS);
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | null | undefined) => {
    if (s === undefined) return NONE;
    if (s === null) return NULL;
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
    return i;
  };
  mentions.forEach((m, i) => {
    numbers.set([m.start, m.end, id(m.kind), id(m.entity), id(m.value)], i * FIELDS);
  });
  return { numbers, strings };
}

export function unpackMentions({ numbers, strings }: PackedMentions): Mentions {
  const string = (i: number) => (i === NONE ? undefined : i === NULL ? null : strings[i]);
  const out: Mentions[number][] = [];
  for (let i = 0; i < numbers.length; i += FIELDS) {
    const entity = string(numbers[i + 3]);
    const value = string(numbers[i + 4]);
    out.push({
      start: numbers[i],
      end: numbers[i + 1],
      kind: strings[numbers[i + 2]],
      ...(typeof entity === 'string' ? { entity } : {}),
      ...(value !== undefined ? { value } : {}),
    });
  }
  return out;
}
