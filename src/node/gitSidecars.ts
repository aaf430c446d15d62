/**
 * Reading another revision's sidecars with git, for both hosts (the CLI and the extension host run
 * on Node; src/core stays free of Node built-ins and only defines `SidecarSource`).
 */
import { execFile, spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { articlePathFor, isSidecarPath, sidecarPathFor, type SidecarSource } from '../core';

/**
 * The sidecars of the articles as committed at git revision `rev` (what `git show REV:path`
 * prints), read without checking anything out: one `git ls-tree` lists the sidecars the revision
 * has, one `git cat-file --batch` reads them all.
 */
export async function gitSidecars(rev: string, cwd: string): Promise<SidecarSource & { articles: string[] }> {
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top).catch(() => {
    throw new Error(`${rev} is not a revision of the git repository ${top}`);
  });
  const listed = new Set((await git(['ls-tree', '-r', '-z', '--name-only', rev], top)).split('\0').filter(isSidecarPath));
  const realTop = await realpath(top);
  return {
    name: rev,
    /** The articles (absolute paths) that have a sidecar at the revision. */
    articles: [...listed].map(p => resolve(realTop, articlePathFor(p) ?? p)),
    async read(articles) {
      const wanted = new Map<string, string>();
      for (const article of articles) {
        const inRepo = relative(realTop, await realpath(article).catch(() => resolve(article)))
          .split(sep)
          .join('/');
        const path = sidecarPathFor(inRepo);
        if (!inRepo.startsWith('../') && !/[\r\n]/.test(path) && listed.has(path)) wanted.set(article, path);
      }
      const blobs = await catFiles(
        top,
        [...wanted.values()].map(p => `${rev}:${p}`),
      );
      const out = new Map<string, string>();
      for (const [article, path] of wanted) {
        const blob = blobs.get(`${rev}:${path}`);
        if (blob !== undefined) out.set(article, blob);
      }
      return out;
    },
  };
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolvePromise(stdout);
    });
  });
}

/** The contents of `objects` (`REV:path` names) as UTF-8 text, through one `git cat-file --batch`. */
function catFiles(cwd: string, objects: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (objects.length === 0) return Promise.resolve(out);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) return reject(new Error(`git cat-file: ${stderr.trim() || `exit ${code}`}`));
      // Each answer: "<sha> <type> <size>\n<content>\n", or "<name> missing\n".
      const data = Buffer.concat(chunks);
      let at = 0;
      for (const name of objects) {
        const eol = data.indexOf(10, at);
        if (eol < 0) break;
        const header = data.subarray(at, eol).toString('utf8');
        at = eol + 1;
        const answer = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!answer) continue; // missing
        const size = Number(answer[2]);
        if (answer[1] === 'blob')
          out.set(
            name,
            data
              .subarray(at, at + size)
              .toString('utf8')
              .replace(/^\uFEFF/, ''),
          );
        at += size + 1;
      }
      resolvePromise(out);
    });
    child.stdin.end(objects.map(o => `${o}\n`).join(''));
  });
}
