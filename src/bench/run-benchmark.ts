/**
 * The pipeline benchmark behind `npm run bench`: generates a corpus whose true grouping is known,
 * builds its digest stage by stage with timings, scores the clustering with BCubed, and optionally
 * measures the all-pairs baseline and a cached rebuild after one article is added.
 *
 * It only measures and returns figures; `scripts/bench.ts` prints them.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDigestCaches } from '../io/file-cache.ts';
import { buildDigest } from '../pipeline/build-digest.ts';
import { ingestArticles } from '../pipeline/ingest.ts';
import { segmentArticles } from '../pipeline/article-cache.ts';
import type { StageObserver } from '../pipeline/stage-observer.ts';
import type { ArticleFile, Digest } from '../types.ts';
import { bcubed, type BCubedScores } from './bcubed.ts';
import { generateCorpus } from './generate-corpus.ts';
import { naiveCluster } from './naive-cluster.ts';
import { createStageTimer } from './stage-timer.ts';

/** Options of `runBenchmark`. */
export interface BenchmarkOptions {
  articles: number;
  seed: number;
  /** Also run the all-pairs baseline on the same corpus. */
  baseline: boolean;
  /** Also time a cold and a cached rebuild after adding one article. */
  incremental: boolean;
  /** Watches the main run (a progress display); `finish` is called when that run ends. */
  observer?: StageObserver & { finish?(): void };
}

/** What the benchmark measured; the `--json` output. */
export interface BenchmarkResult {
  articles: number;
  seed: number;
  /** Wall time of the whole pipeline on the corpus (files in memory to `Digest`). */
  seconds: number;
  /**
   * CPU time (user + system) of the same run. The pipeline is single-threaded, so on an idle machine
   * this is close to `seconds`; on a busy one it is the steadier figure.
   */
  cpuSeconds: number;
  /** Peak resident memory of the process, in MB (includes generating the corpus). */
  peakMemoryMB: number;
  /** Pairs of articles the clusterer scored. */
  candidatePairs: number;
  /** n·(n−1)/2, for comparison. */
  allPairs: number;
  stories: number;
  stages: Record<string, number>;
  /** CPU seconds per stage. */
  stagesCpu: Record<string, number>;
  bcubed: BCubedScores;
  baseline?: { seconds: number; cpuSeconds: number; bcubed: BCubedScores; stories: number };
  /** Baseline clustering time divided by our cluster stage's time (wall clock). */
  speedup?: number;
  /** The same ratio in CPU time. */
  speedupCpu?: number;
  incremental?: {
    /** How many times the cold and the cached rebuild were each timed; the figures are medians. */
    rounds: number;
    /** Rebuild of the corpus plus one article, with no cache. */
    coldSeconds: number;
    /** The same rebuild with the caches filled by a build of the corpus without it. */
    warmSeconds: number;
    /** warm / cold. */
    ratio: number;
    coldCpuSeconds: number;
    warmCpuSeconds: number;
    /** warm / cold in CPU time. */
    ratioCpu: number;
    /** Articles taken from the cache in the warm build, and articles recomputed. */
    hits: number;
    misses: number;
    /** Stories taken from the cache in the warm build, and stories rebuilt. */
    storyHits: number;
    storyMisses: number;
    /** True when the warm build's digest is byte-identical (as JSON) to the cold build's. */
    identical: boolean;
  };
}

