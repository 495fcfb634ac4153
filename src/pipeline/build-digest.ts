/**
 * The whole pipeline, one stage after another: article files in, `Digest` out.
 *
 * content files → ingest → normalize → sentences → cluster → derivatives → align → merge
 * → timeline → Digest. Pure: it reads nothing and writes nothing; `scripts/build-digest.ts`
 * and the Astro loader do the I/O. Throws a `ProblemListError` listing every input problem at once.
 */
import { ProblemListError } from '../errors.ts';
import type { ArticleFile, Digest, DigestBuild, DigestSource, SegmentedArticle, Story, TimelineEvent } from '../types.ts';
import { ingestArticles, type IngestCache, type IngestOptions } from './ingest.ts';
import { segmentArticles, type ArticleCache } from './article-cache.ts';
import { silentObserver, type StageObserver } from './stage-observer.ts';
import { clusterStories, type ClusterFeatureCache } from './cluster/cluster-stories.ts';
import { cachedStory, type StoryCache } from './story-cache.ts';
import { compareEvents, compareSources, compareStories } from './digest-order.ts';

/**
 * Options of `buildDigest`; all optional. `today` and `maxBytes` are ingest's checks (a far-future
 * date, a file too large); the others do not change the output.
 */
export interface BuildDigestOptions extends IngestOptions {
  /** Per-file ingest results from earlier builds; only files it lacks are decoded, parsed and validated. */
  ingestCache?: IngestCache;
  /** Per-article results from earlier builds; only articles it lacks are normalized and split. */
  cache?: ArticleCache;
  /** Per-story results from earlier builds; only clusters it lacks go through derivatives → timeline. */
  storyCache?: StoryCache;
  /** The clusterer's feature counts of the previous build's corpus; only articles it lacks are counted. */
  clusterCache?: ClusterFeatureCache;
  /** Told about each stage's work, for the benchmark's timings and the CLI's progress display. */
  observer?: StageObserver;
}

/** Runs every stage on the given article files and returns the digest and its build report. */
export function buildDigest(files: ArticleFile[], options: BuildDigestOptions = {}): DigestBuild {
  const observer = options.observer ?? silentObserver;
  observer.start?.('ingest', 1);
  const ingested = observer.run('ingest', () =>
    ingestArticles(files, {
      ...(options.today === undefined ? {} : { today: options.today }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    }, options.ingestCache),
  );
  if (ingested.problems.length > 0) throw new ProblemListError(ingested.problems);

  const allSegmented: SegmentedArticle[] = segmentArticles(ingested.articles, options.cache, observer).articles;
  // An article with no sentence left (only headings or page chrome) has nothing to cite: list it, do not show it.
  const hasSentence = (a: SegmentedArticle) => a.sentences.some((s) => s.kind === 'sentence' || s.kind === 'list-item');
  const segmented = allSegmented.filter(hasSentence);
  const excluded = [
    ...ingested.excluded,
    ...allSegmented
      .filter((a) => !hasSentence(a))
      .map((a) => ({ file: a.file, reason: 'no sentence left after removing page chrome and headings; nothing to cite' })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byId = new Map(segmented.map((article) => [article.id, article]));
  observer.start?.('cluster', 1);
  const { clusters, stats } = observer.run('cluster', () => clusterStories(segmented, {}, options.clusterCache));
  for (const stage of ['derivatives', 'align', 'merge', 'timeline'] as const) observer.start?.(stage, clusters.length);

  const sources: DigestSource[] = [];
  const stories: Story[] = [];
  const timeline: TimelineEvent[] = [];
  for (const cluster of clusters) {
    const members = cluster.articleIds.map((id) => byId.get(id)).filter((a): a is SegmentedArticle => a !== undefined);
    const { derivatives, story, events } = cachedStory(members, options.storyCache, observer);
    stories.push(story);
    timeline.push(...events);
    for (const article of members) {
      const link = derivatives.find((d) => d.articleId === article.id);
      sources.push(toDigestSource(article, story.slug, link?.derivativeOf));
    }
  }

  const digest: Digest = {
    schemaVersion: 1,
    sources: sources.sort(compareSources),
    stories: stories.sort(compareStories),
    timeline: timeline.sort(compareEvents),
  };
  return {
    digest,
    report: {
      inputFiles: files.length,
      sources: digest.sources.length,
      excluded,
      warnings: ingested.warnings.map((w) => w.message),
      cluster: stats,
    },
  };
}

function toDigestSource(article: SegmentedArticle, storySlug: string, derivativeOf: string | undefined): DigestSource {
  const { meta } = article;
  return {
    id: article.id,
    title: meta.title,
    outlet: meta.outlet,
    published: meta.published,
    ...(meta.url === undefined ? {} : { url: meta.url }),
    ...(meta.author === undefined ? {} : { author: meta.author }),
    ...(meta.credit === undefined ? {} : { credit: meta.credit }),
    origin: meta.origin,
    language: meta.language,
    ...(derivativeOf === undefined ? {} : { derivativeOf }),
    storySlug,
    text: article.text,
    sentences: article.sentences,
    removed: article.removed,
    repairs: article.repairs,
  };
}
