/**
 * The on-disk caches of the pipeline under `.cache/digest/` (git-ignored): per content file its
 * ingest result (`IngestCache`) and what normalizing and splitting add to its article
 * (`ArticleCache`); for the corpus, the clusterer's feature counts (`ClusterFeatureCache`, one
 * entry); per story its merged result (`StoryCache`). An editor who adds one article then
 * rebuilds without redoing the work for every other article and story.
 *
 * Entries live in a folder named after the pipeline version, a hash of the pipeline's source code
 * and the lock file: changing either starts an empty cache, and the folders of other versions are
 * removed. Within a version, an entry's name is its key (for an article, content hash + path; for a
 * story, the keys of its members), so a changed article simply misses, and so does the story it
 * belongs to.
 *
 * A build collects the entries it reads and computes in memory; `save()` at the end of a successful
 * build writes exactly those into one file per kind (`entries.jsonl`, one `key json` line each), so
 * the entries of changed and removed articles and of their stories drop out, and a build reads and
 * writes four files instead of one per entry (one file per entry made a cold build of 1,000
 * articles 1.7x slower). A build that fails or is killed leaves the previous files as they were.
 * The pack is written as pure ASCII (every other character as a JSON `\u` escape), so it is read
 * without UTF-8 decoding, about seven times faster for the tens of megabytes of a large corpus.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CachedArticle } from '../pipeline/article-cache.ts';
import type { BuildDigestOptions } from '../pipeline/build-digest.ts';
import type { ClusterSnapshot } from '../pipeline/cluster-stories.ts';
import type { CachedIngest } from '../pipeline/ingest.ts';
import type { CachedStory } from '../pipeline/story-cache.ts';

/** Where the cache lives by default, relative to the project root. */
export const DEFAULT_CACHE_DIR = '.cache/digest';

/** A file in every version folder; see `openFileCache`. */
const VERSION_MARKER = '.digest-cache-version';

/** Tells backup tools the folder holds only derived data (https://bford.info/cachedir/). */
const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# Derived data of the news-digest build; safe to delete.\n';

/** Bumped by hand when the layout of a cache entry changes in a way the source hash cannot see. */
const CACHE_FORMAT = '6';

/** The entries of one kind, written by `save()`. */
const PACK_FILE = 'entries.jsonl';

/**
 * The pipeline version a cache entry belongs to: a short SHA-256 over every file in
 * `src/pipeline/` (its stage folders included), `src/types.ts` and `package-lock.json` under
 * `root`. Any edit to the code that computes cached results, or any dependency upgrade, yields a
 * new version and so a cold cache.
 */
