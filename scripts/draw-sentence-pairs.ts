/**
 * Draws candidate sentence pairs of one real story for labelling by hand (eval/README.md,
 * "Sentence pairs"). Prints JSON lines to stdout, texts included: pipe them to a scratch file
 * outside the repo, read them, and write only references and labels into the committed file.
 *
 * Usage: npx tsx scripts/draw-sentence-pairs.ts --corpus seeds|storms|deals [--event <label>] [--per N] [--skip <file>] [--grep <regex>]
 *   --skip <file> leaves out the pairs a label file already holds (to draw a further batch)
 *   --grep lists the story's sentences matching a pattern (id, hash, text) instead of drawing pairs
 *
 * The story is the one the build makes for the corpus (the seeds: the largest story of
 * content/articles; a real corpus: the story holding most articles of `--event`). Pairs join
 * sentences of two articles; identical texts (syndicated copies) are skipped. Four strata, N each
 * (default 25), taken evenly across their range so no stratum is only its extremes:
 *   joined            the align stage's pair rule joins them today
 *   near-threshold    score within 0.12 of the threshold, on either side, not joined
 *   shared-anchor     a figure, date or uncommon name in common, score under threshold − 0.12
 *   paraphrase-search score under threshold − 0.12, most shared topic (IDF-weighted terms) first:
 *                     where paraphrases the aligner misses are likeliest; read to find them
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDate } from '../src/io/digest-from-disk.ts';
import { DEFAULT_ALIGN_OPTIONS } from '../src/pipeline/align/align-claims.ts';
import { anchorsDisagree, buildIdf, scorePair, sentenceFeatures, withStoryNames, type SentenceFeatures } from '../src/pipeline/align/claim-features.ts';
import { stanceDifference } from '../src/pipeline/align/claim-stance.ts';
import { isChromeSentence } from '../src/pipeline/normalize/page-chrome.ts';
import { buildDigest } from '../src/pipeline/build-digest.ts';
import { evaluateClusters } from '../src/eval/evaluate-clusters.ts';
import { readArticleFiles } from '../src/io/article-files.ts';
import { readStory, SEEDS_DIR } from '../src/eval/sentence-pairs-fs.ts';
import { readCorpus } from '../src/eval/corpus-files.ts';
import { UsageError } from '../src/errors.ts';
import { readFileSync } from 'node:fs';
import { sentenceHash } from '../src/eval/sentence-pairs.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};
const corpus = option('--corpus') ?? 'seeds';
const per = Number(option('--per') ?? '25');
const today = buildDate();

/** The article ids of the story the build makes. */
function storyArticles(): string[] {
  if (corpus === 'seeds') {
    const { digest } = buildDigest(readArticleFiles(path.join(repoRoot, SEEDS_DIR), repoRoot), { today });
    const story = [...digest.stories].sort((a, b) => b.sourceIds.length - a.sourceIds.length)[0];
    return [...(story?.sourceIds ?? [])].sort();
  }
  const event = option('--event');
  if (event === undefined) {
    throw new UsageError('a real corpus needs the event whose story to draw from', { file: 'command line', field: '--event', found: 'no --event', fix: 'pass --event <label>, a label of the manifest\'s events' });
  }
  const { manifest, texts } = readCorpus(path.join(repoRoot, 'eval', corpus));
  const result = evaluateClusters(manifest, texts, today);
  const count = (labels: [string, number][]) => labels.find(([label]) => label === event)?.[1] ?? 0;
  const story = [...result.stories].sort((a, b) => count(b.labels) - count(a.labels))[0];
  return story?.articleIds ?? [];
}

