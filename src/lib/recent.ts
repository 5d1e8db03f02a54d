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
