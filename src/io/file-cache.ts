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
 *
 * A build writes each new entry at once as its own file (an interrupted build keeps what it did).
 * `prune()` then packs the entries the build used into one file per kind (`entries.jsonl`, one
 * `key json` line each) and deletes the loose files: the next build reads four files instead of
 * three per article plus one per story, which for a thousand articles was a third of a cached rebuild.
 * The pack is written as pure ASCII (every other character as a JSON `\u` escape), so it is read
 * without UTF-8 decoding, about seven times faster for the tens of megabytes of a large corpus.
 */
import { isAscii } from 'node:buffer';
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
const CACHE_FORMAT = '3';

/** The packed entries of one kind, written by `prune()`. */
const PACK_FILE = 'entries.jsonl';

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
  /**
   * Deletes every entry not read or written in this session and packs the others into one file;
   * returns how many were deleted.
   */
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

  // The JSON text of every entry read or written in this session: what `prune()` packs.
  const touched = new Map<string, string>();
  const stats = { reads: 0, writes: 0 };
  const fileOf = (key: string): string => {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new TypeError(`cache key must be a hex hash, got ${JSON.stringify(key)}`);
    return path.join(dir, `${key}.json`);
  };
  const packFile = path.join(dir, PACK_FILE);
  let pack: Map<string, string> | undefined;
  // Read on first use, and only then: a cache opened and never asked costs nothing.
  const packed = (): Map<string, string> => {
    if (pack !== undefined) return pack;
    pack = new Map();
    let text = '';
    try {
      const bytes = readFileSync(packFile);
      text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    } catch {
      return pack;
    }
    for (const line of text.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) pack.set(line.slice(0, space), line.slice(space + 1));
    }
    return pack;
  };

  return {
    dir,
    stats,
    get(key: string): T | undefined {
      const file = fileOf(key);
      let text = packed().get(key);
      if (text === undefined) {
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      }
      try {
        const value = JSON.parse(text) as T;
        stats.reads += 1;
        touched.set(key, text);
        return value;
      } catch {
        return undefined;
      }
    },
    set(key: string, value: T): void {
      const file = fileOf(key);
      const text = JSON.stringify(value);
      touched.set(key, text);
      // Write then rename, so a build interrupted mid-write never leaves half an entry behind.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, file);
      stats.writes += 1;
    },
    prune(): number {
      const stored = new Set(packed().keys());
      for (const name of readdirSync(dir)) if (name.endsWith('.json')) stored.add(name.slice(0, -'.json'.length));
      let removed = 0;
      for (const key of stored) if (!touched.has(key)) removed += 1;
      const keys = [...touched.keys()].sort();
      const temporary = `${packFile}.${process.pid}.tmp`;
      const lines = keys.map((key) => `${key} ${touched.get(key) as string}\n`).join('');
      writeFileSync(temporary, lines.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
      renameSync(temporary, packFile);
      pack = new Map(touched);
      for (const name of readdirSync(dir)) if (name !== PACK_FILE) rmSync(path.join(dir, name), { force: true });
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
