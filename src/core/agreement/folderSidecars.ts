import { sidecarPathFor } from '../annotations/paths';
import type { FileSystem } from '../workspace/fileSystem';
import { joinPath, relativeTo } from '../workspace/pathText';
import { MAX_SIDECAR_BYTES, readProblem, readTextFile } from '../workspace/textFiles';
import type { SidecarSource } from './sources';

/**
 * The sidecars of another folder laid out like `root`: the sidecar of `root/a/b.txt` there is
 * `folder/a/b.txt.annotations.yaml` (core paths, as `fs` takes them). One that cannot be read (too
 * large, not UTF-8, unreadable) goes to `problems` (shown as `name:path`). For both hosts.
 */
export function folderSidecars(fs: FileSystem, folder: string, root: string, name: string, problems: { path: string; message: string }[]): SidecarSource {
  return {
    name,
    async read(articles) {
      const out = new Map<string, string>();
      for (const article of articles) {
        const rel = relativeTo(root, article, fs.caseInsensitive);
        if (rel === undefined) continue;
        const read = await readTextFile(fs, sidecarPathFor(joinPath(folder, rel)), MAX_SIDECAR_BYTES);
        if (read.status === 'ok') out.set(article, read.text.replace(/^\uFEFF/, ''));
        else if (read.status !== 'missing') problems.push({ path: `${name}:${rel}`, message: readProblem(read) });
      }
      return out;
    },
  };
}
