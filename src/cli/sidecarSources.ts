import { joinPath, MAX_SIDECAR_BYTES, readProblem, readTextFile, relativeTo, sidecarPathFor, type SidecarSource } from '../core';
import type { Cli } from './host';

/**
 * The sidecars of another folder laid out like `root`: the sidecar of `root/a/b.txt` there is
 * `folder/a/b.txt.annotations.yaml`. One that cannot be read goes to `problems` (shown as `name:path`).
 */
export function folderSidecars(cli: Cli, folder: string, root: string, name: string, problems: { path: string; message: string }[]): SidecarSource {
  return {
    name,
    async read(articles) {
      const out = new Map<string, string>();
      for (const article of articles) {
        const rel = relativeTo(root, article, cli.fs.caseInsensitive);
        if (rel === undefined) continue;
        const read = await readTextFile(cli.fs, sidecarPathFor(joinPath(folder, rel)), MAX_SIDECAR_BYTES);
        if (read.status === 'ok') out.set(article, read.text.replace(/^\uFEFF/, ''));
        else if (read.status !== 'missing') problems.push({ path: `${name}:${rel}`, message: readProblem(read) });
      }
      return out;
    },
  };
}
