/**
 * The hand-labelled sentence pairs of real stories, and their score: does the align stage join
 * the two sentences of a pair exactly when a reader says they state one fact?
 *
 * A label file (`eval/<corpus>/sentence-pairs.json`, committed) holds references only: each
 * sentence as `<articleId>#<index>` in the pipeline's own split, with a short hash of its text to
 * notice when a re-gathered text or a changed splitter moved it; never the sentence itself. The
 * texts come in as split articles, so this module reads nothing: `scripts/eval-pairs.ts` does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ArticleFileError, ManifestError } from '../errors.ts';
import { DEFAULT_ALIGN_OPTIONS } from '../pipeline/align/align-claims.ts';
import { anchorsDisagree, buildIdf, scorePair, sentenceFeatures, withStoryNames, type IdfTable, type PairScore, type SentenceFeatures } from '../pipeline/align/claim-features.ts';
import { stanceDifference } from '../pipeline/align/claim-stance.ts';
import { isChromeSentence } from '../pipeline/normalize/page-chrome.ts';
import type { SegmentedArticle } from '../types.ts';
import { parseEvalJson } from './corpus-manifest.ts';

/** What a reader says of two sentences. */
export const PAIR_LABELS = ['same', 'partial', 'different', 'conflict'] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];

/**
 * The kinds each label allows, so error lists can be read by pattern:
 * - same: `copy` (near word for word), `paraphrase` (the fact in other words)
 * - partial: `subset` (one sentence states the other's fact and more), `overlap` (both state one
 *   fact and each adds another of its own)
 * - different: `shared-subject` (same actors or topic, another fact), `shared-anchor` (a figure,
 *   date or name in common, another fact)
 * - conflict: `negation`, `comparison`, `modality`, `scope` (one denies or weakens the other),
 *   `figure`, `date`, `name` (one fact, a value differs)
 */
export const KINDS_OF: Readonly<Record<PairLabel, readonly string[]>> = {
  same: ['copy', 'paraphrase'],
  partial: ['subset', 'overlap'],
  different: ['shared-subject', 'shared-anchor'],
  conflict: ['negation', 'comparison', 'modality', 'scope', 'figure', 'date', 'name'],
};

/**
 * Why a pair was drawn for labelling (the stratum; `scripts/draw-sentence-pairs.ts`), so the set's
 * make-up can be checked; `by-hand`: picked while reading the story, for a paraphrase or a
 * disagreement the strata did not reach.
 */
export const DRAWN = ['joined', 'near-threshold', 'shared-anchor', 'paraphrase-search', 'by-hand'] as const;

const sentenceRef = z.strictObject({
  /** `<articleId>#<index>`: the sentence's id in the pipeline's split of that article. */
  sentence: z.string().regex(/^[a-z0-9][a-z0-9-]*#\d+$/, 'must be `<articleId>#<index>`'),
  /** First 10 hex digits of the SHA-256 of the sentence's text, to notice a text or split that changed. */
  hash: z.string().regex(/^[0-9a-f]{10}$/, 'must be 10 lowercase hex digits (see sentenceHash)'),
});

const pairEntry = z.strictObject({
  /** A stable id for messages: `<corpus>-<n>`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  a: sentenceRef,
  b: sentenceRef,
  /** The hand label, given after reading both sentences in their articles. */
  label: z.enum(PAIR_LABELS),
  /** The pattern of the pair within its label (see `KINDS_OF`). */
  kind: z.string(),
  /** The stratum it was drawn from (see `DRAWN`); says nothing of its label. */
  drawn: z.enum(DRAWN),
  /** One line in the labeller's own words: why this label. Never the sentences' words at length. */
  reason: z.string().trim().min(3).max(200),
});

/** A label file, `eval/<corpus>/sentence-pairs.json`. */
export const pairLabelsSchema = z.strictObject({
  about: z.string().min(1),
  /** `seeds` (content/articles) or a corpus folder under eval/. */
  corpus: z.string().min(1),
  /** The story the pairs come from, in words. */
  story: z.string().min(1),
  /**
   * The story's articles when the pairs were drawn: the align stage weighs words by IDF over the
   * story's sentences, so the score is computed over these articles' sentences.
   */
  articles: z.array(z.string().min(1)).min(2),
  pairs: z.array(pairEntry).min(1),
});

export type PairLabels = z.infer<typeof pairLabelsSchema>;
export type PairEntry = z.infer<typeof pairEntry>;

/** The short hash a label file keeps of each sentence's text. */
export function sentenceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
}

