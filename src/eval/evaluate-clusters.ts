/**
 * Scores the whole pipeline's grouping of a real corpus against its hand labels: each article is
 * imported as `npm run add` would import its text (with the manifest's outlet, date, address and
 * headline told, as an editor would tell them), the digest is built, and the stories are compared
 * with the labelled events by BCubed precision, recall and F1 (the measure of news-clustering
 * papers). Pure: the texts come in as strings; `scripts/eval-clusters.ts` reads them.
 */
import matter from 'gray-matter';
import { bcubed, type BCubedScores } from '../bench/bcubed.ts';
import { buildDigest } from '../pipeline/build-digest.ts';
import { importRaw, type ToldMeta } from '../pipeline/import/import-raw.ts';
import type { ArticleFile, Digest, IsoDate } from '../types.ts';
import type { CorpusArticle, CorpusManifest } from './corpus-manifest.ts';

/** One story the pipeline made, with the hand labels of its articles. */
export interface PredictedStory {
  slug: string;
  title: string;
  /** Article ids, sorted. */
  articleIds: string[];
  /** Event label → how many of its articles carry it; most first. */
  labels: [string, number][];
}

/** One labelled event, with the stories its articles ended up in. */
export interface TrueEvent {
  label: string;
  description: string;
  size: number;
  /** Story slug (or `(excluded)`) → how many of the event's articles are there; most first. */
  stories: [string, number][];
}

/** What `evaluateClusters` measured. */
export interface ClusterEvaluation {
  corpus: string;
  articles: number;
  outlets: number;
  /** BCubed over every labelled article; an article the build excluded counts as a story of its own. */
  bcubed: BCubedScores;
  /** Stories, largest first. */
  stories: PredictedStory[];
  /** Events, largest first. */
  events: TrueEvent[];
  /** Articles the build left out (no sentence left after cleaning), with the reason. */
  excluded: { id: string; reason: string }[];
  /** The digest that was scored, for callers that look further (chrome in claims, headlines). */
  digest: Digest;
}

/**
 * Builds the digest of `manifest`'s articles from `texts` (id → raw text) and scores its stories
 * against the labels. `today` is the build date for ingest's far-future check. Throws the
 * pipeline's own errors for an article it cannot import, and an `Error` for a text that is missing.
 */
export function evaluateClusters(manifest: CorpusManifest, texts: ReadonlyMap<string, string>, today: IsoDate): ClusterEvaluation {
  const { digest, report } = buildDigest(corpusArticleFiles(manifest, texts), { today });

  const storyOf = new Map(digest.sources.map((source) => [source.id, source.storySlug]));
  const truth: Record<string, string> = Object.fromEntries(manifest.articles.map((a) => [a.id, trueGroup(a)]));
  const members = new Map<string, string[]>();
  for (const article of manifest.articles) {
    const slug = storyOf.get(article.id) ?? `(excluded) ${article.id}`;
    members.set(slug, [...(members.get(slug) ?? []), article.id]);
  }
  const scores = bcubed([...members.values()], truth);

  const titleOf = new Map(digest.stories.map((story) => [story.slug, story.title]));
  const stories: PredictedStory[] = [...members]
    .filter(([slug]) => titleOf.has(slug))
    .map(([slug, ids]) => ({ slug, title: titleOf.get(slug) ?? '', articleIds: [...ids].sort(), labels: tally(ids.map((id) => truth[id] ?? '')) }))
    .sort((a, b) => b.articleIds.length - a.articleIds.length || compare(a.slug, b.slug));

  const groups = new Map(manifest.articles.map((a) => [trueGroup(a), manifest.events[a.event] ?? '']));
  const events: TrueEvent[] = [...groups]
    .map(([label, description]) => {
      const ids = manifest.articles.filter((a) => trueGroup(a) === label).map((a) => a.id);
      return { label, description, size: ids.length, stories: tally(ids.map((id) => storyOf.get(id) ?? '(excluded)')) };
    })
    .filter((event) => event.size > 0)
    .sort((a, b) => b.size - a.size || compare(a.label, b.label));

  const excludedFiles = new Map(report.excluded.map((e) => [e.file, e.reason]));
  const excluded = manifest.articles
    .filter((a) => !storyOf.has(a.id))
    .map((a) => ({ id: a.id, reason: excludedFiles.get(articlePath(manifest.name, a.id)) ?? 'not in the digest' }));

  return {
    corpus: manifest.name,
    articles: manifest.articles.length,
    outlets: new Set(manifest.articles.map((a) => a.outlet.toLowerCase())).size,
    bcubed: scores,
    stories,
    events,
    excluded,
    digest,
  };
}

/**
 * The content files of a corpus, as `npm run add` would write them from its texts (never written
 * to disk): what `evaluateClusters` builds, exposed for calibration scripts that look at one stage.
 */
export function corpusArticleFiles(manifest: CorpusManifest, texts: ReadonlyMap<string, string>): ArticleFile[] {
  return manifest.articles.map((article) => articleFile(manifest.name, article, texts));
}

/**
 * The story an article truly belongs to. The digest keeps languages apart by design (a story's
 * claims are quoted in one language), so an article in another language belongs with the other
 * reports of its event in that language: `event (es)`.
 */
function trueGroup(article: CorpusArticle): string {
  return article.language === undefined || article.language === 'en' ? article.event : `${article.event} (${article.language})`;
}

/** The content-file path an article of the corpus is built from (never written to disk). */
function articlePath(corpus: string, id: string): string {
  return `eval/${corpus}/articles/${id}.md`;
}

/** One article as `npm run add -- texts/<id>.txt --outlet … --published … --url …` would write it. */
function articleFile(corpus: string, article: CorpusArticle, texts: ReadonlyMap<string, string>): ArticleFile {
  const text = texts.get(article.id);
  if (text === undefined) throw new Error(`eval: no text for article \`${article.id}\``);
  const told: ToldMeta = { outlet: article.outlet, published: article.published, url: article.url };
  if (article.language !== undefined) told.language = article.language;
  if (article.title !== 'unknown') told.title = article.title;
  const origin = `eval/${corpus}/texts/${article.id}.txt`;
  const imported = importRaw({ text, kind: 'txt', file: origin, origin, told });
  const header = matter.stringify('', imported.frontMatter, { lineWidth: -1 } as matter.GrayMatterOption<string, never>);
  return { path: articlePath(corpus, article.id), bytes: new TextEncoder().encode(`${header.slice(0, -1)}${imported.body}`) };
}

/** Counts of each value, most first, ties by value. */
function tally(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
