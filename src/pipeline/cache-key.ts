/**
 * The cache key of an article file, shared by the caches that keep per-file results (ingest, and
 * normalizing and splitting): a SHA-256 over its content hash (the SHA-256 of its bytes) and its
 * path. The path is part of it because the article id, and so every sentence id, comes from the
 * file name: two files with the same bytes under different names must not share an entry.
 */
import { hash } from 'node:crypto';
import { memoizeByText } from './memory-cache.ts';

/** The key of the file at `path` whose bytes hash to `contentHash`. */
export function fileCacheKey(contentHash: string, path: string): string {
  return keyOf(`${contentHash}\n${path}`);
}

/** The SHA-256 of a content hash and path, remembered: ingest asks for a file's key, then the article cache. */
const keyOf = memoizeByText((text) => hash('sha256', text), 100_000);
