/**
 * "Is this path really inside that folder?": as text first, then on real paths, so that a symbolic
 * link (at the file or at any folder on the way) cannot lead Marginalia outside the workspace or
 * the output folder.
 */
import { describeError, type FileSystem } from './fileSystem';
import { cleanPath, parentOf, relativeTo } from './pathText';

/** Why a path is not inside a root, in words; undefined when it is. */
export type Outside = string | undefined;

/**
 * Undefined when `path` lies strictly inside `root`, both as text and once links are resolved
 * (for a path that does not exist yet, its deepest existing folder); else why not.
 * `knownRealRoot`: the root's real path, when the caller already has it.
 */
export async function outsideReason(fs: FileSystem, root: string, path: string, knownRealRoot?: string): Promise<Outside> {
  const rel = relativeTo(root, path, fs.caseInsensitive);
  if (rel === undefined || rel === '') return `is outside ${root}`;
  let realRoot: string;
  try {
    realRoot = knownRealRoot ?? (await fs.realPath(root));
  } catch (e) {
    return `cannot be checked: ${root} ${describeError(e)}`;
  }
  let existing = cleanPath(path);
  while (!(await fs.stat(existing)) && relativeTo(root, existing, fs.caseInsensitive)) existing = parentOf(existing);
  let real: string;
  try {
    real = await fs.realPath(existing);
  } catch (e) {
    return `cannot be checked: ${existing} ${describeError(e)}`;
  }
  const inside = relativeTo(realRoot, real, fs.caseInsensitive);
  if (inside === undefined || (inside === '' && existing === cleanPath(path))) {
    return `leads outside ${root} through a symbolic link (${existing} is ${real})`;
  }
  return undefined;
}
