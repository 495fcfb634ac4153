import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleCacheKey } from '../../src/pipeline/article-cache.ts';
import { fileCacheKey } from '../../src/pipeline/cache-key.ts';
import { ingestArticles, ingestCacheKey } from '../../src/pipeline/ingest.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('fileCacheKey', () => {
  it('is the SHA-256 of the content hash and the path', () => {
    expect(fileCacheKey('abc', 'content/articles/a.md')).toBe(sha256('abc\ncontent/articles/a.md'));
  });

  it('differs for the same bytes under another name, and for other bytes under the same name', () => {
    const key = fileCacheKey('abc', 'content/articles/a.md');
    expect(fileCacheKey('abc', 'content/articles/b.md')).not.toBe(key);
    expect(fileCacheKey('abd', 'content/articles/a.md')).not.toBe(key);
  });

  it('is the key of both the ingest and the article cache for one file', () => {
    const bytes = new TextEncoder().encode('---\ntitle: Ferry timetable changes\noutlet: Harbour Post\npublished: 2025-03-02\norigin: content/raw/ferry.txt\n---\nThe ferry will leave ten minutes earlier from Monday.\n');
    const file = { path: 'content/articles/ferry.md', bytes };
    const [article] = ingestArticles([file]).articles;
    expect(article?.contentHash).toBe(sha256(bytes));
    expect(ingestCacheKey(file)).toBe(fileCacheKey(sha256(bytes), file.path));
    expect(articleCacheKey(article!)).toBe(ingestCacheKey(file));
  });
});
