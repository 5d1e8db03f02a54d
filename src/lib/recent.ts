/** A bounded memory of values made from a key, for work that asks for the same few keys again soon after. */

/**
 * The `limit` values asked for last, by key: a value asked for again is given back without being made again, and
 * the one asked for longest ago is forgotten first. For values that never change once made (files named by their
 * content, a file read once for a run of jobs).
 */
export function recent<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value !== undefined || kept.has(key)) kept.delete(key);
    else {
      value = make(key);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    }
    kept.set(key, value as V);
    return value as V;
  };
}

/**
 * Values kept as they are first made until their sizes add up to `budget`, then, past it, the `limit` asked for
 * last as by recent(). For work that asks for the same many keys in the same order several times: a build renders
 * every exemplar's page, then every poster, every radio page, every radio text, and a memory of the last few alone
 * would have forgotten each story by the time it comes again.
 */
export function keptUpTo<K, V>(budget: number, limit: number, make: (key: K) => { value: V; size: number }): (key: K) => V {
  const kept = new Map<K, V>();
  let used = 0;
  const lately = recent(limit, (key: K) => make(key).value);
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    if (used >= budget) return lately(key);
    const { value, size } = make(key);
    kept.set(key, value);
    used += size;
    return value;
  };
}
