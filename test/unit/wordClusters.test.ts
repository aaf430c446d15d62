// The word clusters the model for names reads (src/core/model/clusters.ts over wordClusters.ts): looked up
// by the hash features.ts has of a word, in any case; family names together, apart from cities.
import { strict as assert } from 'node:assert';
import { clusterOf, clusterPrefix } from '../../src/core/model/clusters';
import { hashString } from '../../src/core/model/hash';

const cluster = (w: string) => clusterOf(hashString(w));

describe('word clusters', () => {
  it('loads the table: frequent words have a cluster, a made-up word and a mark have none', () => {
    for (const w of ['the', 'smith', 'Chicago', 'microsoft']) assert.ok(cluster(w) > 1, w);
    assert.equal(cluster('zqxjv'), 0);
    assert.equal(cluster(','), 0);
  });

  it('puts family names in one cluster, and a family name and a city apart at the coarsest depth read', () => {
    assert.equal(cluster('Smith'), cluster('jones'));
    assert.notEqual(clusterPrefix(cluster('smith'), 4), clusterPrefix(cluster('chicago'), 4));
  });

  it('reads a path prefix as the ancestor at that depth', () => {
    assert.equal(clusterPrefix(0b1101101, 3), 0b1101);
    assert.equal(clusterPrefix(0b101, 4), 0b101);
  });
});