/**
 * Parses a label file. Throws a `ManifestError` naming the file and the field for malformed JSON,
 * a schema problem, a kind its label does not allow, a repeated id, a pair inside one article, or
 * a sentence of an article the file's `articles` does not list.
 */
export function parsePairLabels(json: string, file: string): PairLabels {
  const labels = parseEvalJson(json, file, pairLabelsSchema, 'the sentence-pair labels', 'src/eval/sentence-pairs.ts');
  const ids = new Set<string>();
  const articles = new Set(labels.articles);
  labels.pairs.forEach((pair, index) => {
    const field = `pairs.${index}`;
    if (!KINDS_OF[pair.label].includes(pair.kind)) {
      throw new ManifestError(`kind \`${pair.kind}\` does not go with label \`${pair.label}\``, { file, field: `${field}.kind`, found: pair.kind, fix: `use one of: ${KINDS_OF[pair.label].join(', ')}` });
    }
    if (ids.has(pair.id)) throw new ManifestError('two pairs share an id', { file, field: `${field}.id`, found: pair.id, fix: 'give each pair its own id' });
    ids.add(pair.id);
    const [aArticle, bArticle] = [articleOf(pair.a.sentence), articleOf(pair.b.sentence)];
    if (aArticle === bArticle) {
      throw new ManifestError('a pair must join sentences of two articles', { file, field: `${field}.b.sentence`, found: pair.b.sentence, fix: 'pick the second sentence from another source' });
    }
    for (const [side, article] of [['a', aArticle], ['b', bArticle]] as const) {
      if (!articles.has(article)) {
        throw new ManifestError('a pair cites an article the story does not list', { file, field: `${field}.${side}.sentence`, found: article, fix: 'add the article to `articles` or correct the id' });
      }
    }
  });
  return labels;
}

/** The article id of a `<articleId>#<index>` reference. */
export function articleOf(sentenceId: string): string {
  return sentenceId.slice(0, sentenceId.lastIndexOf('#'));
}

/** A labelled pair with both sentences found in the current split. */
export interface ResolvedPair extends PairEntry {
  corpus: string;
  aText: string;
  bText: string;
}

/**
 * Finds each pair's sentences in `articles` (the pipeline's split of the story's texts) and
 * checks their hashes. `textPath(articleId)` says where an article's text lives, for messages.
 * Throws an `ArticleFileError` naming the text and the pair when an article is missing, a sentence
 * is gone or its text changed, with how to fix it; when several changed, one error lists them all.
 */
