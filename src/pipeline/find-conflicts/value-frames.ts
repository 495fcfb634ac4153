/**
 * What a figure or a date in a sentence is about, read from the words around it: its frame. Two
 * figures can only disagree when their frames say they measure the same thing (the same party,
 * the same metric, the same unit), and two dates only when they date the same happening. A model's
 * scores on two benchmarks, or three models' scores on one benchmark, have different frames.
 */
import { claimTerms, type DateMention } from '../claim-features.ts';
import type { Figure } from '../text-features.ts';
import { sameParty, type NameSpan } from './name-roles.ts';
import { periodOf, type Period } from './period-overlap.ts';

/** One figure of one sentence, with what it measures. */
export interface FigureFrame {
  /** Index of the sentence in the conflict finder's feature list. */
  sentence: number;
  articleId: string;
  figure: Figure;
  /** Offset of the figure in the sentence. */
  index: number;
  /** The party the figure is about ("Orland" in "Orland’s stock rose 9%"), when the clause names one. */
  who?: NameSpan;
  /** Other names the figure is measured on or given for ("Bramble Index", "Pellam AI"). */
  metrics: NameSpan[];
  /** Stemmed words next to the figure in its clause, synonyms folded ("stock", "rise", "day"). */
  terms: string[];
}

/** One date of one sentence, with the happening it dates. */
export interface DateFrame {
  sentence: number;
  articleId: string;
  date: DateMention;
  period: Period;
  index: number;
  /** Names in the date's clause (the subject of a relative clause included), sources left out. */
  names: NameSpan[];
  /** Stemmed words of the clause, synonyms folded, dates left out. */
  terms: string[];
}

/**
 * Words news uses interchangeably for one measure or one act, folded to one of them, so "shares
 * jumped" and "stock rose" are one measure and "formed the lab" and "created the lab" one act.
 */
const FOLDS: ReadonlyMap<string, string> = new Map(
  [
    ['stock', ['share', 'equiti']],
    ['rise', ['rose', 'risen', 'jump', 'climb', 'gain', 'surg', 'soar', 'up', 'higher', 'rallied', 'ralli', 'advanc']],
    ['fall', ['fell', 'fallen', 'drop', 'slid', 'slide', 'sank', 'sink', 'declin', 'tumbl', 'plung', 'down', 'lower', 'slump']],
    ['invest', ['spent', 'spend', 'pour', 'put', 'commit', 'stake', 'fund']],
    ['launch', ['unveil', 'debut', 'releas', 'introduc', 'announc', 'roll']],
    ['creat', ['form', 'establish', 'assembl', 'found', 'set', 'start']],
    ['score', ['post', 'reach', 'achiev', 'land', 'hit', 'sit', 'came', 'come']],
    ['acquir', ['bought', 'buy', 'purchas']],
  ].flatMap(([canonical, others]) => (others as string[]).map((other) => [other, canonical as string] as const)),
);

/**
 * Measure words that say how a figure changed or was reached, not what it measures: two figures
 * sharing only these ("rose", "scored") are not shown to measure one thing.
 */
const GENERIC_TERMS = new Set(['rise', 'fall', 'score', 'invest', 'total', 'grow', 'grew', 'increas', 'cost', 'valu', 'estim', 'report', 'said', 'sai', 'accord', 'nearli', 'almost', 'about', 'around', 'just', 'percent', 'billion', 'million', 'thousand', 'trillion']);

/** Words that only date a statement; a date's own clause always has them. */
const DATE_TERMS = new Set(
  claimTerms(
    'january february march april may june july august september october november december monday tuesday wednesday thursday ' +
      'friday saturday sunday year years month months week weeks day days ago early late mid quarter today yesterday',
  ),
);

/** Where a clause ends: strong punctuation, quotation marks, or a comma before a new clause. */
const CLAUSE_BREAK =
  /\s*[;:—–()[\]“”"]\s*|\s+-\s+|,\s+(?=(?:which|who|whose|while|whereas|but|although|though|compared|behind|ahead|trailing|versus|vs\.?|and|as well as|according|placing|putting|making|meaning|bringing|leaving|up from|down from)\b)/giu;

/** How many words either side of a figure its measure words are taken from. */
const TERM_WINDOW = 6;

/** The clause of `text` around offset `at`, as [start, end). */
export function clauseAround(text: string, at: number): [number, number] {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const index = match.index ?? 0;
    if (index + match[0].length <= at) start = index + match[0].length;
    else if (index >= at) {
      end = index;
      break;
    }
  }
  return [start, end];
}

/** Folds one stemmed term to the word it is used interchangeably with. */
function fold(term: string): string {
  return FOLDS.get(term) ?? term;
}

