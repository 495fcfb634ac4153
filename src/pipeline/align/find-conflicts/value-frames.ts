/**
 * What a figure or a date in a sentence is about, read from the words around it: its frame. Two
 * figures can only disagree when their frames say they measure the same thing (the same party,
 * the same metric, the same unit), and two dates only when they date the same happening. A model's
 * scores on two benchmarks, or three models' scores on one benchmark, have different frames.
 */
import { claimTerms, type DateMention } from '../claim-features.ts';
import type { Figure } from '../../text-features.ts';
import { sameParty, type NameSpan } from './name-roles.ts';
import { periodOf, type Period } from './period-overlap.ts';
import { spelledCounts } from './spelled-counts.ts';
import { alternatives, MONTHS, WEEKDAYS } from '../../calendar-words.ts';

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
  /** For a plain number, the stemmed word naming what it counts ("mile" in "70 miles south"), if one follows it. */
  counted?: string;
  /** Words of its clause that say when the value held ("monday", "evening"). */
  when: string[];
  /** For a distance, the compass direction after it ("south" in "eight miles south of the city"), if one is given. */
  direction?: string;
  /** How the text bounds the value: "more than 20" is a lower bound, "nearly 22" an upper one. */
  bound: Bound;
}

/** Whether a figure is stated as exact (or approximate), as a floor, or as a ceiling. */
export type Bound = 'exact' | 'lower' | 'upper' | 'near';

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
    ['launch', ['unveil', 'debut', 'releas', 'introduc', 'roll']],
    ['creat', ['form', 'establish', 'assembl', 'found', 'start']],
    ['score', ['post', 'reach', 'achiev', 'land', 'hit', 'sit', 'came', 'come']],
    ['acquir', ['bought', 'buy', 'purchas']],
  ].flatMap(([canonical, others]) => (others as string[]).map((other) => [other, canonical as string] as const)),
);

/**
 * Measure words that say how a figure changed or was reached, not what it measures: two figures
 * sharing only these ("rose", "scored") are not shown to measure one thing.
 */
// "Announced" only reports a happening ("announced it agreed to buy", "announced the completion"):
// two statements sharing it may tell two happenings.
const GENERIC_TERMS = new Set(['announc', 'rise', 'fall', 'score', 'invest', 'total', 'grow', 'grew', 'increas', 'cost', 'valu', 'estim', 'report', 'said', 'sai', 'accord', 'nearli', 'almost', 'about', 'around', 'just', 'percent', 'billion', 'million', 'thousand', 'trillion',
  // What kind of party it is ("the exchange", "the company"), not what of it is measured.
  'compani', 'firm', 'exchang', 'giant', 'maker', 'busi', 'startup',
  // Verbs of saying ("state" and "note" are nouns too): who said what is no act of a happening ("Ellison claimed …").
  ...claimTerms('told tells claim claims claimed argue argues argued wrote writes')]);

/** Units of measure: words two statements of different happenings share when both give a distance or a speed. */
const UNIT_TERMS = new Set(claimTerms('mile miles mph kilometre kilometres kilometer kilometers km kph feet foot inch inches metre metres meter meters percent'));

