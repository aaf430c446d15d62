import { parseArgs } from 'node:util';
import { applyRegistry, linkRecognized, type AnalysisStream, type CorpusProblem, type Registry } from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { loadRegistry } from './corpusInputs';
import { reportAll, UsageError, type Cli } from './host';
import { analysisFormat, printAnalysis } from './printAnalysis';
import { recordFile } from './recordFiles';

export const LINK_USAGE = 'marginalia link [--registry FILE] [--format json|jsonl|table] FILE...    (FILE: output of `recognize`)';

/**
 * `marginalia link` (docs/contracts.md): the reduce step of a sharded analysis. Prints what
 * `analyze` prints for the documents of the records in FILE..., whatever their order or sharding.
 */
export async function runLink(cli: Cli, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { registry: { type: 'string' }, format: { type: 'string' } } });
  const format = analysisFormat(values.format);
  if (positionals.length === 0) throw new UsageError('link needs at least one FILE of `marginalia recognize` output');
  const problems: CorpusProblem[] = [];
  const registry = values.registry === undefined ? undefined : await loadRegistry(cli, toCorePath(values.registry), values.registry, true, problems);
  const sources = await Promise.all(positionals.map(recordFile));
  const linked = await linkRecognized(sources);
  const stream: AnalysisStream = registry ? registered(linked, registry) : linked;
  printAnalysis(cli, format, {
    documents: (function* () {
      for (const doc of stream.documents) {
        for (const message of doc.warnings ?? []) problems.push({ path: doc.path, message });
        yield doc;
      }
    })(),
    entities: () => stream.entities(),
  });
  return reportAll(cli, problems);
}

/**
 * The linked analysis with the registry applied: that needs every document's mentions before the
 * first is printed (an entity the registry adds takes the kind of most of its mentions).
 */
function registered(linked: AnalysisStream, registry: Registry): AnalysisStream {
  const documents = [...linked.documents];
  const analysis = applyRegistry({ documents, entities: linked.entities() }, registry);
  return { documents: analysis.documents, entities: () => analysis.entities };
}
