// A large answer of the statement worker (statementWorker.ts) in parts, put together again by the
// extension host (statementClient.ts): at 10,000 articles the discrepancies hold some 33,000
// statements (12 MB), whose deserialization in one message held the host for some 40 ms. No `vscode` import.
import type { AnswerPart, Query } from './statementProtocol';

/** Values of the answer's lists (with the items holding them) sent in one part at most. */
export const PART_VALUES = 2000;

/** The list each item of a query's answer holds, by which its answer is cut into parts; none: sent whole. */
export const PARTED_LISTS: Partial<Record<Query['type'], string>> = { discrepancies: 'statements', timeline: 'statements', quotes: 'groups' };

type Item = Record<string, unknown>;

/** `answer` (items each holding a list in `field`) in parts of at most `size` values and items; always one at least. */
export function* answerParts(answer: readonly object[], field: string, size: number): Generator<AnswerPart> {
  let part: AnswerPart = { items: [] };
  let count = 0;
  for (const item of answer as readonly Item[]) {
    if (count >= size) {
      yield part;
      part = { items: [] };
      count = 0;
    }
    const list = item[field] as unknown[];
    let from = Math.min(list.length, size - count - 1);
    part.items.push({ ...item, [field]: list.slice(0, from) });
    count += from + 1;
    while (from < list.length) {
      yield part;
      const more = list.slice(from, from + size);
      part = { more, items: [] };
      count = more.length;
      from += more.length;
    }
  }
  yield part;
}

/** An answer put together again from its parts (`answerParts`), in their order. */
export class AnswerAssembler {
  private readonly items: Item[] = [];

  constructor(private readonly field: string) {}

  add(part: AnswerPart): void {
    if (part.more) {
      const list = this.items[this.items.length - 1][this.field] as unknown[];
      for (const v of part.more) list.push(v);
    }
    for (const item of part.items) this.items.push(item as Item);
  }

  get answer(): object[] {
    return this.items;
  }
}
