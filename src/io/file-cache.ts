/**
 * The on-disk caches of the pipeline under `.cache/digest/` (git-ignored), one JSON file per entry:
 * per content file its ingest result (`IngestCache`), its normalized and split article
 * (`ArticleCache`) and its cluster features (`ClusterFeatureCache`); per story its merged result
 * (`StoryCache`). An editor who adds one article then rebuilds without redoing the work for every
 * other article and story.
 *
 * Entries live in a folder named after the pipeline version, a hash of the pipeline's source code
 * and the lock file: changing either starts an empty cache, and the folders of other versions are
 * removed. Within a version, an entry's name is its key (for an article, content hash + path; for a
 * story, the keys of its members), so a changed article simply misses, and so does the story it
 * belongs to; `prune()` after a build removes the entries nothing asked for, which are exactly those
 * of changed and removed articles and of the stories they were in.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CachedArticle } from '../pipeline/article-cache.ts';
import type { BuildDigestOptions } from '../pipeline/build-digest.ts';
import type { ClusterFeatures } from '../pipeline/cluster-stories.ts';
import type { CachedIngest } from '../pipeline/ingest.ts';
import type { CachedStory } from '../pipeline/story-cache.ts';

/** Where the cache lives by default, relative to the project root. */
export const DEFAULT_CACHE_DIR = '.cache/digest';

/** A file in every version folder; see `openFileCache`. */
const VERSION_MARKER = '.digest-cache-version';

/** Tells backup tools the folder holds only derived data (https://bford.info/cachedir/). */
const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# Derived data of the news-digest build; safe to delete.\n';

/** Bumped by hand when the layout of a cache entry changes in a way the source hash cannot see. */
const CACHE_FORMAT = '1';

/**
 * The pipeline version a cache entry belongs to: a short SHA-256 over every file in
 * `src/pipeline/`, `src/types.ts` and `package-lock.json` under `root`. Any edit to the code that
 * computes cached results, or any dependency upgrade, yields a new version and so a cold cache.
 */
export function pipelineVersion(root: string = process.cwd()): string {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
  const pipelineDir = path.join(root, 'src', 'pipeline');
  const files = [
    ...(existsSync(pipelineDir) ? readdirSync(pipelineDir).filter((name) => name.endsWith('.ts')).sort().map((name) => path.join(pipelineDir, name)) : []),
    path.join(root, 'src', 'types.ts'),
    path.join(root, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A cache of JSON values backed by files, plus the housekeeping a CLI needs after a build. */
export interface FileCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** The folder holding this version's entries of this kind. */
  readonly dir: string;
  /** Entries read from disk / written to disk in this session. */
  readonly stats: { reads: number; writes: number };
  /** Deletes every entry not read or written in this session; returns how many were deleted. */
  prune(): number;
}

/** Options of `openFileCache`. */
export interface FileCacheOptions {
  /** The cache folder; default `.cache/digest` under the current directory. */
  dir?: string;
  /** The pipeline version; default `pipelineVersion()` of the current directory. */
  version?: string;
  /** The kind of entry, a sub-folder of the version's folder; default `articles`. */
  kind?: string;
}

/**
 * Opens (creating if needed) the cache of one kind of entry for one pipeline version, and removes
 * the folders of every other version. Unreadable or corrupt entries count as misses and are
 * overwritten. The type parameter is the caller's promise about what the folder holds.
 */
export function openFileCache<T = CachedArticle>(options: FileCacheOptions = {}): FileCache<T> {
  const root = path.resolve(options.dir ?? DEFAULT_CACHE_DIR);
  const version = options.version ?? pipelineVersion();
  const kind = options.kind ?? 'articles';
  for (const [name, value] of [['version', version], ['kind', kind]]) {
    if (!/^[\w.-]+$/.test(value as string)) throw new TypeError(`cache ${name} must be a file-name-safe string, got ${JSON.stringify(value)}`);
  }
  const dir = path.join(root, version, kind);
  mkdirSync(dir, { recursive: true });
  // The marker says "a version folder of this cache": only folders carrying it are ever removed,
  // so a mistaken `dir` (the project root, say) can never lose anything but cache entries.
  writeFileSync(path.join(root, version, VERSION_MARKER), `${version}\n`);
  if (!existsSync(path.join(root, 'CACHEDIR.TAG'))) writeFileSync(path.join(root, 'CACHEDIR.TAG'), CACHEDIR_TAG);
  for (const entry of readdirSync(root)) {
    const other = path.join(root, entry);
    if (entry !== version && statSync(other).isDirectory() && existsSync(path.join(other, VERSION_MARKER))) rmSync(other, { recursive: true, force: true });
  }

  const touched = new Set<string>();
  const stats = { reads: 0, writes: 0 };
  const fileOf = (key: string): string => {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new TypeError(`cache key must be a hex hash, got ${JSON.stringify(key)}`);
    return path.join(dir, `${key}.json`);
  };

  return {
    dir,
    stats,
    get(key: string): T | undefined {
      const file = fileOf(key);
      touched.add(key);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const value = JSON.parse(text) as T;
        stats.reads += 1;
        return value;
      } catch {
        return undefined;
      }
    },
    set(key: string, value: T): void {
      const file = fileOf(key);
      touched.add(key);
      // Write then rename, so a build interrupted mid-write never leaves half an entry behind.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, file);
      stats.writes += 1;
    },
    prune(): number {
      let removed = 0;
      for (const name of readdirSync(dir)) {
        const key = name.replace(/\.json$/, '');
        if (name.endsWith('.json') && touched.has(key)) continue;
        rmSync(path.join(dir, name), { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

/** The caches of a build, opened together so they share one version, and pruned together. */
export interface DigestCaches {
  ingest: FileCache<CachedIngest>;
  articles: FileCache<CachedArticle>;
  features: FileCache<ClusterFeatures>;
  stories: FileCache<CachedStory>;
  /**
   * Every cache as `buildDigest` options: `buildDigest(files, { ...caches.buildOptions, today })`.
   * Spreading this object rather than naming each cache means a cache kind added later is used too.
   */
  readonly buildOptions: Required<Pick<BuildDigestOptions, 'ingestCache' | 'cache' | 'clusterCache' | 'storyCache'>>;
  /** Removes every entry this build did not use; returns how many were removed. */
  prune(): number;
}

/**
 * Opens the build's caches (ingest, articles, cluster features, stories); pass them to `buildDigest`
 * with `caches.buildOptions`. Call `prune()` after a successful build.
 */
export function openDigestCaches(options: Omit<FileCacheOptions, 'kind'> = {}): DigestCaches {
  const version = options.version ?? pipelineVersion();
  const ingest = openFileCache<CachedIngest>({ ...options, version, kind: 'ingest' });
  const articles = openFileCache<CachedArticle>({ ...options, version, kind: 'articles' });
  const features = openFileCache<ClusterFeatures>({ ...options, version, kind: 'features' });
  const stories = openFileCache<CachedStory>({ ...options, version, kind: 'stories' });
  return {
    ingest,
    articles,
    features,
    stories,
    buildOptions: { ingestCache: ingest, cache: articles, clusterCache: features, storyCache: stories },
    prune: () => ingest.prune() + articles.prune() + features.prune() + stories.prune(),
  };
}
