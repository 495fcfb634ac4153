/**
 * Scores a story's citations against hand labels, two ways (issues 15 and 17):
 *
 * - **Fact gold** (`fact-gold.json`): the facts the sources state, each with every sentence that
 *   states it. For each fact, the claim that holds most of its sentences is the fact's claim; its
 *   citation recall is the share of the sources stating the fact that the claim cites, and its
 *   precision the share of the claim's cited sources that do state it. A fact stated in other
 *   words by two outlets but split into two claims loses recall: the reader sees it credited to
 *   fewer outlets than report it.
 * - **Support labels** (`support-labels.json`): every cited sentence of each multi-source claim,
 *   labelled full, partial, contradicts or none. Precision of `full` is the share of the citations
 *   the build marks full that the labels call full.
 *
 * Pure: the labels and the digest come in parsed; `scripts/eval-citations.ts` reads the files.
 */
import { z } from 'zod';
import { ManifestError } from '../errors.ts';
import { parseEvalJson } from './corpus-manifest.ts';
import { sentenceHash } from './sentence-pairs.ts';
import type { Claim, Digest, Story } from '../types.ts';

const FactGoldSchema = z.object({
  /** What was read, when, and how the ids are written. */
  about: z.string().min(1),
  /** Short keys for the sources (`A`), with the article id and its sentence count when labelled. */
  sources: z.record(z.string().min(1), z.object({ id: z.string().min(1), sentences: z.number().int().positive() })),
  facts: z.array(
    z.object({
      /** The fact in the labeller's own words. */
      fact: z.string().min(1),
      /** `<key>#<index>`: every sentence that states the fact; the fact's claim must cite each one's source. */
      states: z.array(z.string().regex(/^[^#]+#\d+$/u)).min(2),
      /** Sentences that state it inside a longer sentence or more weakly: their citation is neither rewarded nor penalised. */
      also: z.array(z.string().regex(/^[^#]+#\d+$/u)).optional(),
    }),
  ),
});

export type FactGold = z.infer<typeof FactGoldSchema>;

/** Parses fact-gold.json; a malformed file, or a sentence key naming no source, is a `ManifestError`. */
export function parseFactGold(text: string, file: string): FactGold {
  const gold = parseEvalJson(text, file, FactGoldSchema, 'the fact gold', 'FactGoldSchema in src/eval/score-citations.ts');
  gold.facts.forEach((fact, index) => {
    for (const ref of [...fact.states, ...(fact.also ?? [])]) {
      const key = ref.split('#')[0] as string;
      if (!(key in gold.sources)) {
        throw new ManifestError('a fact names a source key the gold does not list', { file, field: `facts.${index}`, found: ref, fix: `use one of ${Object.keys(gold.sources).join(', ')}` });
      }
    }
  });
  return gold;
}

/** How one fact's claim cites the sources that state it. */
export interface FactCitation {
  fact: string;
  /** The claim holding most of the fact's sentences; absent when none holds any. */
  claimId?: string;
  /** Sources that state the fact and are cited for it. */
  cited: string[];
  /** Sources that state the fact but are not cited by its claim. */
  missing: string[];
  /** Sources the claim cites as full support that state neither the fact nor a weaker version of it. */
  wrong: string[];
}

/** What `scoreFactGold` measured. */
export interface FactGoldScore {
  facts: FactCitation[];
  recall: number;
  precision: number;
}

/**
 * Scores `story`'s citations against `gold`. Throws a `ManifestError` when a source's sentence
 * count differs from the gold's (the splitter changed, so the ids may point at other sentences).
 */
export function scoreFactGold(story: Story, digest: Digest, gold: FactGold, file: string): FactGoldScore {
  const sentenceCounts = new Map(digest.sources.map((source) => [source.id, source.sentences.length]));
  for (const [key, source] of Object.entries(gold.sources)) {
    const count = sentenceCounts.get(source.id);
    if (count !== source.sentences) {
      throw new ManifestError('a source of the fact gold is missing or split differently than when it was labelled', {
        file,
        field: `sources.${key}`,
        found: count === undefined ? `no source ${source.id} in the digest` : `${count} sentences, gold says ${source.sentences}`,
        fix: 'check every sentence id of that source against `npm run digest -- --audit` and update the ids and the count',
      });
    }
  }
  const toId = (ref: string): string => {
    const [key, index] = ref.split('#') as [string, string];
    return `${gold.sources[key]?.id}#${index}`;
  };
  const articleOf = (sentenceId: string): string => sentenceId.slice(0, sentenceId.lastIndexOf('#'));
  const texts = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s.text])));
  let stated = 0;
  let found = 0;
  let citations = 0;
  let correct = 0;
  const facts = gold.facts.map((fact): FactCitation => {
    const states = new Set(fact.states.map(toId));
    const accepted = new Set([...states, ...(fact.also ?? []).map(toId)]);
    const claim = bestClaim(story.claims, states, texts);
    const stating = [...new Set([...states].map(articleOf))];
    const citedSentences = claim?.sentenceIds ?? [];
    // A source counts as cited for the fact when the claim cites one of its sentences that states it.
    const citesFact = (source: string): boolean => citedSentences.some((id) => articleOf(id) === source && accepted.has(id));
    const cited = stating.filter(citesFact);
    // A citation marked partial tells the reader which part the source supports, so it misleads
    // nobody; a full one from a source that does not state the fact does.
    const full = (source: string): boolean => claim?.support.find((s) => s.sourceId === source)?.part !== 'partial';
    const wrong = (claim?.sourceIds ?? []).filter((source) => !citesFact(source) && full(source));
    stated += stating.length;
    found += cited.length;
    citations += cited.length + wrong.length;
    correct += cited.length;
    return {
      fact: fact.fact,
      ...(claim === undefined ? {} : { claimId: claim.id }),
      cited,
      missing: stating.filter((source) => !cited.includes(source)),
      wrong,
    };
  });
  return { facts, recall: stated === 0 ? 1 : found / stated, precision: citations === 0 ? 1 : correct / citations };
}

/**
 * The fact's claim: the one holding most of `sentences`, and of those the one whose words come
 * from one of them (a sentence stating two facts is also cited on the other fact's claim);
 * earliest on a tie; undefined when none holds any.
 */
function bestClaim(claims: readonly Claim[], sentences: ReadonlySet<string>, texts: ReadonlyMap<string, string>): Claim | undefined {
  let best: Claim | undefined;
  let bestCount = 0;
  for (const claim of claims) {
    const held = claim.sentenceIds.filter((id) => sentences.has(id)).length;
    const count = held === 0 ? 0 : held + (sentences.has(ownSentence(claim, texts)) ? 0.5 : 0);
    if (count > bestCount) {
      best = claim;
      bestCount = count;
    }
  }
  return best;
}

const SupportLabelsSchema = z.object({
  /** What was read, when, and what each label means. */
  about: z.string().min(1),
  /**
   * Every sentence a label names, with the short hash of its text when it was labelled
   * (`sentenceHash`): a label is read against the words it was given for, or not at all.
   */
  sentences: z.record(z.string().regex(/^[^#]+#\d+$/u), z.string().regex(/^[0-9a-f]{10}$/u, 'must be 10 lowercase hex digits (see sentenceHash)')),
  labels: z.array(
    z.object({
      /** The sentence whose words the claim uses (`<article>#<index>`). */
      claim: z.string().min(1),
      /** The cited sentence. */
      sentence: z.string().min(1),
      label: z.enum(['full', 'partial', 'contradicts', 'none']),
      reason: z.string().min(1),
    }),
  ),
});

export type SupportLabels = z.infer<typeof SupportLabelsSchema>;

/**
 * Parses support-labels.json; a malformed file, or a label naming a sentence `sentences` has no
 * hash for, is a `ManifestError` naming the field.
 */
export function parseSupportLabels(text: string, file: string): SupportLabels {
  const labels = parseEvalJson(text, file, SupportLabelsSchema, 'the support labels', 'SupportLabelsSchema in src/eval/score-citations.ts');
  labels.labels.forEach((label, index) => {
    for (const field of ['claim', 'sentence'] as const) {
      if (labels.sentences[label[field]] !== undefined) continue;
      throw new ManifestError('a label names a sentence with no hash', {
        file,
        field: `labels[${index}].${field}`,
        found: label[field],
        fix: 'add the sentence and the hash of its text to `sentences` (see sentenceHash in src/eval/sentence-pairs.ts)',
      });
    }
  });
  return labels;
}

/**
 * Checks that every labelled sentence still reads as it did when labelled: its id is in the
 * digest and its text has the hash the file keeps. Throws one `ManifestError` listing every
 * sentence that is gone or changed (the text was gathered again differently, or the splitter
 * changed), so no label is scored against words it was not given for.
 */
export function checkSupportLabelTexts(labels: SupportLabels, digest: Digest, file: string): void {
  const texts = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s.text])));
  const drifted = Object.entries(labels.sentences).flatMap(([id, hash]) => {
    const text = texts.get(id);
    if (text === undefined) return [`${id} (no such sentence)`];
    const now = sentenceHash(text);
    return now === hash ? [] : [`${id} (hash ${now}, labelled ${hash})`];
  });
  if (drifted.length === 0) return;
  const one = drifted.length === 1;
  throw new ManifestError(`${drifted.length} labelled sentence${one ? '' : 's'} no longer read${one ? 's' : ''} as labelled`, {
    file,
    field: 'sentences',
    found: drifted.join(', '),
    fix: 'restore the texts as gathered (eval/README.md), or read those labels again against `npm run digest -- --audit` and update their ids and hashes',
  });
}

/** One citation of a multi-source claim: what the build marked and what the labels say. */
export interface ScoredSupport {
  claimId: string;
  /** The claim's own sentence: the key a label names as `claim`. */
  claimSentenceId: string;
  sentenceId: string;
  part: 'full' | 'partial';
  label?: SupportLabels['labels'][number]['label'];
}

/** What `scoreSupport` measured. */
export interface SupportScore {
  citations: ScoredSupport[];
  /** Labelled citations the build marks full and the labels call full, over labelled citations the build marks full. */
  fullPrecision: number;
  /** Labelled citations the build marks partial that the labels call partial, over all labelled partial ones still cited. */
  partialRecall: number;
  /** Cited sentences labelled `contradicts`: they should be a disagreement, not a citation. */
  contradicted: ScoredSupport[];
  /** Citations no label covers: label them before reading the scores. */
  unlabelled: ScoredSupport[];
}

/**
 * Matches each citation of `story`'s multi-source claims to its label, by the claim's own sentence
 * (the cited sentence whose words the claim's text uses) and the cited sentence.
 */
export function scoreSupport(story: Story, digest: Digest, labels: SupportLabels): SupportScore {
  const texts = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s.text])));
  const byPair = new Map(labels.labels.map((label) => [`${label.claim} ${label.sentence}`, label.label]));
  const citations: ScoredSupport[] = [];
  for (const claim of story.claims.filter((c) => c.sourceIds.length >= 2)) {
    const own = ownSentence(claim, texts);
    for (const sentenceId of claim.sentenceIds) {
      const sourceId = sentenceId.slice(0, sentenceId.lastIndexOf('#'));
      const part = claim.support.find((s) => s.sourceId === sourceId)?.part ?? 'full';
      // The claim's own sentence states the claim by definition.
      const label = sentenceId === own ? 'full' : byPair.get(`${own} ${sentenceId}`);
      citations.push({ claimId: claim.id, claimSentenceId: own, sentenceId, part, ...(label === undefined ? {} : { label }) });
    }
  }
  const labelled = citations.filter((c) => c.label !== undefined);
  const markedFull = labelled.filter((c) => c.part === 'full');
  const partial = labelled.filter((c) => c.label === 'partial');
  return {
    citations,
    fullPrecision: markedFull.length === 0 ? 1 : markedFull.filter((c) => c.label === 'full').length / markedFull.length,
    partialRecall: partial.length === 0 ? 1 : partial.filter((c) => c.part === 'partial').length / partial.length,
    contradicted: labelled.filter((c) => c.label === 'contradicts'),
    unlabelled: citations.filter((c) => c.label === undefined),
  };
}

/** The claim's own sentence: the cited sentence sharing most words with the claim's text. */
function ownSentence(claim: Claim, texts: ReadonlyMap<string, string>): string {
  const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}+|\d+/gu) ?? []);
  const claimWords = words(claim.text);
  let best = claim.sentenceIds[0] ?? '';
  let bestShare = -1;
  for (const id of claim.sentenceIds) {
    const sentenceWords = words(texts.get(id) ?? '');
    const shared = [...sentenceWords].filter((word) => claimWords.has(word)).length;
    const share = shared / Math.max(1, Math.max(sentenceWords.size, claimWords.size));
    if (share > bestShare) {
      best = id;
      bestShare = share;
    }
  }
  return best;
}
