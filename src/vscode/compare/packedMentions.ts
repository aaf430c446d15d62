// An article's mentions as they cross to the statement worker (statementClient.ts, statementJobs.ts):
// numbers in one Int32Array and each distinct string once, so that posting them copies bytes instead
// of cloning thousands of objects on the extension host's thread. Offsets in UTF-16 code units.
import type { MentionFields, StatementSource } from '../../core';

type Mentions = StatementSource['mentions'];
/** Mentions read field by field (MentionFields, or a list's, whose kinds are any string). */
type Fields = Omit<MentionFields, 'kind'> & { kind(i: number): string };

/** Mentions packed: five numbers each (start, end, kind, entity, value; strings by their index in `strings`, -1 none, -2 null). */
export interface PackedMentions {
  numbers: Int32Array;
  strings: string[];
}

const FIELDS = 5;
const NONE = -1;
const NULL = -2;

/** Mentions to pack: a list, or a corpus index's rows read field by field (CorpusIndex.publishedMentions: no object made for each). */
export type MentionsToPack = Mentions | MentionFields;

export function packMentions(mentions: MentionsToPack): PackedMentions {
  const fields: Fields = 'start' in mentions ? mentions : listFields(mentions);
  const numbers = new Int32Array(fields.length * FIELDS);
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | null | undefined) => {
    if (s === undefined) return NONE;
    if (s === null) return NULL;
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
    return i;
  };
  for (let i = 0, at = 0; i < fields.length; i++) {
    numbers[at++] = fields.start(i);
    numbers[at++] = fields.end(i);
    numbers[at++] = id(fields.kind(i));
    numbers[at++] = id(fields.entity(i));
    numbers[at++] = id(fields.value(i));
  }
  return { numbers, strings };
}

/** A list of mentions read as fields. */
function listFields(list: Mentions): Fields {
  return {
    length: list.length,
    start: i => list[i].start,
    end: i => list[i].end,
    kind: i => list[i].kind,
    entity: i => list[i].entity,
    value: i => list[i].value,
  };
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