/** Stemmed, folded content words of a piece of text, without digits, names' words or dates. */
function termsOf(text: string, nameWords: Set<string>): string[] {
  return [...new Set(claimTerms(text).filter((term) => !nameWords.has(term) && !DATE_TERMS.has(term)).map(fold))].sort();
}

/** Offsets of each figure in the sentence, in order (figures are found in text order). */
function figureOffsets(text: string, figures: Figure[]): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (const figure of figures) {
    const at = text.indexOf(figure.raw, from);
    offsets.push(at < 0 ? -1 : at);
    if (at >= 0) from = at + figure.raw.length;
  }
  return offsets;
}

/** The last name before offset `at` that a relative clause ("…, which scores 57") refers back to. */
function antecedent(spans: NameSpan[], clauseStart: number, text: string): NameSpan | undefined {
  if (!/^(?:which|who|whose)\b/iu.test(text.slice(clauseStart))) return undefined;
  return spans.filter((span) => span.end <= clauseStart && span.role !== 'source').at(-1);
}

/**
 * The frames of every figure in one sentence, whose names (`nameSpans`) are given. A sentence that pairs figures with parties
 * "respectively" gives none: which figure belongs to whom cannot be read from word order.
 */
export function figureFrames(sentence: number, articleId: string, text: string, figures: Figure[], spans: NameSpan[]): FigureFrame[] {
  if (figures.length === 0 || /\brespectively\b/iu.test(text)) return [];
  const nameWords = new Set(spans.flatMap((span) => claimTerms(span.text)));
  const offsets = figureOffsets(text, figures);
  const frames: FigureFrame[] = [];
  figures.forEach((figure, k) => {
    const at = offsets[k] ?? -1;
    if (at < 0) return;
    const [start, end] = clauseAround(text, at);
    const inClause = spans.filter((span) => span.index >= start && span.end <= end);
    const who = whoOf(text, at, inClause, start) ?? antecedent(spans, start, text);
    // Each other name goes with the nearest figure of the sentence: "81.2 on Quill and 76.9 on Tessel".
    const nearest = (span: NameSpan): number => {
      let best = -1;
      let bestDistance = Infinity;
      offsets.forEach((offset, j) => {
        if (offset < 0) return;
        const distance = offset < span.index ? span.index - (offset + (figures[j]?.raw.length ?? 0)) : offset - span.end;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = j;
        }
      });
      return best;
    };
    const metrics = spans.filter((span) => span.role !== 'source' && span !== who && !(who !== undefined && sameParty(span.key, who.key)) && nearest(span) === k);
    const words = [...text.slice(start, end).matchAll(/\S+/gu)].map((m) => ({ word: m[0], index: start + (m.index ?? 0) }));
    const position = words.findIndex((w) => w.index + w.word.length > at);
    const window = words.slice(Math.max(0, position - TERM_WINDOW), position + TERM_WINDOW + 1).map((w) => w.word).join(' ');
    const frame: FigureFrame = { sentence, articleId, figure, index: at, metrics, terms: termsOf(window.replace(figure.raw, ' '), nameWords) };
    if (who !== undefined) frame.who = who;
    frames.push(frame);
  });
  return frames;
}

/**
 * The party a figure is about: a possessive name just before it ("Vesper 3.1 Pro’s 88.4%",
 * "Orland’s stock rose 9%"), else the nearest name before it in its clause that opens a predicate:
 * not the object of a preposition ("On the Index, Corvid scores 61": Corvid, not the Index), and
 * followed by a word rather than a comma (in "Orland hired Rein, head of the firm Pellam AI, after
 * investing $2 billion" the investor is Orland, not the firm named in passing).
 */
function whoOf(text: string, at: number, spans: NameSpan[], clauseStart: number): NameSpan | undefined {
  const before = spans.filter((span) => span.end <= at);
  const owner = before.filter((span) => span.possessive && span.role !== 'source').at(-1);
  if (owner !== undefined && text.slice(owner.end, at).trim().split(/\s+/u).filter(Boolean).length <= 3) return owner;
  const subjects = before.filter((span) => span.role === 'subject' && span.index >= clauseStart);
  const acting = subjects.filter((span) => /^\s+\p{Ll}/u.test(text.slice(span.end))).at(-1);
  if (acting !== undefined) return acting;
  // A name opening the clause, then a remark between commas: "Orland’s Ridgeback, its first truck, sold 900".
  const opening = subjects[0];
  if (opening !== undefined && /^\W*(?:\S+\s+)?$/u.test(text.slice(clauseStart, opening.index))) return opening;
  // The reporter is the party when no one else is named: "Orland said it will cut 1,200 jobs".
  return before.filter((span) => span.role === 'source' && span.index >= clauseStart).at(-1);
}

