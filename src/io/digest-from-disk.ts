/**
 * The pipeline run from disk, shared by `npm run digest` and the Astro loader so both build the
 * same digest the same way: read the content folder, pass the build date (for the far-future
 * check), reuse the on-disk cache of per-article and per-story work, show progress on a terminal.
 */
import path from 'node:path';
import { buildDigest } from '../pipeline/build-digest.ts';
import type { DigestBuild, IsoDate } from '../types.ts';
import { readArticleFiles } from './article-files.ts';
import { DEFAULT_CACHE_DIR, openDigestCaches, pipelineVersion } from './file-cache.ts';
import { createProgress } from './progress.ts';

/** Options of `buildDigestFromDisk`. */
export interface DiskBuildOptions {
  /** Reuse and update the cache: `DIGEST_CACHE_DIR`, else `.cache/digest/` under the repo root (default true). */
  cache?: boolean;
  /** Show the progress display on a terminal (default true; off where other output interleaves). */
  progress?: boolean;
  /** The environment to read `SOURCE_DATE_EPOCH`, `DIGEST_CACHE_DIR` and `CI` from (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/**
 * Builds the digest of the articles in `contentDir` (resolved against `repoRoot`). Throws the
 * pipeline's `ProblemListError` when any article is bad; the cache is left as it was then.
 */
export function buildDigestFromDisk(contentDir: string, repoRoot: string, options: DiskBuildOptions = {}): DigestBuild {
  const env = options.env ?? process.env;
  const files = readArticleFiles(path.resolve(repoRoot, contentDir), repoRoot);
  const cacheDir = env.DIGEST_CACHE_DIR ? path.resolve(repoRoot, env.DIGEST_CACHE_DIR) : path.join(repoRoot, DEFAULT_CACHE_DIR);
  const caches = options.cache === false ? undefined : openDigestCaches({ dir: cacheDir, version: pipelineVersion(repoRoot) });
  const progress = options.progress === false ? undefined : createProgress({ env });
  const build = buildDigest(files, {
    today: buildDate(env),
    ...caches?.buildOptions,
    ...(progress ? { observer: progress } : {}),
  });
  progress?.finish();
  caches?.save();
  return build;
}

/**
 * The day the build runs, for ingest's far-future check: the UTC day of `SOURCE_DATE_EPOCH`
 * (seconds) when set, so a reproducible build judges dates the same way every time; else today.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): IsoDate {
  const epoch = env.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch.trim()) ? Number(epoch) : undefined;
  return new Date(seconds === undefined ? Date.now() : seconds * 1000).toISOString().slice(0, 10);
}
