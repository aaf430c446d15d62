/**
 * A map from strings in sixteen maps. A map that grows copies all its entries in one go, and a
 * corpus's maps of strings hold hundreds of thousands (a 50 MB file of noise alone brings ~200,000):
 * one copy held the host's thread ~40 ms in one step; a shard's copy is a sixteenth of that.
 */
export class ShardedMap<V> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());

  get(key: string): V | undefined {
    return this.shards[shard(key)].get(key);
  }

  set(key: string, value: V): void {
    this.shards[shard(key)].set(key, value);
  }
}

const SHARDS = 16;

/** From the length and the last character: both read without walking the string. */
function shard(s: string): number {
  return (s.length + s.charCodeAt(s.length - 1)) & (SHARDS - 1);
}
