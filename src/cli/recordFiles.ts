import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RecordSource } from '../core';

/**
 * A file of `recognize`'s output as link reads it, line by line (never whole); throws naming the
 * file when it is not a readable file.
 */
export async function recordFile(name: string): Promise<RecordSource> {
  const info = await stat(name).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`${name}: ${e.code === 'ENOENT' ? 'not found' : e.message}`);
  });
  if (!info.isFile()) throw new Error(`${name}: not a file`);
  return {
    name,
    lines: () => createInterface({ input: createReadStream(name, { encoding: 'utf8' }), crlfDelay: Infinity }),
  };
}
