import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles a worker entry (a path under src/) into `dir` as esbuild.mjs bundles it; returns the bundle's path. */
export async function bundleWorker(entry: string, dir: string, name: string): Promise<string> {
  const outfile = join(dir, name);
  await esbuild.build({ entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}
