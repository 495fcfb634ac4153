/**
 * Clustering on coverage shaped like real coverage: the five seed articles plus our own
 * launch-coverage fixture (26 reports of the same launch in varied wording and length, some with
 * page chrome, related events of the same company months apart, unrelated events), and the
 * invariants that must hold whatever coverage is added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/bench/bcubed.ts';
import { segmentArticles } from '../../src/pipeline/article-cache.ts';
import { buildDigest } from '../../src/pipeline/build-digest.ts';
import { clusterStories } from '../../src/pipeline/cluster/cluster-stories.ts';
import { ingestArticles } from '../../src/pipeline/ingest.ts';
import type { ArticleFile, SegmentedArticle } from '../../src/types.ts';

const CONTENT = new URL('../../content/articles/', import.meta.url);
const COVERAGE = new URL('../fixtures/cluster/launch-coverage/', import.meta.url);
const LAUNCH = 'muse-spark-launch';

function files(folder: URL, prefix: string, names: string[]): ArticleFile[] {
  return names.map((name) => ({ path: `${prefix}/${name}`, bytes: new Uint8Array(readFileSync(new URL(name, folder))) }));
}

const seedFiles = files(CONTENT, 'content/articles', readdirSync(CONTENT).filter((name) => name.endsWith('.md')));
const coverageFiles = files(COVERAGE, 'tests/fixtures/cluster/launch-coverage', readdirSync(COVERAGE).filter((name) => /^r\d+\.md$/.test(name)));
const labels = JSON.parse(readFileSync(new URL('labels.json', COVERAGE), 'utf8')) as { articles: Record<string, string> };
const seedIds = seedFiles.map((file) => file.path.replace(/^.*\/|\.md$/g, ''));
const truth: Record<string, string> = { ...labels.articles, ...Object.fromEntries(seedIds.map((id) => [id, LAUNCH])) };
const launchFiles = coverageFiles.filter((file) => truth[file.path.replace(/^.*\/|\.md$/g, '')] === LAUNCH);
const otherFiles = coverageFiles.filter((file) => truth[file.path.replace(/^.*\/|\.md$/g, '')] !== LAUNCH);
/** Events that share no actor with the launch: a phone, a storm, and our older single-event fixtures. */
const CLUSTER_FIXTURES = new URL('../fixtures/cluster/', import.meta.url);
const UNRELATED_EVENTS = new Set(['vela5-phone-launch', 'storm-idris']);
const unrelatedFiles = [
  ...coverageFiles.filter((file) => UNRELATED_EVENTS.has(truth[file.path.replace(/^.*\/|\.md$/g, '')] ?? '')),
  ...files(CLUSTER_FIXTURES, 'tests/fixtures/cluster', ['bridge-courier.md', 'bridge-gazette.md', 'chess-post.md', 'chess-review.md', 'museum-reopens.md', 'recall-ledger.md', 'recall-wire.md']),
];

/** Every article of the fixture and the seeds, ingested, cleaned and split once. */
const segmented: Map<string, SegmentedArticle> = (() => {
  const ingested = ingestArticles([...seedFiles, ...coverageFiles, ...unrelatedFiles.filter((file) => file.path.startsWith('tests/fixtures/cluster/') && !file.path.includes('launch-coverage'))], { today: '2026-12-02' });
  if (ingested.problems.length > 0) throw new Error(ingested.problems.map((p) => p.message).join('\n'));
  return new Map(segmentArticles(ingested.articles).articles.map((article) => [article.id, article]));
})();
const ids = (list: ArticleFile[]) => list.map((file) => file.path.replace(/^.*\/|\.md$/g, ''));
const articlesOf = (list: string[]) => list.map((id) => segmented.get(id) as SegmentedArticle);

/** The story id of each article: the cluster it was put in, numbered by its first article. */
function storyOf(articleIds: string[]): Map<string, string> {
  const { clusters } = clusterStories(articlesOf(articleIds));
  return new Map(clusters.flatMap((cluster) => cluster.articleIds.map((id) => [id, cluster.articleIds[0] as string])));
}

describe('clustering coverage dominated by one event', () => {
  it('groups the seeds and 44 reports of our own into stories that match the labels (BCubed F1 at least 0.95)', () => {
    const all = [...seedIds, ...ids(coverageFiles)];
    const { clusters } = clusterStories(articlesOf(all));
    const scores = bcubed(clusters.map((cluster) => cluster.articleIds), truth);
    expect(scores.f1).toBeGreaterThanOrEqual(0.95);
    const launchStories = clusters.filter((cluster) => cluster.articleIds.some((id) => truth[id] === LAUNCH));
    expect(launchStories.map((cluster) => cluster.articleIds.filter((id) => truth[id] === LAUNCH).length)).toEqual([31]);
  });

  it('keeps each related event of the same company, months apart, out of the launch story', () => {
    const story = storyOf([...seedIds, ...ids(coverageFiles)]);
    const launchStory = story.get(seedIds[0] as string);
    const intruders = [...story].filter(([id, s]) => s === launchStory && truth[id] !== LAUNCH).map(([id]) => `${id} (${truth[id]})`);
    expect(intruders).toEqual([]);
  });

  it('builds the seeds into one story of three independent reports when all the coverage is added', () => {
    const { digest } = buildDigest([...seedFiles, ...coverageFiles], { today: '2026-12-02' });
    const seeds = digest.sources.filter((source) => seedIds.includes(source.id));
    expect(new Set(seeds.map((source) => source.storySlug)).size).toBe(1);
    expect(seeds.filter((source) => source.derivativeOf === undefined || !seedIds.includes(source.derivativeOf))).toHaveLength(3);
  });

  it('shows no page chrome of the saved pages in any claim, summary or key point', () => {
    const { digest } = buildDigest([...seedFiles, ...coverageFiles], { today: '2026-12-02' });
    const shown = digest.stories.flatMap((story) => [story.summary, ...story.keyPoints, ...story.claims.map((claim) => claim.text)]);
    const chrome = /min read|Skip to content|Advertisement|Listen to Story|Share this article|Original article|Sign up for our newsletter|Home \||More from/u;
    expect(shown.filter((text) => chrome.test(text))).toEqual([]);
  });
});

describe('clustering invariants', () => {
  it('never splits the seeds, however many reports of the same launch are added', () => {
    fc.assert(
      fc.property(fc.subarray(ids(launchFiles)), (added) => {
        const story = storyOf([...seedIds, ...added]);
        expect(new Set(seedIds.map((id) => story.get(id))).size).toBe(1);
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it('never merges two stories when articles about unrelated events are added', () => {
    const related = ids(otherFiles).filter((id) => !UNRELATED_EVENTS.has(truth[id] ?? ''));
    fc.assert(
      fc.property(fc.subarray(ids(launchFiles)), fc.subarray(related), fc.subarray(ids(unrelatedFiles), { minLength: 1 }), (launch, others, unrelated) => {
        const base = [...seedIds, ...launch, ...others];
        const before = storyOf(base);
        const after = storyOf([...base, ...unrelated]);
        for (const a of base) {
          for (const b of base) {
            if (before.get(a) !== before.get(b)) expect(after.get(a), `${a} and ${b} were apart`).not.toBe(after.get(b));
          }
        }
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('gives the same stories whatever order the files come in', () => {
    const all = [...seedIds, ...ids(coverageFiles)];
    const expected = clusterStories(articlesOf(all)).clusters;
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
        expect(clusterStories(articlesOf(order)).clusters).toEqual(expected);
      }),
      { numRuns: 20, seed: 19 },
    );
  });
});
