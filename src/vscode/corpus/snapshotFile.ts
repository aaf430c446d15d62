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
  // one name, so that a write cut short (the window closed) leaves no file that stays; whatever is
  // there is removed (a link itself, not what it points to) and the file made anew: O_EXCL writes
  // through nothing that appears meanwhile
  const temporary = `${path}.tmp`;
  await unlink(temporary).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
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
    this.written = this.written.then(() => this.writeAll(bytes, offset));
    this.written.catch(() => undefined); // told at the end
  }

  /** A write may take fewer bytes than given (a full disk): the rest written after, or the error. */
  private async writeAll(bytes: Uint8Array, offset: number): Promise<void> {
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done, offset + done);
      if (bytesWritten === 0) throw new Error('the index snapshot could not be written: no byte was taken');
      done += bytesWritten;
    }
  }

  /** Once every piece is written: the file cut to the snapshot's length (a snapshot begun again may be shorter). */
  async end(): Promise<void> {
    await this.written;
    await this.file.truncate(this.length);
  }
}