export function resolvePairs(labels: PairLabels, articles: readonly SegmentedArticle[], labelFile: string, textPath: (articleId: string) => string): ResolvedPair[] {
  const byArticle = new Map(articles.map((article) => [article.id, article]));
  for (const id of labels.articles) {
    if (!byArticle.has(id)) {
      throw new ArticleFileError(`the text of article \`${id}\` is missing`, {
        file: textPath(id),
        field: `${labelFile} articles`,
        found: 'no such article after import',
        fix: 'gather the text again from the manifest (see eval/README.md) before scoring the pairs',
      });
    }
  }
  const drifted: ArticleFileError[] = [];
  const resolved = labels.pairs.map((pair) => {
    const [aText, bText] = (['a', 'b'] as const).map((side) => {
      const ref = pair[side];
      const articleId = articleOf(ref.sentence);
      const sentence = byArticle.get(articleId)?.sentences.find((s) => s.id === ref.sentence);
      if (sentence === undefined || sentenceHash(sentence.text) !== ref.hash) {
        drifted.push(
          new ArticleFileError(`pair \`${pair.id}\` no longer finds its sentence \`${ref.sentence}\``, {
            file: textPath(articleId),
            field: `${labelFile} ${pair.id}.${side}`,
            found: sentence === undefined ? 'the article has no sentence at that index' : `a sentence whose hash is ${sentenceHash(sentence.text)}, not ${ref.hash}`,
            fix: `the text or the sentence splitter changed: restore the text as gathered (eval/README.md), or read the pair again and update its index and hash (\`npm run eval:pairs -- --sentences ${labels.corpus}:${articleId}\` lists that article's sentences with their hashes)`,
          }),
        );
        return '';
      }
      return sentence.text;
    }) as [string, string];
    return { ...pair, corpus: labels.corpus, aText, bText };
  });
  const [first] = drifted;
  if (first !== undefined && drifted.length === 1) throw first;
  if (first !== undefined) {
    // A changed splitter moves many sentences at once: name them all, so one pass repairs them.
    throw new ArticleFileError(`${drifted.length} labelled sentences no longer match their texts`, {
      file: labelFile,
      found: `\n${drifted.map((error) => error.message.split('\n')[0]?.replace(/^/, '    ')).join('\n')}`,
      fix: first.fix.replace(/`npm run eval:pairs -- --sentences [^`]+`/, '`npm run eval:pairs -- --sentences <corpus>:<articleId>`'),
    });
  }
  return resolved;
}

/** How the align stage's pair rule decided one labelled pair. */
export interface PairOutcome {
  pair: ResolvedPair;
  /** The label says one fact is shared (same or partial): the pair should be joined. */
  positive: boolean;
  /** The align stage's pair rule joins it. */
  aligned: boolean;
  score: number;
  topical: number;
  /** What kept it apart when the score reached the threshold (or a sentence is never a claim). */
  refusedBy?: Refusal;
}

/**
 * Why a pair that scored high enough was still not joined: a figure, date or name that disagrees,
 * a stance that differs, or a sentence the align stage leaves out (a heading or page chrome).
 */
export type Refusal = 'figures' | 'dates' | 'names' | 'stance' | 'left-out';

/** Options of `scorePairs`; defaults are the align stage's. */
export interface PairScoreOptions {
  threshold?: number;
}

/**
 * Decides each pair as the align stage's pair rule does: features of every claim-bearing sentence
 * of the story (names the story knows added, as `alignClaims` adds them), IDF over them, and a pair
 * joined when `scorePair` reaches the threshold, no anchor disagrees and no stance differs. A
 * sentence the stage leaves out (a heading or page chrome) is never joined. Group-level rules
 * (leads, average linkage, folding a restated clause) are not applied: this measures the pair rule.
 */
export function scorePairs(pairs: readonly ResolvedPair[], articles: readonly SegmentedArticle[], options: PairScoreOptions = {}): PairOutcome[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_OPTIONS.threshold;
  const claimBearing: SentenceFeatures[] = [];
  const leftOut = new Set<string>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      if (sentence.kind === 'heading' || isChromeSentence(sentence.text)) leftOut.add(sentence.id);
      else claimBearing.push(sentenceFeatures(sentence.id, article.id, sentence.text));
    }
  }
  const features = withStoryNames(claimBearing);
  const idf = buildIdf(features);
  const byId = new Map(features.map((f) => [f.id, f]));
  return pairs.map((pair) => {
    const a = byId.get(pair.a.sentence) ?? sentenceFeatures(pair.a.sentence, articleOf(pair.a.sentence), pair.aText);
    const b = byId.get(pair.b.sentence) ?? sentenceFeatures(pair.b.sentence, articleOf(pair.b.sentence), pair.bText);
    const outcome = decide(a, b, idf, threshold);
    const positive = pair.label === 'same' || pair.label === 'partial';
    if (leftOut.has(pair.a.sentence) || leftOut.has(pair.b.sentence)) {
      return { pair, positive, aligned: false, score: outcome.result.score, topical: outcome.result.topical, refusedBy: 'left-out' };
    }
    return { pair, positive, aligned: outcome.aligned, score: outcome.result.score, topical: outcome.result.topical, ...(outcome.refusedBy === undefined ? {} : { refusedBy: outcome.refusedBy }) };
  });
}

/** The pair rule itself, shared by the real pairs and the invented fixture. */
function decide(a: SentenceFeatures, b: SentenceFeatures, idf: IdfTable, threshold: number): { result: PairScore; aligned: boolean; refusedBy?: Refusal } {
  const result = scorePair(a, b, idf);
  if (result.score < threshold) return { result, aligned: false };
  if (anchorsDisagree(result)) {
    const which = result.figures === 'disagree' ? 'figures' : result.dates === 'disagree' ? 'dates' : 'names';
    return { result, aligned: false, refusedBy: which };
  }
  if (stanceDifference(a.text, b.text) !== undefined) return { result, aligned: false, refusedBy: 'stance' };
  return { result, aligned: true };
}

/**
 * Whether the build cites each pair's two sentences on one claim: what a reader of the digest
 * sees, after the align stage's group rules (leads, a claim contained in a longer sentence, a
 * restated clause folded in), where `scorePairs` measures the pair rule alone.
 */
export function citedTogether(pairs: readonly PairEntry[], claims: readonly { sentenceIds: readonly string[] }[]): boolean[] {
  const claimsOf = new Map<string, Set<number>>();
  claims.forEach((claim, index) => {
    for (const id of claim.sentenceIds) claimsOf.set(id, (claimsOf.get(id) ?? new Set()).add(index));
  });
  return pairs.map((pair) => {
    const a = claimsOf.get(pair.a.sentence);
    const b = claimsOf.get(pair.b.sentence);
    return a !== undefined && b !== undefined && [...a].some((index) => b.has(index));
  });
}

/** One invented pair of `tests/fixtures/align/labeled-pairs.json`. */
export interface InventedPair {
  label: PairLabel;
  kind?: string;
  a: string;
  b: string;
}

/**
 * Decides the invented pairs as `tests/unit/align-claims.test.ts` does: IDF over every labelled
 * sentence, as if they were one story. Returns counts in the same form as the real pairs.
 */
export function scoreInventedPairs(pairs: readonly InventedPair[], options: PairScoreOptions = {}): { label: PairLabel; positive: boolean; aligned: boolean }[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_OPTIONS.threshold;
  const texts = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const features = new Map(texts.map((text, i) => [text, sentenceFeatures(`s#${i}`, `a${i}`, text)]));
  const idf = buildIdf([...features.values()]);
  return pairs.map((pair) => {
    const a = features.get(pair.a) as SentenceFeatures;
    const b = features.get(pair.b) as SentenceFeatures;
    return { label: pair.label, positive: pair.label === 'same' || pair.label === 'partial', aligned: decide(a, b, idf, threshold).aligned };
  });
}

/** Precision and recall of joining, with the counts they come from. */
export interface PrecisionRecall {
  pairs: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Share of joined pairs that are positive; 1 when nothing is joined. */
  precision: number;
  /** Share of positive pairs joined; 1 when there are none. */
  recall: number;
}

/** Precision and recall over decided pairs. */
export function precisionRecall(outcomes: readonly { positive: boolean; aligned: boolean }[]): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const o of outcomes) {
    if (o.aligned && o.positive) tp += 1;
    else if (o.aligned) fp += 1;
    else if (o.positive) fn += 1;
  }
  return {
    pairs: outcomes.length,
    positives: outcomes.filter((o) => o.positive).length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** One row per `label/kind`: how many pairs it holds and how many the pair rule joins. */
export function joinedByKind(outcomes: readonly PairOutcome[]): { kind: string; pairs: number; joined: number }[] {
  const rows = new Map<string, { kind: string; pairs: number; joined: number }>();
  for (const o of outcomes) {
    const kind = `${o.pair.label}/${o.pair.kind}`;
    const row = rows.get(kind) ?? { kind, pairs: 0, joined: 0 };
    row.pairs += 1;
    if (o.aligned) row.joined += 1;
    rows.set(kind, row);
  }
  const order = (kind: string) => PAIR_LABELS.indexOf(kind.split('/')[0] as PairLabel);
  return [...rows.values()].sort((x, y) => order(x.kind) - order(y.kind) || compare(x.kind, y.kind));
}

/** The errors of a set of outcomes, false positives and false negatives, each grouped by `label/kind`. */
export function errorsByKind(outcomes: readonly PairOutcome[]): { falsePositives: Map<string, PairOutcome[]>; falseNegatives: Map<string, PairOutcome[]> } {
  const group = (list: PairOutcome[]) => {
    const map = new Map<string, PairOutcome[]>();
    for (const o of [...list].sort((x, y) => compare(`${x.pair.label}/${x.pair.kind}`, `${y.pair.label}/${y.pair.kind}`) || compare(x.pair.id, y.pair.id))) {
      const key = `${o.pair.label}/${o.pair.kind}`;
      map.set(key, [...(map.get(key) ?? []), o]);
    }
    return map;
  };
  return { falsePositives: group(outcomes.filter((o) => o.aligned && !o.positive)), falseNegatives: group(outcomes.filter((o) => !o.aligned && o.positive)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