/** Runs the benchmark. Heavy: call it from a script, not from code that must stay fast. */
export function runBenchmark(options: BenchmarkOptions): BenchmarkResult {
  // One extra article is generated up front so that the incremental run adds a real article to
  // exactly the corpus measured here (a corpus of N+1 is not an extension of a corpus of N).
  const corpus = generateCorpus({ articles: options.articles + 1, seed: options.seed });
  const files = corpus.files.slice(0, options.articles);
  const ids = new Set(files.map((file) => path.posix.basename(file.path, '.md')));
  const truth = Object.fromEntries(Object.entries(corpus.truth).filter(([id]) => ids.has(id)));

  const timer = createStageTimer(options.observer);
  const result = measureMain(files, truth, timer, options);
  const stages = timer.seconds();

  if (options.baseline) {
    // The baseline gets the same normalized text ours clusters; only the clustering is compared.
    const segmented = segmentArticles(ingestArticles(files).articles).articles;
    const naive = measure(() => naiveCluster(segmented));
    result.baseline = {
      seconds: round(naive.seconds),
      cpuSeconds: round(naive.cpuSeconds),
      bcubed: roundScores(score(naive.value.clusters.map((c) => c.articleIds), truth)),
      stories: naive.value.clusters.length,
    };
    result.speedup = round(naive.seconds / Math.max(stages.cluster, 1e-6), 2);
    result.speedupCpu = round(naive.cpuSeconds / Math.max(timer.cpuSeconds().cluster, 1e-6), 2);
  }

  if (options.incremental) result.incremental = measureIncremental(files, corpus.files);
  return result;
}

/**
 * Times the pipeline on `files` and scores its clustering. A function of its own so that the
 * digest it builds is unreachable once it returns, and cannot slow the builds measured after it.
 */
function measureMain(files: ArticleFile[], truth: Record<string, string>, timer: ReturnType<typeof createStageTimer>, options: BenchmarkOptions): BenchmarkResult {
  const main = measure(() => buildDigest(files, { observer: timer }));
  const build = main.value;
  options.observer?.finish?.();
  const peakBytes = Math.max(timer.peakRss(), process.resourceUsage().maxRSS * 1024);
  const clusters = storiesAsClusters(build.digest);
  return {
    articles: options.articles,
    seed: options.seed,
    seconds: round(main.seconds),
    cpuSeconds: round(main.cpuSeconds),
    peakMemoryMB: Math.round(peakBytes / 1024 / 1024),
    candidatePairs: build.report.cluster.candidatePairs,
    allPairs: build.report.cluster.allPairs,
    stories: build.digest.stories.length,
    stages: Object.fromEntries(Object.entries(timer.seconds()).map(([stage, s]) => [stage, round(s)])),
    stagesCpu: Object.fromEntries(Object.entries(timer.cpuSeconds()).map(([stage, s]) => [stage, round(s)])),
    bcubed: roundScores(score(clusters, truth)),
  };
}

/**
 * Times of the add-one rebuild are medians over this many rounds: one cold and one cached build
 * each. A single build of a thousand articles takes well under a tenth of a second cached, where
 * another process or a garbage collection on this 2-core machine moves one sample by half.
 */
const INCREMENTAL_ROUNDS = 7;

/**
 * Rounds run the same way first and not timed. Timed from the start, both builds ran slower for
 * the first three or four rounds (V8 still compiling and the heap still growing), the cached one
 * by a larger share. The figures compare the work of the two builds, both with compiled code; a
 * build in a new process also pays for compiling, a fixed cost that weighs more on the short
 * cached build (the README gives both).
 */
const WARM_UP_ROUNDS = 3;

/**
 * Fills an on-disk cache from `before`, then times cold and cached builds of `after`: each cold
 * build on an empty cache, each cached build on a fresh copy of the filled one (as a second
 * `npm run build` would find it). Each
 * build's digest is kept only as its JSON text: its objects, left reachable, would add to the
 * garbage collector's work in the next build, which separate `npm run build` runs never share.
 */
