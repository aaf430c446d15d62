import { access, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { sidecarPathFor, type SidecarSource } from '../core';

/**
 * The sidecars of another folder laid out like `root`: the sidecar of `root/a/b.txt` there is
 * `folder/a/b.txt.annotations.yaml`.
 */
export function folderSidecars(folder: string, root: string, name = folder): SidecarSource {
  return {
    name,
    async read(articles) {
      const out = new Map<string, string>();
      for (const article of articles) {
        const rel = relative(resolve(root), resolve(article));
        const text = await readFile(sidecarPathFor(join(folder, rel)), 'utf8').catch(() => undefined);
        if (text !== undefined) out.set(article, text);
      }
      return out;
    },
  };
}

/** True when `path` exists. */
export function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** The folder `git` runs in for an input: the input itself when it is a folder, else its folder. */
export async function folderOf(path: string): Promise<string> {
  const full = resolve(path);
  return (await stat(full).then(s => s.isDirectory(), () => false)) ? full : dirname(full);
}
