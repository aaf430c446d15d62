/**
 * The entity registry file on a `FileSystem`: where it may be (only inside the workspace folder,
 * never found by walking up to the root), reading it (read-only with a problem when it cannot be
 * read, is too large, is not UTF-8 or lies outside the workspace), and editing it under the write
 * policy (re-read under the lock, so a hand edit made meanwhile is kept).
 */
import type { Document } from 'yaml';
import { DEFAULT_REGISTRY_PATH, emptyRegistryText, parseRegistry, type ParsedRegistry } from '../corpus/registry';
import { outsideReason } from './containment';
import type { FileSystem } from './fileSystem';
import { isAbsolutePath, joinPath, relativeTo } from './pathText';
import { MAX_REGISTRY_BYTES, readTextFile, WriteRefusedError, type TextRead } from './textFiles';
import { updateTextFile, type LockOptions } from './writePolicy';

/** The registry as read. `status` as in `TextRead`, plus `outside`: a location outside the workspace. */
export interface RegistryRead {
  path: string;
  status: TextRead['status'] | 'outside';
  /** Its content: empty, with an error problem, when the file could not be read. */
  parsed: ParsedRegistry;
}

/**
 * Where the registry of the workspace folder `root` is: `setting` (the `marginalia.registryPath`
 * setting, relative to `root`; default `.marginalia/entities.yaml`) joined to `root`, or a problem
 * when the setting is absolute or leaves the folder (a cloned repository's settings must not make
 * Marginalia read or write elsewhere). Links are checked when the file is read or written.
 */
export function registryLocation(root: string, setting: string = DEFAULT_REGISTRY_PATH): { path: string } | { problem: string } {
  const value = setting.trim() || DEFAULT_REGISTRY_PATH;
  if (isAbsolutePath(value) || /^[A-Za-z]:/.test(value) || value.startsWith('\\')) {
    return { problem: `the registry path "${value}" must be relative to the workspace folder; using none` };
  }
  const path = joinPath(root, value.replace(/\\/g, '/'));
  const rel = relativeTo(root, path);
  if (rel === undefined || rel === '') return { problem: `the registry path "${value}" leads outside the workspace folder; using none` };
  return { path };
}

/**
 * Reads the registry at `path`. With `root`, a file that is not really inside it (through a link)
 * is not read. Never throws.
 */
export async function readRegistry(fs: FileSystem, path: string, root?: string): Promise<RegistryRead> {
  if (root !== undefined) {
    const outside = await outsideReason(fs, root, path);
    if (outside) return unreadRegistry(path, 'outside', `The registry ${path} ${outside}; it is not read.`);
  }
  const read = await readTextFile(fs, path, MAX_REGISTRY_BYTES);
  if (read.status === 'ok') return { path, status: 'ok', parsed: parseRegistry(read.text) };
  if (read.status === 'missing') return { path, status: 'missing', parsed: parseRegistry('') };
  return unreadRegistry(path, read.status, `The registry ${read.message}.`);
}

/**
 * Applies `change` to the registry as it is on disk now (created when missing), under the write
 * policy, and returns what it now holds. Refuses (`WriteRefusedError`) a registry with errors or
 * one that cannot be read.
 */
export async function editRegistry(
  fs: FileSystem,
  root: string,
  path: string,
  change: (document: Document) => void,
  lock: LockOptions = {},
): Promise<ParsedRegistry> {
  const result = await updateTextFile(fs, {
    ...lock,
    root,
    path,
    maxBytes: MAX_REGISTRY_BYTES,
    update: current => {
      const parsed = parseRegistry(current.status === 'ok' ? current.text : emptyRegistryText());
      const error = parsed.problems.find(p => p.severity === 'error');
      if (error) throw new WriteRefusedError(path, `has errors (line ${error.line + 1}: ${error.message}); fix them before Marginalia saves it`);
      change(parsed.document);
      return { text: parsed.document.toString() };
    },
  });
  return parseRegistry(result.text ?? '');
}

/** A registry that was not read: empty, with `message` as its one error. */
export function unreadRegistry(path: string, status: RegistryRead['status'], message: string): RegistryRead {
  const parsed = parseRegistry('');
  parsed.problems.push({ message, line: 0, column: 0, severity: 'error' });
  return { path, status, parsed };
}
