/**
 * The site's one door to the pipeline: reads the article files and builds the digest, once per
 * process, so the three content collections (stories, sources, timeline) share one run.
 *
 * `DIGEST_FILE` (a path to a digest.json) renders a site from a digest built elsewhere instead of
 * running the pipeline; the collection schemas still validate it. Under `npm run build` the digest
 * comes from the build script, which runs the pipeline while Astro starts (see `digest-handoff.ts`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Digest } from '../types.ts';
import { parentHasDigest, receiveDigestFromParent } from './digest-handoff.ts';

/** Content directory used when `CONTENT_DIR` is not set. */
export const DEFAULT_CONTENT_DIR = 'content/articles';

const cache = new Map<string, Promise<Digest>>();

/** Whether the build script hands this process the digest; decided once, since the channel closes after the handoff. */
let fromParent: boolean | undefined;

/**
 * Resolves to the digest for the articles in `contentDir` (resolved against `repoRoot`), running the
 * pipeline at most once per directory per process. Throws the pipeline's `ProblemListError` when
 * any article is bad, so the build stops with every problem listed.
 */
export function loadDigest(contentDir: string, repoRoot: string = process.cwd()): Promise<Digest> {
  const digestFile = process.env.DIGEST_FILE;
  fromParent ??= parentHasDigest();
  const key = digestFile ? `file:${path.resolve(repoRoot, digestFile)}` : fromParent ? 'from the build script' : path.resolve(repoRoot, contentDir);
  const cached = cache.get(key);
  if (cached) return cached;
  const digest = digestFile
    ? readDigestFile(path.resolve(repoRoot, digestFile))
    : fromParent
      ? receiveDigestFromParent()
      : runPipeline(path.resolve(repoRoot, contentDir), repoRoot);
  cache.set(key, digest);
  // A failed run is not cached, so a dev server retries after the editor fixes the article.
  digest.catch(() => cache.delete(key));
  return digest;
}

async function readDigestFile(file: string): Promise<Digest> {
  return JSON.parse(readFileSync(file, 'utf8')) as Digest;
}

// Imported on demand so a site rendered from DIGEST_FILE does not load the pipeline at all.
async function runPipeline(contentDir: string, repoRoot: string): Promise<Digest> {
  const { buildDigestFromDisk } = await import('./digest-from-disk.ts');
  return buildDigestFromDisk(contentDir, repoRoot).digest;
}

/** The content directory this build reads: `CONTENT_DIR`, or `content/articles`. */
export function contentDirFromEnv(): string {
  return process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR;
}
