/**
 * What a disagreement is about, in the sources' own words: the clause that states the disputed
 * value with the value left out ("Orland’s stock rose … on the day of the launch"), or for a
 * name, what the sources call the thing they name ("The name of the new research unit").
 */
import { contentTerms } from '../../text-features.ts';
import type { NameSpan } from './name-roles.ts';
import { clauseAround } from './value-frames.ts';

/** One statement of a disputed value: its sentence, where the value stands, and the names around it. */
export interface ValueMention {
  text: string;
  /** Offset and length of the value in the sentence. */
  index: number;
  length: number;
  /** The party the value is about, when known. */
  who?: NameSpan;
  /** Other names that say what the value measures or dates. */
  names: NameSpan[];
}

/** Longest topic taken whole; a longer clause is cut to a few words either side of the value. */
const MAX_TOPIC = 80;
/** Words kept either side of the value when a clause is cut. */
const SIDE_WORDS = 6;

/** An attribution that opens a clause ("Business Insider reports", "Analysts said that"). */
const LEADING_ATTRIBUTION = /^(?:[\p{Lu}][\p{L}\p{N}’'&.-]*\s+){1,4}(?:reports?|reported|says?|said|notes?|noted|writes?|wrote|estimates?|estimated)\s+(?:that\s+)?/u;
/** A date phrase or connective that opens a clause ("In June 2025, ", "However, "). */
const LEADING_FILLER = /^(?:(?:and|but|so|yet|however|meanwhile|still|also)\s*,?\s+|(?:in|on|by|since)\s+(?:\p{L}+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2},\s+)/iu;

/**
 * The best wording of a disputed figure or date among its statements: from the party it is about
 * to the thing it is measured on, the value replaced by "…". Wordings that name both the party and
 * the metric win, then the shorter; ties go to the first statement.
 */
export function valueTopic(mentions: ValueMention[]): string {
  const scored = mentions.map((mention, order) => {
    const { phrase, hasWho, hasMetric } = wording(mention);
    return { phrase, order, score: (hasWho ? 2 : 0) + (hasMetric ? 2 : 0) + (phrase.length <= 60 ? 1 : 0) };
  });
  const best = scored.filter((s) => s.phrase.length > 1).sort((a, b) => b.score - a.score || a.phrase.length - b.phrase.length || a.order - b.order)[0];
  return best?.phrase ?? 'A figure the sources give differently';
}

function wording(mention: ValueMention): { phrase: string; hasWho: boolean; hasMetric: boolean } {
  const { text, index, length } = mention;
  let [start, end] = clauseAround(text, index);
  const lead = text.slice(start, index);
  const attribution = LEADING_ATTRIBUTION.exec(lead);
  if (attribution !== null) start += attribution[0].length;
  const filler = LEADING_FILLER.exec(text.slice(start, index));
  if (filler !== null) start += filler[0].length;
  const inClause = (span: NameSpan): boolean => span.index >= start && span.end <= end;
  const who = mention.who !== undefined && inClause(mention.who) ? mention.who : undefined;
  const names = mention.names.filter(inClause);
  const after = names.filter((span) => span.index >= index + length);
  const before = names.filter((span) => span.end <= index);
  // From the party (or the first name before the value) to the last name after it, within the clause.
  const named = who?.index ?? before[0]?.index;
  // A few words opening the clause belong with the party ("Shares of Orland Motors").
  const from = named === undefined ? wordsBefore(text, index, start, SIDE_WORDS) : text.slice(start, named).trim().split(/\s+/u).filter(Boolean).length <= 3 ? start : named;
  const to = after.length > 0 ? Math.max(...after.map((span) => span.end)) : wordsAfter(text, index + length, end, SIDE_WORDS);
  let phrase = `${text.slice(from, index)}…${text.slice(index + length, to)}`;
  if (phrase.length > MAX_TOPIC) {
    phrase = `${text.slice(wordsBefore(text, index, start, SIDE_WORDS), index)}…${text.slice(index + length, wordsAfter(text, index + length, end, SIDE_WORDS))}`;
  }
  return { phrase: tidy(phrase), hasWho: who !== undefined, hasMetric: after.length > 0 || before.some((span) => span !== who) };
}

/** Offset of the `count`-th word before `at`, not before `limit`. */
function wordsBefore(text: string, at: number, limit: number, count: number): number {
  const starts = [...text.slice(limit, at).matchAll(/\S+/gu)].map((m) => limit + (m.index ?? 0));
  return starts[Math.max(0, starts.length - count)] ?? at;
}

/** Offset just after the `count`-th word after `at`, not past `limit`; stops at a comma. */
function wordsAfter(text: string, at: number, limit: number, count: number): number {
  const piece = text.slice(at, limit);
  const comma = piece.search(/,\s/u);
  const bounded = comma >= 0 ? piece.slice(0, comma) : piece;
  const ends = [...bounded.matchAll(/\S+/gu)].map((m) => at + (m.index ?? 0) + m[0].length);
  return ends[Math.min(count, ends.length) - 1] ?? at;
}

/** Trailing punctuation and spaces off, first letter capitalized. */
function tidy(phrase: string): string {
  const t = phrase.replace(/\s+/gu, ' ').replace(/^[\s,;:]+|[\s,;:.!?]+$/gu, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A sentence naming one variant of a disputed name, and where the name stands. */
export interface NameMention {
  text: string;
  index: number;
  end: number;
  articleId: string;
}

/** A noun phrase describing the name, after it (", the new research unit") or before it ("a division called"). */
const DESCRIPTOR_AFTER = /^,\s+((?:the|a|an)\s+[^,.;:—–()"“”]+?)(?=\s*(?:[,.;:—–()"“”]|\s(?:and|but|which|that|who)\s|$))/iu;
const DESCRIPTOR_BEFORE = /((?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+)\s+(?:called|named|dubbed|known\s+as)\s+(?:the\s+)?$/u;

/**
 * What a disputed name names, in the sources' words: "The name of" and the describing phrase most
 * shared across the sources (an appositive or "a … called"), or the words every variant shares
 * ("The name “Orland … Labs”") when no source describes it.
 */
export function nameTopic(variants: string[], mentions: NameMention[]): string {
  const descriptors: { phrase: string; articleId: string; order: number }[] = [];
  mentions.forEach((mention, order) => {
    const after = DESCRIPTOR_AFTER.exec(mention.text.slice(mention.end))?.[1];
    const before = DESCRIPTOR_BEFORE.exec(mention.text.slice(0, mention.index))?.[1];
    for (const phrase of [after, before]) {
      if (phrase !== undefined && phrase.split(/\s+/u).length <= 8) descriptors.push({ phrase: phrase.replace(/^(?:a|an)\s/iu, 'the '), articleId: mention.articleId, order });
    }
  });
  const termsOf = (phrase: string) => new Set(contentTerms(phrase));
  const best = descriptors
    .map((d) => {
      const own = termsOf(d.phrase);
      const support = descriptors.filter((o) => o.articleId !== d.articleId && [...termsOf(o.phrase)].some((t) => own.has(t))).length;
      return { ...d, support };
    })
    .sort((a, b) => b.support - a.support || a.phrase.length - b.phrase.length || a.order - b.order)[0];
  if (best !== undefined) return `The name of ${best.phrase.charAt(0).toLowerCase()}${best.phrase.slice(1)}`;
  return `The name “${sharedWords(variants)}”`;
}

/** The words every variant has in the same place, the others elided: "Orland … Labs". */
function sharedWords(variants: string[]): string {
  const first = variants[0]?.split(/\s+/u) ?? [];
  const others = variants.slice(1).map((variant) => variant.toLowerCase().split(/\s+/u));
  const common = first.map((word, i) => (others.every((o) => o.length === first.length && o[i] === word.toLowerCase()) ? word : '…'));
  return common.join(' ').replace(/…(?: …)+/gu, '…');
}