function measureIncremental(before: ArticleFile[], after: ArticleFile[]): NonNullable<BenchmarkResult['incremental']> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'digest-bench-cache-'));
  try {
    const primedDir = path.join(dir, 'primed');
    const primed = openDigestCaches({ dir: primedDir, version: 'bench' });
    buildDigest(before, primed.buildOptions);
    // As `npm run build` does after every successful build (this packs the entries into one file per kind).
    primed.save();

    const colds: ReturnType<typeof measureDigest>[] = [];
    const warms: ReturnType<typeof measureDigest>[] = [];
    let counts = { hits: 0, misses: 0, storyHits: 0, storyMisses: 0 };
    for (let round = 0; round < WARM_UP_ROUNDS + INCREMENTAL_ROUNDS; round += 1) {
      const timed = round >= WARM_UP_ROUNDS;
      // Cold is the same build on an empty cache, as the first `npm run build` runs it: it computes
      // every entry and stores it. Both sides of the ratio run the same code; only the cache differs.
      const coldDir = path.join(dir, `cold-${round}`);
      const empty = openDigestCaches({ dir: coldDir, version: 'bench' });
      const cold = measureDigest(() => buildDigest(after, empty.buildOptions));
      // A new cache object on a fresh copy of the primed folder: everything comes from disk, and
      // no round sees the entries an earlier round wrote.
      const roundDir = path.join(dir, `round-${round}`);
      cpSync(primedDir, roundDir, { recursive: true });
      const caches = openDigestCaches({ dir: roundDir, version: 'bench' });
      const counter = createStageTimer();
      const warm = measureDigest(() => buildDigest(after, { ...caches.buildOptions, observer: counter }));
      rmSync(coldDir, { recursive: true, force: true });
      rmSync(roundDir, { recursive: true, force: true });
      if (!timed) continue;
      colds.push(cold);
      warms.push(warm);
      const calls = counter.calls();
      counts = { hits: caches.articles.stats.reads, misses: calls.normalize, storyHits: caches.stories.stats.reads, storyMisses: calls.merge };
    }
    const coldSeconds = median(colds.map((m) => m.seconds));
    const warmSeconds = median(warms.map((m) => m.seconds));
    const coldCpuSeconds = median(colds.map((m) => m.cpuSeconds));
    const warmCpuSeconds = median(warms.map((m) => m.cpuSeconds));
    const reference = colds[0]?.json;
    return {
      rounds: INCREMENTAL_ROUNDS,
      coldSeconds: round(coldSeconds),
      warmSeconds: round(warmSeconds),
      ratio: round(warmSeconds / coldSeconds, 3),
      coldCpuSeconds: round(coldCpuSeconds),
      warmCpuSeconds: round(warmCpuSeconds),
      ratioCpu: round(warmCpuSeconds / coldCpuSeconds, 3),
      ...counts,
      identical: [...colds, ...warms].every((m) => m.json === reference),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `measure` of a build, keeping only its digest's JSON text (taken after the clock stops). */
function measureDigest(work: () => { digest: Digest }): { json: string; seconds: number; cpuSeconds: number } {
  const { value, seconds, cpuSeconds } = measure(work);
  return { json: JSON.stringify(value.digest), seconds, cpuSeconds };
}

/** Runs `work` once, returning its value with the wall-clock and CPU seconds it took. */
function measure<T>(work: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const began = performance.now();
  const cpuBegan = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpuBegan);
  return { value, seconds: (performance.now() - began) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The digest's stories as clusters of article ids, the shape BCubed scores. */
export function storiesAsClusters(digest: Digest): string[][] {
  return digest.stories.map((story) => [...story.sourceIds]);
}

/**
 * BCubed of `clusters` against `truth`. An article the build left out (excluded by ingest) counts
 * as a cluster of its own, so losing articles lowers recall instead of passing unnoticed.
 */
function score(clusters: string[][], truth: Record<string, string>): BCubedScores {
  const placed = new Set(clusters.flat());
  const missing = Object.keys(truth).filter((id) => !placed.has(id)).map((id) => [id]);
  return bcubed([...clusters, ...missing], truth);
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function roundScores(scores: BCubedScores): BCubedScores {
  return { precision: round(scores.precision, 4), recall: round(scores.recall, 4), f1: round(scores.f1, 4) };
}
