/**
 * Runs an external recognizer command (src/core/recognizer/externalOutput.ts) in a process of its
 * own, through the shell, with the document's text on stdin: asynchronous, so the caller's thread
 * (the extension host's, the CLI's) only waits on pipes. A run that takes longer than the time
 * limit, prints more than the output limit, or is cancelled is killed with its process group
 * (POSIX: the shell and what it started) and fails with a `RecognizerError` saying why; so does
 * one that exits non-zero (with the end of its stderr) or prints bytes that are not UTF-8.
 */
import { spawn } from 'node:child_process';
import { RECOGNIZER_LIMITS, RecognizerError } from '../core';

export interface RunOptions {
  /** Milliseconds before the run is killed. */
  timeoutMs?: number;
  /** Bytes of stdout before the run is killed. */
  maxOutputBytes?: number;
  /** Folder the command runs in. */
  cwd?: string;
  /** Aborting kills the run. */
  signal?: AbortSignal;
}

/** The command's stdout (UTF-8 decoded) after it exited with status 0. */
export function runRecognizer(command: string, text: string, options: RunOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? RECOGNIZER_LIMITS.timeoutMs;
  const maxOutput = options.maxOutputBytes ?? RECOGNIZER_LIMITS.maxOutputBytes;
  const group = process.platform !== 'win32';
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, detached: group, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: RecognizerError, stdout?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        kill();
        reject(error);
      } else resolve(stdout!);
    };
    const kill = (): void => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const onAbort = (): void => finish(new RecognizerError('cancelled'));
    const timer = setTimeout(() => finish(new RecognizerError(`gave no answer within ${timeoutMs / 1000} s; stopped`)), timeoutMs);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);

    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxOutput) finish(new RecognizerError(`printed more than ${maxOutput.toLocaleString('en')} bytes; stopped`));
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = Buffer.concat([err, chunk]);
      if (err.length > RECOGNIZER_LIMITS.maxErrorBytes) err = err.subarray(err.length - RECOGNIZER_LIMITS.maxErrorBytes);
    });
    child.on('error', e => finish(new RecognizerError(`could not start: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        const said = err.toString('utf8').trim();
        finish(new RecognizerError(`${signal ? `was killed by ${signal}` : `exited with status ${code}`}${said ? `: ${said}` : ''}`));
        return;
      }
      try {
        finish(undefined, new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(out)));
      } catch {
        finish(new RecognizerError('printed bytes that are not UTF-8'));
      }
    });
    child.stdin.on('error', () => {
      /* a recognizer that does not read its input: its exit status tells */
    });
    child.stdin.end(text, 'utf8');
  });
}
