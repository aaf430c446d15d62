import type { FeatureCommands } from '../common/commandTable';
import type { DisagreementNode, DisagreementTree } from './disagreementTree';

type Ids =
  | 'marginalia.nextDisagreement'
  | 'marginalia.previousDisagreement'
  | 'marginalia.internal.openDisagreement'
  | 'marginalia.internal.openVersion'
  | 'marginalia.internal.moreDisagreements';

/** Stepping through disagreements (`marginalia.nextDisagreement`, `...previous...`) and the Disagreements view's rows. */
export function disagreementCommands(tree: DisagreementTree): FeatureCommands<Ids> {
  return {
    'marginalia.nextDisagreement': () => tree.step(1),
    'marginalia.previousDisagreement': () => tree.step(-1),
    'marginalia.internal.openDisagreement': (node?: DisagreementNode) =>
      node?.type === 'disagreement' || node?.type === 'version' ? tree.open(node.path, node.unit) : undefined,
    'marginalia.internal.openVersion': async (node?: DisagreementNode) => {
      if (node?.type !== 'version') return;
      const uri = tree.uriOf(node.path);
      if (uri) await tree.opener.open(uri, node.unit, node.version);
    },
    'marginalia.internal.moreDisagreements': () => tree.showMore(),
  };
}
