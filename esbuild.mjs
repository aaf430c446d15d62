// Bundles the extension, the CLI and the integration suites. `--production` minifies, `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

const suitesOf = folder =>
  readdirSync(folder)
    .filter(f => f.endsWith('.ts'))
    .map(f => `${folder}/${f}`);
const integrationSuites = suitesOf('test/integration');

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Reads and parses sidecars off the extension host's thread (src/vscode/corpus/sidecarReader.ts).
  { ...common, entryPoints: ['src/vscode/corpus/sidecarWorker.ts'], outfile: 'dist/sidecarWorker.js' },
  // Compares reviewers off the extension host's thread (src/vscode/agreement/agreementRunner.ts).
  { ...common, entryPoints: ['src/vscode/agreement/agreementWorker.ts'], outfile: 'dist/agreementWorker.js' },
  // Recognition and in-document linking off the extension host's thread (src/vscode/corpus/analysisClient.ts).
  { ...common, entryPoints: ['src/vscode/corpus/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // The statements (reading, index, discrepancy scan, compare, timeline) off the extension host's thread (src/vscode/compare/statementClient.ts).
  { ...common, entryPoints: ['src/vscode/compare/statementWorker.ts'], outfile: 'dist/statementWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The suites run inside VS Code's extension host, which provides `vscode`; mocha comes from node_modules.
  { ...common, entryPoints: integrationSuites, outdir: 'out/test/integration', external: ['vscode', 'mocha'], minify: false },
  // The suites run in Restricted Mode (test/runner/offline.mjs --restricted).
  { ...common, entryPoints: suitesOf('test/integration/restricted'), outdir: 'out/test/integration/restricted', external: ['vscode', 'mocha'], minify: false },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
