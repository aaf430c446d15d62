/**
 * The corpus of a command's PATH arguments: articles and sidecars (loadCorpus), the registry, and
 * the analysis with publication dates in the contract's order.
 */
import {
  analyze,
  applyRegistry,
  DEFAULT_REGISTRY_PATH,
  isIsoDay,
  joinPath,
  loadCorpus,
  parseDatesFile,
  readRegistry,
  shownPath,
  withDates,
  type Analysis,
  type CorpusProblem,
  type LoadedCorpus,
  type Registry,
} from '../core';
import { nameModel } from '../core/model/nameModel';
import { toCorePath } from '../node/nodeFileSystem';
import { inputsOf, readArgumentFile, UsageError, type Cli } from './host';

/** Options every corpus command takes. */
export const CORPUS_OPTIONS = {
  dct: { type: 'string' },
  dates: { type: 'string' },
  registry: { type: 'string' },
  names: { type: 'string' },
} as const;

export interface CorpusOptions {
  dct?: string;
  dates?: string;
  registry?: string;
  /** How names are recognized: `rules` (the rules alone, the default) or `model` (the rules and the learned model). */
  names?: string;
}

/** The loaded inputs and their registry; `problems`: the corpus's, then the registry's. */
export interface CliCorpus extends LoadedCorpus {
  registry?: Registry;
}

/**
 * Loads the articles under `paths`, and the registry: `--registry FILE`, else
 * `.marginalia/entities.yaml` in the first PATH when that is a folder (never one found above it).
 */
export async function readInputs(cli: Cli, paths: readonly string[], options: CorpusOptions): Promise<CliCorpus> {
  if (options.dct !== undefined && !isIsoDay(options.dct)) throw new UsageError('--dct must be YYYY-MM-DD');
  if (options.names !== undefined && options.names !== 'rules' && options.names !== 'model')
    throw new UsageError(`--names must be rules or model, not ${options.names}`);
  const inputs = inputsOf(paths);
  const corpus = await loadCorpus(cli.fs, inputs);
  const problems: CorpusProblem[] = [...corpus.problems];
  let file: string | undefined;
  let shown = options.registry;
  if (options.registry !== undefined) file = toCorePath(options.registry);
  else if (await isFolder(cli, inputs[0].path)) {
    file = joinPath(inputs[0].path, DEFAULT_REGISTRY_PATH);
    shown = shownPath(inputs[0].name, DEFAULT_REGISTRY_PATH);
  }
  const registry = file === undefined ? undefined : await loadRegistry(cli, file, shown!, options.registry !== undefined, problems);
  return { documents: corpus.documents, problems, registry };
}

/**
 * The registry in `file` (shown as `shown`), or undefined when there is none or it cannot be used;
 * its problems are added to `problems`, and its absence too when the user `named` it.
 */
export async function loadRegistry(cli: Cli, file: string, shown: string, named: boolean, problems: CorpusProblem[]): Promise<Registry | undefined> {
  const read = await readRegistry(cli.fs, file);
  if (read.status === 'missing' && named) problems.push({ path: shown, message: 'not found' });
  if (read.status === 'missing') return undefined;
  for (const p of read.parsed.problems) problems.push({ path: shown, message: read.status === 'ok' ? `line ${p.line + 1}: ${p.message}` : p.message });
  return read.status === 'ok' ? read.parsed.registry : undefined;
}

async function isFolder(cli: Cli, path: string): Promise<boolean> {
  const real = await cli.fs.realPath(path).catch(() => undefined);
  return real !== undefined && (await cli.fs.stat(real))?.type === 'directory';
}

/** One analysis of the corpus, with publication dates in the contract's order and the registry applied. */
export async function analyzeInputs(cli: Cli, corpus: CliCorpus, options: CorpusOptions): Promise<Analysis> {
  const dates = await readDates(cli, options);
  const analysis = analyze(withDates(corpus.documents, dates), { defaultDct: options.dct, ...(options.names === 'model' ? { nameModel: nameModel() } : {}) });
  return corpus.registry ? applyRegistry(analysis, corpus.registry) : analysis;
}

/** The publication dates of `--dates FILE` (none without it). */
export async function readDates(cli: Cli, options: CorpusOptions): Promise<Map<string, string>> {
  return options.dates ? parseDatesFile(await readArgumentFile(cli, options.dates)) : new Map<string, string>();
}

/** Problems met reading the inputs, then those met analyzing them (a document too long to analyze whole). */
export function allProblems(corpus: CliCorpus, analysis?: Analysis): CorpusProblem[] {
  return [...corpus.problems, ...(analysis?.documents ?? []).flatMap(d => (d.warnings ?? []).map(message => ({ path: d.path, message })))];
}