export function pipelineVersion(root: string = process.cwd()): string {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
  const pipelineDir = path.join(root, 'src', 'pipeline');
  const files = [
    // Stages grow into folders (src/pipeline/<stage>/), so their modules count too.
    ...(existsSync(pipelineDir)
      ? readdirSync(pipelineDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => name.split(path.sep).join('/')).sort().map((name) => path.join(pipelineDir, name))
      : []),
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

/** A cache of JSON values backed by one file, saved when a build has finished. */
export interface FileCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** The folder holding this version's entries of this kind. */
  readonly dir: string;
  /** Entries read from the cache / computed and set in this session. */
  readonly stats: { reads: number; writes: number };
  /**
   * Writes the entries read or set in this session, and only those, as the cache's contents;
   * returns how many stored entries were dropped (those of changed or removed articles).
   */
  save(): number;
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
  // so a mistaken `dir` (the project root, say) can never lose anything but cache entries. Written
  // only when missing or wrong: every build opens four caches of the same version.
  const marker = path.join(root, version, VERSION_MARKER);
  let written: string | undefined;
  try {
    written = readFileSync(marker, 'latin1');
  } catch {
    written = undefined;
  }
  if (written !== `${version}\n`) writeFileSync(marker, `${version}\n`);
  if (!existsSync(path.join(root, 'CACHEDIR.TAG'))) writeFileSync(path.join(root, 'CACHEDIR.TAG'), CACHEDIR_TAG);
  for (const entry of readdirSync(root)) {
    const other = path.join(root, entry);
    if (entry !== version && statSync(other).isDirectory() && existsSync(path.join(other, VERSION_MARKER))) rmSync(other, { recursive: true, force: true });
  }

  // Every entry read or set in this session, what `save()` writes: its JSON text, or for an entry
  // read from the pack, its line in the pack (see `pack`).
  const touched = new Map<string, string | number>();
  const stats = { reads: 0, writes: 0 };
  const checkKey = (key: string): string => {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new TypeError(`cache key must be a hex hash, got ${JSON.stringify(key)}`);
    return key;
  };
  const packFile = path.join(dir, PACK_FILE);
  // The saved entries: for each key, its JSON text, or its line: the text runs in `bytes` from
  // `starts[line]` to `ends[line]`.
  let pack: Map<string, string | number> | undefined;
  let bytes: Buffer | undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  let ascii = true;
  // Read on first use, and only then: a cache opened and never asked costs nothing. Only the keys
  // are decoded here; an entry's text is decoded when it is asked for (and again by `save()`),
  // one short string that is dropped once parsed, rather than slices of one string as large as the
  // file (measured faster to parse, and the garbage collector has no text to keep alive).
  const packed = (): Map<string, string | number> => {
    if (pack !== undefined) return pack;
    pack = new Map();
    try {
      bytes = readFileSync(packFile);
    } catch {
      return pack;
    }
    ascii = isAscii(bytes);
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const space = bytes.indexOf(0x20, start);
      if (space > start && space < end) {
        pack.set(bytes.toString('latin1', start, space), starts.length);
        starts.push(space + 1);
        ends.push(end);
      }
      start = end + 1;
    }
    return pack;
  };
  // A line break never falls inside a UTF-8 sequence, so decoding one line gives what decoding the file would.
  const textAt = (line: number): string => (bytes as Buffer).toString(ascii ? 'latin1' : 'utf8', starts[line], ends[line]);

  return {
    dir,
    stats,
    get(key: string): T | undefined {
      const stored = touched.get(key) ?? packed().get(checkKey(key));
      if (stored === undefined) return undefined;
      const text = typeof stored === 'number' ? textAt(stored) : stored;
      try {
        const value = JSON.parse(text) as T;
        stats.reads += 1;
        touched.set(key, stored);
        return value;
      } catch {
        return undefined; // a damaged line is a miss: the entry is computed again and saved anew
      }
    },
    set(key: string, value: T): void {
      touched.set(checkKey(key), JSON.stringify(value));
      stats.writes += 1;
    },
    save(): number {
      const removed = [...packed().keys()].filter((key) => !touched.has(key)).length;
      const keys = [...touched.keys()].sort();
      const temporary = `${packFile}.${process.pid}.tmp`;
      const lines = keys
        .map((key) => {
          const stored = touched.get(key) as string | number;
          return `${key} ${typeof stored === 'number' ? textAt(stored) : stored}\n`;
        })
        .join('');
      writeFileSync(temporary, lines.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
      renameSync(temporary, packFile);
      // Line numbers still point into `bytes`, which is kept: the file read is what they were read from.
      pack = new Map(touched);
      // Leftovers of builds killed while saving (or of older cache layouts). Only old ones: a
      // fresh temporary file may belong to another build saving right now.
      const stale = Date.now() - 10 * 60 * 1000;
      for (const name of readdirSync(dir)) {
        const modified = statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs;
        if (name !== PACK_FILE && modified !== undefined && modified < stale) rmSync(path.join(dir, name), { force: true });
      }
      return removed;
    },
  };
}

/** The caches of a build, opened together so they share one version, and saved together. */
export interface DigestCaches {
  ingest: FileCache<CachedIngest>;
  articles: FileCache<CachedArticle>;
  features: FileCache<ClusterSnapshot>;
  stories: FileCache<CachedStory>;
  /**
   * Every cache as `buildDigest` options: `buildDigest(files, { ...caches.buildOptions, today })`.
   * Spreading this object rather than naming each cache means a cache kind added later is used too.
   */
  readonly buildOptions: Required<Pick<BuildDigestOptions, 'ingestCache' | 'cache' | 'clusterCache' | 'storyCache'>>;
  /** Saves every cache: only the entries this build used are kept; returns how many were dropped. */
  save(): number;
}

/**
 * Opens the build's caches (ingest, articles, cluster features, stories); pass them to `buildDigest`
 * with `caches.buildOptions`. Call `save()` after a successful build.
 */
export function openDigestCaches(options: Omit<FileCacheOptions, 'kind'> = {}): DigestCaches {
  const version = options.version ?? pipelineVersion();
  const ingest = openFileCache<CachedIngest>({ ...options, version, kind: 'ingest' });
  const articles = openFileCache<CachedArticle>({ ...options, version, kind: 'articles' });
  const features = openFileCache<ClusterSnapshot>({ ...options, version, kind: 'features' });
  const stories = openFileCache<CachedStory>({ ...options, version, kind: 'stories' });
  return {
    ingest,
    articles,
    features,
    stories,
    buildOptions: { ingestCache: ingest, cache: articles, clusterCache: features, storyCache: stories },
    save: () => ingest.save() + articles.save() + features.save() + stories.save(),
  };
}
