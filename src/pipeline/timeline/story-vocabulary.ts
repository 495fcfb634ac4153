/**
 * How often a story uses a name or a word: the timeline counts a shared name or word as evidence
 * of one happening only when few of the story's sentences use it.
 */
import type { SegmentedArticle } from '../../types.ts';
import { eventTerms, multiWordNames } from './same-happening.ts';

/** Share of a story's sentences above which a name is its subject, too common to show two statements tell one happening. */
const COMMON_NAME_SHARE = 0.15;

/**
 * The test for a distinctive name: one that at most a few of the story's sentences use (at most
 * three, or `COMMON_NAME_SHARE` of them).
 */
function distinctiveNames(articles: SegmentedArticle[]): (name: string) => boolean {
  return fewSentencesUse(articles, COMMON_NAME_SHARE, (text) => new Set(multiWordNames(text)));
}

/**
 * A test for what few of the story's sentences use: at most three, or `share` of them, of the keys
 * `keysOf` reads in a sentence. Counted on first use only: most stories never need it.
 */
function fewSentencesUse(articles: SegmentedArticle[], share: number, keysOf: (text: string) => Iterable<string>): (key: string) => boolean {
  let counts: Map<string, number> | undefined;
  let limit = 3;
  return (key) => {
    if (counts === undefined) {
      counts = new Map();
      const sentences = articles.flatMap((a) => a.sentences.filter((s) => s.kind !== 'heading'));
      limit = Math.max(3, sentences.length * share);
      for (const sentence of sentences) for (const found of keysOf(sentence.text)) counts.set(found, (counts.get(found) ?? 0) + 1);
    }
    return (counts.get(key) ?? 0) <= limit;
  };
}

/** How often the story uses a name or a word: what `sameHappening` weighs a shared one by. */
export interface Vocabulary {
  distinctiveName: (name: string) => boolean;
  rareTerm: (term: string) => boolean;
}

/** Share of a story's sentences above which a word is its common vocabulary, too common for one shared word to show one happening. */
const COMMON_TERM_SHARE = 0.05;

/**
 * The test for a rare event term: one that at most a few of the story's sentences use (at most
 * three, or `COMMON_TERM_SHARE` of them).
 */
function rareTerms(articles: SegmentedArticle[]): (term: string) => boolean {
  return fewSentencesUse(articles, COMMON_TERM_SHARE, eventTerms);
}


/** The story's vocabulary tests, each counted on first use. */
export function storyVocabulary(articles: SegmentedArticle[]): Vocabulary {
  return { distinctiveName: distinctiveNames(articles), rareTerm: rareTerms(articles) };
}