const ids = storyArticles();
const { articles } = readStory(repoRoot, corpus, today, ids);
const claimBearing: SentenceFeatures[] = [];
for (const article of articles) {
  for (const s of article.sentences) if (s.kind !== 'heading' && !isChromeSentence(s.text)) claimBearing.push(sentenceFeatures(s.id, article.id, s.text));
}
const features = withStoryNames(claimBearing);
const idf = buildIdf(features);
const t = DEFAULT_ALIGN_OPTIONS.threshold;
// A name most of the story's sentences carry is its subject, not an anchor two sentences share by chance.
const nameCount = new Map<string, number>();
for (const f of features) for (const n of new Set(f.names)) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
const rareName = (n: string) => (nameCount.get(n) ?? 0) <= Math.max(2, features.length * 0.1);

// --grep <regex>: list the story's claim-bearing sentences that match, to hunt paraphrases by hand.
const grep = option('--grep');
if (grep !== undefined) {
  const pattern = new RegExp(grep, 'iu');
  for (const f of features) if (pattern.test(f.text)) process.stdout.write(`${f.id} ${sentenceHash(f.text)}  ${f.text}\n`);
  process.exit(0);
}

interface Candidate { a: SentenceFeatures; b: SentenceFeatures; score: number; topical: number; aligned: boolean; anchor: boolean }
const seen = new Set<string>();
const all: Candidate[] = [];
for (let i = 0; i < features.length; i += 1) {
  for (let j = i + 1; j < features.length; j += 1) {
    const a = features[i] as SentenceFeatures;
    const b = features[j] as SentenceFeatures;
    if (a.articleId === b.articleId || a.text === b.text) continue;
    const key = [a.text, b.text].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const r = scorePair(a, b, idf);
    if (r.topical === 0 && r.figures !== 'agree' && r.dates !== 'agree') continue;
    const aligned = r.score >= t && !anchorsDisagree(r) && stanceDifference(a.text, b.text) === undefined;
    const sharedName = a.names.some((n) => rareName(n) && b.names.includes(n));
    all.push({ a, b, score: r.score, topical: r.topical, aligned, anchor: r.figures === 'agree' || r.dates === 'agree' || sharedName });
  }
}

/** `n` items taken evenly across a sorted list. */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)] as T);
}
// --skip <label file>: leave out pairs already labelled there, to draw a further batch.
const skipFile = option('--skip');
const labelled = new Set<string>(
  skipFile === undefined ? [] : (JSON.parse(readFileSync(skipFile, 'utf8')) as { pairs: { a: { sentence: string }; b: { sentence: string } }[] }).pairs.map((p) => [p.a.sentence, p.b.sentence].sort().join(' ')),
);
const used = new Set<Candidate>(all.filter((c) => labelled.has([c.a.id, c.b.id].sort().join(' '))));
const take = (drawn: string, list: Candidate[], n: number) =>
  spread(list.filter((c) => !used.has(c)), n).map((c) => {
    used.add(c);
    return { drawn, c };
  });
const byScore = (x: Candidate, y: Candidate) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id);
const drawn = [
  ...take('joined', all.filter((c) => c.aligned).sort(byScore), per),
  ...take('near-threshold', all.filter((c) => !c.aligned && Math.abs(c.score - t) <= 0.12).sort(byScore), per),
  ...take('shared-anchor', all.filter((c) => c.anchor && c.score < t - 0.12).sort(byScore), per),
  ...take('paraphrase-search', all.filter((c) => c.score < t - 0.12).sort((x, y) => y.topical - x.topical || byScore(x, y)).slice(0, per * 4), per),
];
process.stderr.write(`${corpus}: ${ids.length} articles, ${features.length} claim-bearing sentences, ${all.length} related cross-source pairs; drew ${drawn.length}\n`);
process.stdout.write(`${JSON.stringify({ corpus, articles: ids })}\n`);
for (const { drawn: stratum, c } of drawn) {
  process.stdout.write(
    `${JSON.stringify({ drawn: stratum, a: c.a.id, ah: sentenceHash(c.a.text), b: c.b.id, bh: sentenceHash(c.b.text), score: Number(c.score.toFixed(3)), topical: Number(c.topical.toFixed(3)), aText: c.a.text, bText: c.b.text })}\n`,
  );
}