/** Words that only date a statement; a date's own clause always has them. */
const DATE_TERMS = new Set(
  claimTerms(
    `${MONTHS.join(' ')} ${WEEKDAYS.join(' ')} ` +
      'year years month months week weeks day days ago early late mid quarter today yesterday',
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
  return [...new Set(claimTerms(foldPhrases(text)).filter((term) => !nameWords.has(term) && !DATE_TERMS.has(term)).map(fold))].sort();
}

/**
 * "Set up" creates, but "set for March 28" schedules and "start-ups" are young firms: the phrase
 * is read before its words are folded, so only the act of creating folds into "creat".
 */
function foldPhrases(text: string): string {
  return text.replace(/\bset(?:s|ting)?\s+up\b/giu, 'established').replace(/\bstart-?ups?\b/giu, 'startups');
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
export function figureFrames(sentence: number, articleId: string, text: string, givenFigures: Figure[], spans: NameSpan[]): FigureFrame[] {
  if (/\brespectively\b/iu.test(text)) return [];
  const nameWords = new Set(spans.flatMap((span) => claimTerms(span.text)));
  // Counts written as words join the digits, in text order: "five deaths" meets "4 people dead".
  const digitOffsets = figureOffsets(text, givenFigures);
  const located = [
    ...givenFigures.map((figure, k) => ({ figure, index: digitOffsets[k] ?? -1 })),
    ...spelledCounts(text),
  ].sort((a, b) => a.index - b.index);
  if (located.length === 0) return [];
  const figures = located.map((item) => item.figure);
  const offsets = located.map((item) => item.index);
  const frames: FigureFrame[] = [];
  figures.forEach((figure, k) => {
    const at = offsets[k] ?? -1;
    if (at < 0) return;
    const [start, end] = clauseAround(text, at);
    const inClause = spans.filter((span) => span.index >= start && span.end <= end);
    const who = whoOf(text, at, inClause, start) ?? antecedent(spans, start, text);
    // Each other name goes with the nearest figure of the sentence: "81.2 on Quill and 76.9 on Tessel";
    // of its own clause when its clause has one ("50 warnings in Miami alone, and nearly 116 in the state").
    const nearest = (span: NameSpan): number => {
      const [spanStart, spanEnd] = clauseAround(text, span.index);
      const inOwnClause = offsets.some((offset) => offset >= spanStart && offset < spanEnd);
      let best = -1;
      let bestDistance = Infinity;
      offsets.forEach((offset, j) => {
        if (offset < 0) return;
        if (inOwnClause && (offset < spanStart || offset >= spanEnd)) return;
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
    if (notAQuantity(text, at, figure.raw.length)) return;
    const counted = figure.unit === '' ? countedWord(text.slice(at + figure.raw.length)) : undefined;
    const frame: FigureFrame = { sentence, articleId, figure, index: at, metrics, terms: termsOf(window.replace(figure.raw, ' '), nameWords), bound: boundOf(text.slice(0, at)), when: whenWords(text.slice(start, end)) };
    const direction = directionAfter(text.slice(at + figure.raw.length));
    if (direction !== undefined) frame.direction = direction;
    if (counted !== undefined) frame.counted = counted;
    const earlierCount = counted === undefined && figure.unit === '' ? inheritElidedCount(frame, frames, text.slice(at + figure.raw.length)) : undefined;
    // "Labour won 410 seats, with the Conservatives on 131": a name between the earlier count and
    // this one is whom this count is about, not the earlier count's party.
    const own = earlierCount === undefined ? undefined : metrics.filter((span) => span.index > earlierCount.index && span.end <= at).at(-1);
    if (own !== undefined) {
      frame.who = own;
      frame.metrics = metrics.filter((span) => span !== own);
    } else if (who !== undefined) frame.who = who;
    frames.push(frame);
  });
  return frames;
}

/** A compass direction just after a distance: "8 miles south", "about 5 km north-east of". */
const DIRECTION_AFTER = /^\s*(?:[\p{L}.]+\s+){1,2}((?:north|south)(?:[- ]?(?:east|west))?|east|west)(?!\p{L})/iu;

/** The direction named after a figure's unit, lowercased without a hyphen; none when there is none. */
function directionAfter(after: string): string | undefined {
  return DIRECTION_AFTER.exec(after)?.[1]?.toLowerCase().replace(/[- ]/gu, '');
}

/** What may follow a count whose counted word was left out because an earlier count of the sentence names it: "…, three in Volusia", "and nearly 116 in the state". */
const ELIDED_AFTER = /^\s*(?:in|at|across|on|from|for|statewide|overall|nationwide|[,;.]|$)/iu;

/**
 * A plain count that names nothing after it, in a sentence that just counted something of the same
 * unit ("More than 50 tornado warnings were issued in Miami, and nearly 116 in the state"; "five
 * deaths in one county, three in another"), counts the same thing: it takes the earlier count's
 * counted word and its words of what is counted. Returns that earlier count, or none when nothing was taken.
 */
function inheritElidedCount(frame: FigureFrame, earlier: FigureFrame[], after: string): FigureFrame | undefined {
  if (!ELIDED_AFTER.test(after)) return undefined;
  const antecedent = earlier.filter((other) => other.figure.unit === frame.figure.unit && other.counted !== undefined).at(-1);
  if (antecedent?.counted === undefined) return undefined;
  frame.counted = antecedent.counted;
  frame.terms = [...new Set([...frame.terms, ...antecedent.terms])].sort();
  return antecedent;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A number that is part of a clock time ("8:30 p.m.", "9 pm ET"). */
const TIME_AROUND = { before: /\d:$/u, after: /^(?::\d|\s?(?:a\.?m\b|p\.?m\b|a\.m\.|p\.m\.)|\s?(?:ET|EDT|EST|GMT|UTC)\b)/iu };
/** A number that is a day of a month ("Oct. 9", "9 October", "October 9th"). */
const DAY_AROUND = { before: new RegExp(`\\b${MONTH}\\s$`, 'iu'), after: new RegExp(`^(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH}(?!\\p{L})`, 'iu') };
/** A number that is a rank or label, not an amount ("category 3", "No. 5", "phase 2"). */
const LABEL_BEFORE = /\b(?:category|cat\.|level|no\.|number|phase|stage|grade|tier|round|highway|interstate|I-)\s?$/iu;

/**
 * True when the number at `at` is a clock time, a day of a month or a label: none of them is an
 * amount two sources could report differently, and all of them were once shown as rival figures.
 */
function notAQuantity(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + length, at + length + 14);
  return (
    TIME_AROUND.before.test(before) ||
    TIME_AROUND.after.test(after) ||
    DAY_AROUND.before.test(before) ||
    DAY_AROUND.after.test(after) ||
    LABEL_BEFORE.test(before)
  );
}

/** Words that can follow a number without saying what it counts. */
const NOT_COUNTED = new Set(claimTerms('and or to of in on at a an the per from by for with than as is was were are be had has have more less over about'));

/** Numbers written as words, which open the next count of a breakdown. */
const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty hundred'.split(' '));

/** Words news uses for one counted thing, folded to the first: "1,200 positions" and "800 jobs" count one thing. */
const COUNT_FOLDS: ReadonlyMap<string, string> = new Map(
  [
    ['jobs', 'positions roles posts workers employees staff staffers layoffs'],
    ['people', 'persons individuals'],
  ].flatMap(([canonical, others]) => (others ?? '').split(' ').map((word) => [claimTerms(word)[0] ?? word, claimTerms(canonical ?? '')[0] ?? ''] as const)),
);

/** The stemmed word after a plain number that says what it counts ("70 miles south" → "mile"); none when the next word does not. */
function countedWord(after: string): string | undefined {
  const match = /^\s*(?:\(|-)?\s*([\p{L}]+)(?:\s+(?:an|a|per)\s+(hour|day|week|month|year))?/u.exec(after);
  const word = match?.[1];
  if (word === undefined) return undefined;
  const stem = claimTerms(word)[0];
  if (stem === undefined || NOT_COUNTED.has(stem)) return undefined;
  // "120 miles an hour" is a speed, not a distance.
  const counted = COUNT_FOLDS.get(stem) ?? stem;
  if (match?.[2] !== undefined) return `${counted}/${match[2]}`;
  const kind = countedKind(after.slice((match?.index ?? 0) + (match?.[0].length ?? 0)));
  return kind === undefined ? counted : `${counted}/${kind}`;
}

/**
 * What kind of the counted thing a count names after "of" ("two counts of wire fraud", "seven
 * counts of fraud and conspiracy"): its lowercase words up to the next count or the clause's end,
 * stemmed and sorted, so "two counts of fraud" and "five counts of conspiracy" are two measures,
 * parts of a breakdown, and neither rivals "all seven counts". None when no "of" follows.
 */
function countedKind(after: string): string | undefined {
  const of = /^\s+of\s+([^.;:()]*)/u.exec(after);
  if (of?.[1] === undefined) return undefined;
  const words: string[] = [];
  // A list of kinds is one kind ("seven counts of wire fraud, securities fraud and money laundering").
  for (const word of of[1].trim().replace(/,/gu, ' ').split(/\s+/u)) {
    // The next count of a breakdown ("… of fraud and five counts of …") starts another kind.
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || NUMBER_WORDS.has(word) || words.length === 8) break;
    words.push(word);
  }
  while (words.length > 0 && /^(?:and|or)$/u.test(words.at(-1) ?? '')) words.pop();
  const kind = claimTerms(words.join(' '));
  return kind.length === 0 ? undefined : [...new Set(kind)].sort().join(' ');
}

/** Words that say when a figure held: two frames naming different ones give a value at two times. */
const WHEN = new RegExp(
  String.raw`\b(?:${alternatives(WEEKDAYS)}|today|yesterday|tonight|morning|afternoon|evening|overnight|${alternatives(MONTHS.filter((month) => month !== 'may'))})\b`,
  'giu',
);

/** The words of `clause` that say when (lowercased, sorted). */
export function whenWords(clause: string): string[] {
  return [...new Set([...clause.matchAll(WHEN)].map((m) => m[0].toLowerCase()))].sort();
}

/**
 * How the words just before a figure bound it: a floor ("more than", "at least", "over"), a
 * ceiling ("up to", "less than"), a value just short of it ("nearly", "almost"), or neither.
 */
function boundOf(before: string): Bound {
  const tail = before.slice(-24).toLowerCase();
  if (/(?:more than|at least|over|upwards of|above|exceeding|in excess of)\s+(?:[$€£]\s?)?$/u.test(tail)) return 'lower';
  if (/(?:nearly|almost|just under|close to|shy of)\s+(?:[$€£]\s?)?$/u.test(tail)) return 'near';
  if (/(?:up to|under|less than|fewer than|below)\s+(?:[$€£]\s?)?$/u.test(tail)) return 'upper';
  return 'exact';
}

/** How far below its figure "nearly" or "almost" may fall: "nearly 22 months" is 19 to 22, not 8. */
const NEAR_SHARE = 0.85;

/**
 * True when two different values can both be true because one is a bound the other meets: "more
 * than 20 months" and "nearly 22 months", or "more than 230" and "237". Two floors (or two
 * ceilings) are read as the counts two sources gave, so "at least 10" and "at least 11" still
 * differ; "nearly $10 billion" is a little under ten, so it differs from "$8 billion".
 */
export function boundsAgree(a: FigureFrame, b: FigureFrame): boolean {
  if (a.bound === b.bound) return false;
  const range = (frame: FigureFrame): [number, number] => {
    const value = frame.figure.value;
    if (frame.bound === 'lower') return [value, Infinity];
    if (frame.bound === 'upper') return [-Infinity, value];
    if (frame.bound === 'near') return [value * NEAR_SHARE, value];
    return [value, value];
  };
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  return a0 <= b1 && b0 <= a1;
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
    // "During the 2016 presidential election": the year names which election, and dates no act of the clause.
    if (attributiveYear(text, at, date.raw)) return;
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
 * True for a year written as a noun's modifier ("the 2016 presidential election", "its 2023
 * model"): after an article or a possessive and before a lowercase word, it names which one, and
 * two such years ("the 2016 election", "the 2024 election") name two things, not two datings of one.
 * False for a year that dates its clause ("in 2016", "founded FTX in 2019").
 */
function attributiveYear(text: string, at: number, raw: string): boolean {
  return (
    /^(?:19|20)\d{2}$/u.test(raw) &&
    /\b(?:the|its|his|her|their|our|a|an|this|that|last|next)\s+$/iu.test(text.slice(0, at)) &&
    /^\s+\p{Ll}/u.test(text.slice(at + raw.length))
  );
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
  // A plain number says what it counts only by the word after it: "120 mph" and "70 miles" are
  // two measures, and a number followed by no such word cannot be shown to measure anything.
  if (a.figure.unit === '' && b.figure.unit === '' && (a.counted === undefined || a.counted !== b.counted)) return true;
  // "Eight miles south of the city" and "5 miles west of it" are two distances, not rival values of one.
  if (a.direction !== undefined && b.direction !== undefined && a.direction !== b.direction) return true;
  // "Winds of 180 mph on Monday" and "120 mph by Wednesday evening" are one measure at two times.
  if (a.when.length > 0 && b.when.length > 0 && !a.when.some((word) => b.when.includes(word))) return true;
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
 * common, and a party both name or most of the shorter clause's words shared. A party for which
 * `subject` is true (the story's own subject) needs most of the words shared as well.
 */
export function sameHappening(a: DateFrame, b: DateFrame, subject: (key: string) => boolean = () => false): boolean {
  if (differentHappenings(a, b)) return false;
  // Units say how far or how fast, not what happened: "eight miles south of the city" and "5 miles north of it" tell no act in common.
  const shared = sharedMeaningTerms(a.terms.filter((term) => !UNIT_TERMS.has(term)), b.terms);
  if (shared === 0) return false;
  const shorter = Math.max(1, Math.min(a.terms.length, b.terms.length));
  const most = shared / shorter >= 0.5;
  if (shareParty(a.names.filter((name) => !subject(name.key)), b.names.filter((name) => !subject(name.key)))) return true;
  // The story's subject is named by most of its statements, whatever happened: sharing it, the
  // two must still tell mostly the same act ("agreed to buy" and "completed the takeover" differ).
  if (shareParty(a.names, b.names)) return most && shared >= Math.min(2, shorter);
  return shared >= 2 && most;
}
