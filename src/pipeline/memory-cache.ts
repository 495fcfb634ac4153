/**
 * The in-memory store behind both pipeline caches (per article and per story): what tests and
 * in-process callers inject where the CLI injects the on-disk cache of `src/io/file-cache.ts`.
 */

/** A key–value store for cached stage results. `get` returns undefined on a miss. */
export interface KeyValueCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/**
 * A `KeyValueCache` held in a Map, plus how many entries it holds. Each value is copied in and
 * out, so neither the caller that stored an entry nor one that read it can alter what the next
 * reader gets: a hit stays exactly what a recomputation would give.
 */
export function createMemoryCache<T>(): KeyValueCache<T> & { readonly size: number } {
  const entries = new Map<string, T>();
  return {
    get: (key) => {
      const value = entries.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    set: (key, value) => {
      entries.set(key, structuredClone(value));
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * `compute` with its results remembered by key, for pure functions of a text that the stages call
 * over and over on the same texts (stems, sentence features, bigrams). The memory is emptied when
 * it reaches `limit` keys, so a long-lived process (the dev server, many builds) holds no more.
 * Results are shared, not copied: callers must only read them.
 */
export function memoizeByText<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    let value = remembered.get(text);
    if (value === undefined) {
      value = compute(text);
      if (remembered.size >= limit) remembered.clear();
      remembered.set(text, value);
    }
    return value;
  };
}
