import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import type { SnapshotSink, Steps } from '../../core';
import { inSlices } from '../common/slices';

/**
 * Writes the index snapshot that `steps` make (CorpusIndex.snapshotSteps) to the local file `path`,
 * in the host's slices, each piece as it is made, into a file of its own beside it renamed into
 * place at the end: no buffer of the whole snapshot (180 MB at 100,000 articles, garbage once
 * written, which the collector leaves for tens of megabytes before it runs). No vscode import
 * (scripts/benchCorpus.mjs writes with it).
 */
export async function writeSnapshotFile(path: string, steps: (sink: SnapshotSink) => Steps<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  // O_EXCL: nothing already there (a planted link included) is written through
  const file = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  try {
    const sink = new FileSink(file);
    await inSlices(steps(sink));
    await sink.end();
    await file.close();
    await rename(temporary, path);
  } catch (e) {
    await file.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw e;
  }
}

/** Pieces written in order, each as soon as the one before is: the encoding goes on meanwhile. */
class FileSink implements SnapshotSink {
  private length = 0;
  private written: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: FileHandle) {}

  begin(length: number): void {
    this.length = length;
  }

  write(bytes: Uint8Array, offset: number): void {
    this.written = this.written.then(() => this.file.write(bytes, 0, bytes.length, offset));
    this.written.catch(() => undefined); // told at the end
  }

  /** Once every piece is written: the file cut to the snapshot's length (a snapshot begun again may be shorter). */
  async end(): Promise<void> {
    await this.written;
    await this.file.truncate(this.length);
  }
}
