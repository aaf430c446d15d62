/**
 * What every CLI command shares: the file system, argument errors, and output to the terminal
 * (untrusted text from files and file names goes through `printable`).
 */
import { NodeFileSystem, toCorePath } from '../node/nodeFileSystem';
import { printable, readProblem, readTextFile, MAX_IMPORT_BYTES, type CorpusInput, type FileSystem } from '../core';

/** Wrong usage: exit status 2, with the usage text. */
export class UsageError extends Error {}

/** The host a command runs in. */
export interface Cli {
  fs: FileSystem;
  /** Text, or text already in UTF-8 (made on another thread: src/cli/analysisThreads.ts). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

export function nodeCli(): Cli {
  return {
    fs: new NodeFileSystem(true),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}

/** One line on stderr about a file: `marginalia: PATH: MESSAGE`. */
export function reportProblem(cli: Cli, path: string, message: string): void {
  cli.stderr(`marginalia: ${printable(path)}: ${printable(message)}\n`);
}

/** One line on stderr: `marginalia: MESSAGE`. */
export function say(cli: Cli, message: string): void {
  cli.stderr(`marginalia: ${printable(message)}\n`);
}

/** Reports problems on stderr; the exit status: 1 when there were some, else 0. */
export function reportAll(cli: Cli, problems: readonly { path: string; message: string }[]): number {
  for (const p of problems) reportProblem(cli, p.path, p.message);
  return problems.length ? 1 : 0;
}

/** Command-line paths as corpus inputs (each shown as written). */
export function inputsOf(paths: readonly string[]): CorpusInput[] {
  if (paths.length === 0) throw new UsageError('at least one PATH is needed');
  return paths.map(name => ({ path: toCorePath(name), name }));
}

/** The text of a file named on the command line (`--dates`); throws naming it when it cannot be read. */
export async function readArgumentFile(cli: Cli, name: string): Promise<string> {
  const read = await readTextFile(cli.fs, toCorePath(name), MAX_IMPORT_BYTES);
  if (read.status !== 'ok') throw new Error(`${name}: ${readProblem(read)}`);
  return read.text.replace(/^\uFEFF/, '');
}
