/**
 * The corpus of a command's PATH arguments: articles and sidecars (loadCorpus), the registry, and
 * the analysis with publication dates in the contract's order.
 */
import {
  applyRegistry,
  DEFAULT_REGISTRY_PATH,
  isIsoDay,
  joinPath,
  loadCorpus,
  parseDatesFile,
  readRegistry,
  readWorkspaceModel,
  shownPath,
  withDates,
  Workspace,
  WORKSPACE_MODEL_PATH,
  type Analysis,
  type AnalysisFormat,
  type AnalyzeOptions,
  type CorpusProblem,
  type LoadedCorpus,
  type Registry,
  type SourceDocument,
} from '../core';
import type { TaggerWeights } from '../core/model/tagger';
import { nameModel } from '../core/model/nameModel';
import { toCorePath } from '../node/nodeFileSystem';
import { analyzeOnThreads, printAnalysisOnThreads } from './analysisThreads';
import { inputsOf, readArgumentFile, UsageError, type Cli } from './host';

/** Options every corpus command takes. */
export const CORPUS_OPTIONS = {
  dct: { type: 'string' },
  dates: { type: 'string' },
  registry: { type: 'string' },
  names: { type: 'string' },
  threads: { type: 'string' },
} as const;

export interface CorpusOptions {
  dct?: string;
  dates?: string;
  registry?: string;
  /**
   * How names are recognized: `rules` (the rules alone) or `model` (the rules and the learned
   * model: the workspace's own when there is one, else the shipped one). Default: the workspace's
   * model when there is one, else the rules alone.
   */
  names?: string;
  /** How many threads recognize the documents, one of them the dates (analysisThreads.ts); the analysis is the same. */
  threads?: string;
}

/** The loaded inputs and their registry; `problems`: the corpus's, then the registry's. */
export interface CliCorpus extends LoadedCorpus {
  registry?: Registry;
  /** The model learned from the reviews of the first PATH, a folder (`marginalia train`), when there is one that can be read. */
  workspaceModel?: TaggerWeights;
}

/**
 * Loads the articles under `paths`, and the registry: `--registry FILE`, else
 * `.marginalia/entities.yaml` in the first PATH when that is a folder (never one found above it).
 */
export async function readInputs(cli: Cli, paths: readonly string[], options: CorpusOptions): Promise<CliCorpus> {
  if (options.dct !== undefined && !isIsoDay(options.dct)) throw new UsageError('--dct must be YYYY-MM-DD');
  if (options.threads !== undefined && !/^[1-9]\d{0,2}$/.test(options.threads))
    throw new UsageError(`--threads must be a number from 1 to 999, not ${options.threads}`);
  if (options.names !== undefined && options.names !== 'rules' && options.names !== 'model')
    throw new UsageError(`--names must be rules or model, not ${options.names}`);
  const inputs = inputsOf(paths);
  const corpus = await loadCorpus(cli.fs, inputs);
  const problems: CorpusProblem[] = [...corpus.problems];
  let file: string | undefined;
  let shown = options.registry;
  if (options.registry !== undefined) file = toCorePath(options.registry);
  const folder = await isFolder(cli, inputs[0].path);
  if (options.registry === undefined && folder) {
    file = joinPath(inputs[0].path, DEFAULT_REGISTRY_PATH);
    shown = shownPath(inputs[0].name, DEFAULT_REGISTRY_PATH);
  }
  const registry = file === undefined ? undefined : await loadRegistry(cli, file, shown!, options.registry !== undefined, problems);
  let workspaceModel: TaggerWeights | undefined;
  if (folder && options.names !== 'rules') {
    const read = await readWorkspaceModel(new Workspace(cli.fs, inputs[0].path));
    if (read.status === 'ok') workspaceModel = read.model;
    if (read.status === 'problem') problems.push({ path: shownPath(inputs[0].name, WORKSPACE_MODEL_PATH), message: read.message });
  }
  return { documents: corpus.documents, problems, registry, workspaceModel };
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
export async function analyzeInputs(cli: Cli, corpus: CliCorpus, options: CorpusOptions, prepared?: PreparedAnalysis): Promise<Analysis> {
  const { documents, analyzeOptions, threads } = prepared ?? (await prepareAnalysis(cli, corpus, options));
  const analysis = await analyzeOnThreads(documents, analyzeOptions, threads);
  return corpus.registry ? applyRegistry(analysis, corpus.registry) : analysis;
}

/**
 * analyzeInputs printed by printAnalysis as it is made (printAnalysisOnThreads), when the corpus has
 * no registry (which needs every document's mentions first): the problems of the inputs and the
 * analysis (allProblems); undefined, with nothing printed, when it is not made on several threads.
 */
export async function printInputsAnalysis(
  cli: Cli,
  corpus: CliCorpus,
  prepared: PreparedAnalysis,
  format: AnalysisFormat,
): Promise<CorpusProblem[] | undefined> {
  if (corpus.registry) return undefined;
  const { documents, analyzeOptions, threads } = prepared;
  const problems = await printAnalysisOnThreads(documents, analyzeOptions, threads, format, cli.stdout);
  return problems && [...corpus.problems, ...problems];
}

/** What analyzeInputs analyzes: the documents with their publication dates, the options, the threads. */
export interface PreparedAnalysis {
  documents: SourceDocument[];
  analyzeOptions: AnalyzeOptions;
  threads?: number;
}

/** The inputs prepared once (`--dates` read, the model chosen) for analyzeInputs or printInputsAnalysis. */
export async function prepareAnalysis(cli: Cli, corpus: CliCorpus, options: CorpusOptions): Promise<PreparedAnalysis> {
  const dates = await readDates(cli, options);
  const model = options.names === 'rules' ? undefined : (corpus.workspaceModel ?? (options.names === 'model' ? nameModel() : undefined));
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  return { documents: withDates(corpus.documents, dates), analyzeOptions: { defaultDct: options.dct, ...(model ? { nameModel: model } : {}) }, threads };
}

/** The publication dates of `--dates FILE` (none without it). */
export async function readDates(cli: Cli, options: CorpusOptions): Promise<Map<string, string>> {
  return options.dates ? parseDatesFile(await readArgumentFile(cli, options.dates)) : new Map<string, string>();
}

/** Problems met reading the inputs, then those met analyzing them (a document too long to analyze whole). */
export function allProblems(corpus: CliCorpus, analysis?: Analysis): CorpusProblem[] {
  return [...corpus.problems, ...(analysis?.documents ?? []).flatMap(d => (d.warnings ?? []).map(message => ({ path: d.path, message })))];
}
