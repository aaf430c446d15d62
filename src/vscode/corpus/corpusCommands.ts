import type { CorpusStats } from '../../core';
import type { RegistryFile } from '../entities/registryFile';
import type { FeatureCommands } from '../common/commandTable';
import type { CorpusService } from './corpusService';

/** `marginalia.reindex`: the registry read again, then every article. */
export function corpusCommands(corpus: CorpusService, registry: RegistryFile): FeatureCommands<'marginalia.reindex'> {
  return {
    'marginalia.reindex': async (): Promise<CorpusStats> => {
      await registry.load();
      return corpus.reindex();
    },
  };
}