/** The frames of every date in one sentence, whose names (`nameSpans`) are given. */
export function dateFrames(sentence: number, articleId: string, text: string, dates: DateMention[], spans: NameSpan[]): DateFrame[] {
  if (dates.length === 0) return [];
  const nameWords = new Set(spans.flatMap((span) => claimTerms(span.text)));
  const frames: DateFrame[] = [];
  const located: { date: DateMention; at: number }[] = [];
  let from = 0;
  for (const date of dates) {
    const at = text.indexOf(date.raw, from);
    if (at < 0) continue;
    from = at + date.raw.length;
    located.push({ date, at });
  }
  located.forEach(({ date, at }, k) => {
    const [clauseStart, clauseEnd] = clauseAround(text, at);
    const [start, end] = ownPart(text, clauseStart, clauseEnd, at, date.raw.length, located[k - 1], located[k + 1]);
    const names = spans.filter((span) => span.index >= start && span.end <= end && span.role !== 'source');
    const subject = antecedent(spans, clauseStart, text);
    if (subject !== undefined && !names.includes(subject)) names.unshift(subject);
    const clause = `${text.slice(start, at)} ${text.slice(at + date.raw.length, end)}`;
    frames.push({ sentence, articleId, date, period: periodOf(date), index: at, names, terms: termsOf(clause, nameWords) });
  });
  return frames;
}

/**
 * The part of a clause a date dates when the clause holds other dates: from the previous date to
 * this one ("Founded in 1921, the firm was sold in 2019": "Founded in 1921" and "the firm was sold
 * in 2019"), or on to the next date when the date opens its part ("In 2019 the firm was sold").
 */
function ownPart(
  text: string,
  clauseStart: number,
  clauseEnd: number,
  at: number,
  length: number,
  previous: { date: DateMention; at: number } | undefined,
  next: { date: DateMention; at: number } | undefined,
): [number, number] {
  const prev = previous !== undefined && previous.at >= clauseStart ? previous.at + previous.date.raw.length : undefined;
  const following = next !== undefined && next.at < clauseEnd ? next.at : undefined;
  if (prev === undefined && following === undefined) return [clauseStart, clauseEnd];
  const start = prev ?? clauseStart;
  const wordsBefore = text.slice(start, at).trim().split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
  return wordsBefore >= 3 ? [start, at + length] : [start, following ?? clauseEnd];
}

/** Terms two frames share that say what is measured or done, beyond how ("rose", "scored"). */
export function sharedMeaningTerms(a: string[], b: string[]): number {
  const other = new Set(b);
  return a.filter((term) => other.has(term) && !GENERIC_TERMS.has(term)).length;
}

/** True when some name of one list and some name of the other can be one party. */
export function shareParty(a: NameSpan[], b: NameSpan[]): boolean {
  return a.some((x) => b.some((y) => sameParty(x.key, y.key)));
}

/**
 * True when two figure frames are known to measure different things: other units, other parties,
 * or other metrics (each names one, and none is shared). Counted things are not compared here:
 * news writes "jobs" and "positions" for one count; they count as words of the measure instead.
 */
export function differentMeasures(a: FigureFrame, b: FigureFrame): boolean {
  if (a.sentence === b.sentence) return true;
  if (a.figure.unit !== b.figure.unit && a.figure.value !== b.figure.value) return true;
  if (a.who !== undefined && b.who !== undefined && !sameParty(a.who.key, b.who.key)) return true;
  return a.metrics.length > 0 && b.metrics.length > 0 && !shareParty(a.metrics, b.metrics);
}

/**
 * True when two figure frames show they measure the same thing: not different (above), and either
 * the same metric named by both ("on the Bramble Index", "in Pellam AI") or the same party
 * with a word of what is measured in common ("Orland’s stock" / "shares of Orland").
 */
export function sameMeasure(a: FigureFrame, b: FigureFrame): boolean {
  if (differentMeasures(a, b)) return false;
  if (shareParty(a.metrics, b.metrics)) return true;
  const samePartyNamed = a.who !== undefined && b.who !== undefined;
  return samePartyNamed && sharedMeaningTerms(a.terms, b.terms) >= 1;
}

/** True when two date frames date different happenings: each clause names parties, none shared. */
export function differentHappenings(a: DateFrame, b: DateFrame): boolean {
  if (a.sentence === b.sentence) return true;
  return a.names.length > 0 && b.names.length > 0 && !shareParty(a.names, b.names);
}

/**
 * True when two date frames date the same happening: not different (above), a word of the act in
 * common, and a party both name or most of the shorter clause's words shared.
 */
export function sameHappening(a: DateFrame, b: DateFrame): boolean {
  if (differentHappenings(a, b)) return false;
  const shared = sharedMeaningTerms(a.terms, b.terms);
  if (shared === 0) return false;
  if (shareParty(a.names, b.names)) return true;
  return shared >= 2 && shared / Math.max(1, Math.min(a.terms.length, b.terms.length)) >= 0.5;
}
