/**
 * Finds the date expressions in one sentence and turns each into a range at the precision the text
 * gives ("June 2025" is the whole of June, never 1 June): the date half of the timeline stage.
 *
 * chrono-node does the natural-language parsing; this module extends it with small parsers for what
 * chrono leaves out (bare years after a preposition, quarters, early/mid/late, halves, "that year",
 * "in the coming weeks", spans with number words such as "twenty-one months ago" or "10 months
 * after …"), then filters out what is not a date (versions, names, figures, clock times) and
 * resolves each expression against an anchor day (the article's publication date).
 *
 * Parts of a year, documented once: early = January–April, mid = May–August, late = September–
 * December; for a month: early = days 1–10, mid = 11–20, late = 21–end.
 */
import * as chrono from 'chrono-node';
import type { IsoDate } from '../../types.ts';

/** How fine a range is, from a single day to a whole year; `ahead` is an open "coming weeks" span. */
export type Precision = 'day' | 'week' | 'month' | 'part-of-month' | 'quarter' | 'half' | 'part-of-year' | 'year' | 'span' | 'ahead';

/** A date range with a human label at the precision of the text. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
  label: string;
  precision: Precision;
}

/** One date expression found in a sentence, resolved (or not) to a range. */
export interface DateMention {
  /** Character offset of the expression in the sentence. */
  index: number;
  /** The expression as written (e.g. "On Wednesday", "by Q3 of that year"). */
  text: string;
  /** absolute: needs nothing; relative: needs the anchor; anaphoric: needs an earlier date in the text. */
  kind: 'absolute' | 'relative' | 'anaphoric';
  /** The resolved range, or null when nothing could anchor it (the caller drops it: never invented). */
  range: DateRange | null;
  /** A forward span such as "in the coming weeks": the event is planned, its range starts at the anchor. */
  ahead: boolean;
  /**
   * For "10 months after <something undated>": the range dates the thing after the keyword (counted
   * back from the reference), so the event text is that phrase, not the main clause. Its offset in
   * the sentence is `index + text.length`.
   */
  datesFollowingPhrase: boolean;
  /**
   * Set when the range dates a noun phrase rather than a clause: in "Ten months after its June 2024
   * debut, the app closed", June 2024 dates "its June 2024 debut" (offsets in the sentence).
   */
  phrase?: { index: number; length: number };
  /** How much of the sentence the expression covers when that is more than `text` ("Ten months after its June 2024 debut"). */
  coverLength?: number;
}

/** What resolution needs from the text around the sentence. */
export interface MentionContext {
  /** The day relative expressions count from (publication date, or a stand-in); undefined if none. */
  anchor: IsoDate | undefined;
  /** The most recent calendar year named before this sentence, for "that year". */
  lastYear: number | undefined;
  /** The most recent range named before this sentence, for "three months later". */
  lastRange: DateRange | undefined;
  /** The sentence speaks of the future ("will", "plans to"): bare weekdays and months look forward. */
  future: boolean;
  /** The date's own clause is in the past tense ("was held", "hired"); set by `findDateMentions` itself. */
  past?: boolean;
}

type Tense = 'future' | 'past' | 'unknown';

function tenseOf(context: MentionContext): Tense {
  return context.future ? 'future' : context.past === true ? 'past' : 'unknown';
}

/** A finite past-tense verb: "was", "had", "hired" (not "-ed" after "is"/"are", which is passive present). */
const PAST_TENSE = /\b(?:was|were|had|did|said|took|came|went|made|began|rose|fell|grew|won|lost|led|left|met|paid|sold|spent|bought)\b|(?<!\b(?:is|are|be|been|being)\s+)\b\p{Ll}{3,}ed\b/u;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

const NUMBER = String.raw`(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
/** A year, written out or referred to: "2025", "that year", "last year", "the following year". */
const YEAR_REF = String.raw`(?:${YEAR}|that year|the same year|this year|last year|next year|the following year|the previous year|the year before|the year after)`;
const AFTER_YEAR = String.raw`(?![\d%]|[.,:/-]\d|\s*(?:%|percent|per cent|million|billion|thousand|trillion)\b)`;

/** Reads "nine", "twenty-one", "a" or "12" as a number. */
export function readNumber(text: string): number | undefined {
  const lower = text.toLowerCase().trim();
  if (/^\d+$/.test(lower)) return Number(lower);
  const parts = lower.split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const value = NUMBER_WORDS[part];
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

// ---------------------------------------------------------------- calendar arithmetic (UTC, pure)

interface Ymd { y: number; m: number; d: number }

function parseIso(date: IsoDate): Ymd {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function toIso(y: number, m: number, d: number): IsoDate {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parseIso(date);
  return toIso(y, m, d + days);
}

/** Month arithmetic that keeps the day within the target month (31 March − 1 month = 28/29 Feb). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIso(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return toIso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Formats an ISO day as "8 April 2026". */
export function formatDay(date: IsoDate): string {
  const { y, m, d } = parseIso(date);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

// ---------------------------------------------------------------- ranges at each precision

/** A single day: "8 April 2026". */
export function dayRange(date: IsoDate): DateRange {
  return { start: date, end: date, label: formatDay(date), precision: 'day' };
}

/** A calendar month: "June 2025" is 2025-06-01..2025-06-30. */
export function monthRange(y: number, m: number): DateRange {
  return { start: toIso(y, m, 1), end: toIso(y, m, daysInMonth(y, m)), label: `${MONTH_NAMES[m - 1]} ${y}`, precision: 'month' };
}

/** A calendar year: "2025". */
export function yearRange(y: number): DateRange {
  return { start: toIso(y, 1, 1), end: toIso(y, 12, 31), label: String(y), precision: 'year' };
}

/** A calendar quarter: Q3 2023 is July–September 2023. */
export function quarterRange(y: number, q: number): DateRange {
  const first = (q - 1) * 3 + 1;
  return { start: toIso(y, first, 1), end: toIso(y, first + 2, daysInMonth(y, first + 2)), label: `Q${q} ${y}`, precision: 'quarter' };
}

/** Half of a year: first = January–June, second = July–December. */
export function halfRange(y: number, half: 1 | 2): DateRange {
  return half === 1
    ? { start: toIso(y, 1, 1), end: toIso(y, 6, 30), label: `First half of ${y}`, precision: 'half' }
    : { start: toIso(y, 7, 1), end: toIso(y, 12, 31), label: `Second half of ${y}`, precision: 'half' };
}

/** Early = January–April, mid = May–August, late = September–December. */
export function partOfYearRange(y: number, part: 'early' | 'mid' | 'late'): DateRange {
  if (part === 'early') return { start: toIso(y, 1, 1), end: toIso(y, 4, 30), label: `Early ${y}`, precision: 'part-of-year' };
  if (part === 'mid') return { start: toIso(y, 5, 1), end: toIso(y, 8, 31), label: `Mid-${y}`, precision: 'part-of-year' };
  return { start: toIso(y, 9, 1), end: toIso(y, 12, 31), label: `Late ${y}`, precision: 'part-of-year' };
}

/** Early = days 1–10, mid = 11–20, late = 21 to the month's end. */
export function partOfMonthRange(y: number, m: number, part: 'early' | 'mid' | 'late'): DateRange {
  const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, daysInMonth(y, m)];
  const name = `${MONTH_NAMES[m - 1]} ${y}`;
  const label = part === 'mid' ? `Mid-${name}` : `${part === 'early' ? 'Early' : 'Late'} ${name}`;
  return { start: toIso(y, m, from), end: toIso(y, m, to), label, precision: 'part-of-month' };
}

/** The Monday-to-Sunday week holding a day: "Week of 6 April 2026". */
export function weekRange(date: IsoDate): DateRange {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  return { start: monday, end: addDays(monday, 6), label: `Week of ${formatDay(monday)}`, precision: 'week' };
}

type Unit = 'day' | 'week' | 'month' | 'year';

/** The range of the unit that holds `date`: a day, its week, its month or its year. */
function unitRange(date: IsoDate, unit: Unit): DateRange {
  const { y, m } = parseIso(date);
  if (unit === 'day') return dayRange(date);
  if (unit === 'week') return weekRange(date);
  if (unit === 'month') return monthRange(y, m);
  return yearRange(y);
}

function shift(date: IsoDate, amount: number, unit: Unit): IsoDate {
  if (unit === 'day') return addDays(date, amount);
  if (unit === 'week') return addDays(date, amount * 7);
  if (unit === 'month') return addMonths(date, amount);
  return addMonths(date, amount * 12);
}

function unitOf(word: string): Unit {
  const w = word.toLowerCase().replace(/s$/, '');
  return w === 'day' ? 'day' : w === 'week' ? 'week' : w === 'month' ? 'month' : 'year';
}

// ---------------------------------------------------------------- chrono extensions

/** Our parsers' results carry this tag prefix; the kind after it says how to resolve them. */
const TAG = 'timeline/';

type Kind =
  | 'bare-year' | 'quarter' | 'half' | 'part-of-year' | 'part-of-month' | 'year-ref'
  | 'span-ago' | 'span-later' | 'span-offset' | 'span-in' | 'unit-ref' | 'ahead' | 'this-year-part' | 'year-span' | 'month-of-year-ref';

interface Recognizer {
  kind: Kind;
  pattern: RegExp;
}

/**
 * The expressions chrono does not read (or reads as a clock time or a forward date); each pattern
 * keeps its leading preposition so the span is longer than any built-in result it overlaps.
 */
const RECOGNIZERS: Recognizer[] = [
  { kind: 'ahead', pattern: new RegExp(String.raw`\b(?:in|over|within|during)\s+the\s+(?:coming|next|following)\s+(?:few\s+|several\s+|couple\s+of\s+)?(days|weeks|months)(?:\s+and\s+(days|weeks|months))?\b`, 'i') },
  { kind: 'this-year-part', pattern: /\b(later|earlier)\s+this\s+(year|month|week)\b/i },
  { kind: 'span-offset', pattern: new RegExp(String.raw`\b(${NUMBER})\s+(days?|weeks?|months?|years?)\s+(after|before)\b`, 'i') },
  { kind: 'span-ago', pattern: new RegExp(String.raw`\b(${NUMBER})\s+(days?|weeks?|months?|years?)\s+ago\b`, 'i') },
  { kind: 'span-later', pattern: new RegExp(String.raw`\b(${NUMBER})\s+(days?|weeks?|months?|years?)\s+(later|earlier)\b`, 'i') },
  { kind: 'span-in', pattern: new RegExp(String.raw`\bin\s+(${NUMBER})\s+(days?|weeks?|months?|years?)(?!\s+(?:after|before|ago|later|earlier))\b`, 'i') },
  { kind: 'quarter', pattern: new RegExp(String.raw`\b(?:(?:in|by|during|for|through)\s+)?(?:Q([1-4])|(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s+of)?\s+(${YEAR_REF})${AFTER_YEAR}`, 'i') },
  { kind: 'half', pattern: new RegExp(String.raw`\b(?:(?:in|by|during)\s+)?the\s+(first|second)\s+half\s+of\s+(${YEAR_REF})${AFTER_YEAR}`, 'i') },
  { kind: 'part-of-month', pattern: new RegExp(String.raw`\b(?:(?:in|by|since|until|from)\s+)?(early|mid|late)[- ]?(${MONTH_NAMES.join('|')})(?:,?\s+(${YEAR}))?${AFTER_YEAR}\b`) },
  { kind: 'part-of-year', pattern: new RegExp(String.raw`\b(?:(?:in|by|since|until|from|during)\s+)?(?:(early|mid|late)[- ]|the\s+(start|beginning|middle|end)\s+of\s+)(${YEAR_REF})${AFTER_YEAR}`, 'i') },
  // "January last year": the month of the year referred to, not the nearest January (chrono reads the month alone).
  { kind: 'month-of-year-ref', pattern: new RegExp(String.raw`\b(?:(?:in|by|since|until|from|during)\s+)?(${MONTH_NAMES.join('|')})\s+(?:of\s+)?(this year|last year|next year|that year|the same year|the following year|the previous year)\b`) },
  { kind: 'year-ref', pattern: /\b(?:(?:in|by|during|of|for)\s+)?(that year|the same year|the following year|the previous year|the year before|the year after)\b/i },
  // "the last year" is the past twelve months ("over the last year and a half"), and "the last
  // month of the year" a place in a list: only "last year" without an article is the year before.
  { kind: 'unit-ref', pattern: /\b(?<!\bthe\s)(last|this|next)\s+(year|month|week)\b/i },
  { kind: 'year-span', pattern: new RegExp(String.raw`\b(?:from|between)\s+(${YEAR})\s+(?:to|and|until|through)\s+(${YEAR})${AFTER_YEAR}`, 'i') },
  { kind: 'bare-year', pattern: new RegExp(String.raw`\b(?:in|by|during|of|since|until|from|before|after|throughout|around|circa|early\s+in|late\s+in)\s+(?:the\s+year\s+)?(${YEAR})${AFTER_YEAR}`, 'i') },
];

/**
 * One chrono parser per recognizer; the result's tag names the recognizer. Its pattern is built
 * once, not per parse: without the `g` flag (and none is sticky), `exec` neither reads nor moves
 * `lastIndex`, so chrono can run the same object on every sentence.
 */
function chronoParser(recognizer: Recognizer): chrono.Parser {
  const pattern = new RegExp(recognizer.pattern.source, recognizer.pattern.flags.replace('g', ''));
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      // The components are placeholders: chrono needs some; `resolveOurs` reads the matched text.
      const result = context.createParsingResult(match.index ?? 0, match[0], { year: 2000 });
      result.addTag(`${TAG}${recognizer.kind}`);
      return result;
    },
  };
}

/**
 * A sentence matching neither of these cannot yield a mention, so chrono is not run on it. Every
 * mention is one of two things, and each needs one of these strings in the sentence:
 * - a match of one of our `RECOGNIZERS`: each needs "day", "week", "month" or "year" (any case),
 *   a year 19xx/20xx, or a capitalized month name (part-of-month, whose pattern is case-sensitive);
 * - a built-in chrono result that `plausibleBuiltIn` accepts: its text must hold "today",
 *   "yesterday" or "tomorrow" (any case), a year as `YEAR` matches it, a month as `MONTH_WORD`
 *   or a weekday as `WEEKDAY_WORD` does (both case-sensitive, capitalized).
 * The substrings are tested without word boundaries, so they match wherever those patterns could.
 * Keep this in step when a recognizer or that filter changes.
 */
const MAY_HOLD_DATE_ANY_CASE = /day|week|month|year|tomorrow/i;
const MAY_HOLD_DATE_CASED = /(?:19|20)\d{2}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun/;

function mayHoldDate(sentence: string): boolean {
  return MAY_HOLD_DATE_ANY_CASE.test(sentence) || MAY_HOLD_DATE_CASED.test(sentence);
}

/** Drops built-in results that overlap one of ours: ours know the precision, chrono's do not. */
const preferOurs: chrono.Refiner = {
  refine: (_context, results) => {
    const ours = results.filter((r) => [...r.tags()].some((t) => t.startsWith(TAG)));
    return results.filter((r) => {
      if (ours.includes(r)) return true;
      return !ours.some((o) => r.index < o.index + o.text.length && o.index < r.index + r.text.length);
    });
  },
};

const parser = (() => {
  const extended = chrono.casual.clone();
  extended.parsers.push(...RECOGNIZERS.map(chronoParser));
  extended.refiners.unshift(preferOurs);
  return extended;
})();

// ---------------------------------------------------------------- filters: what is not a date

const MONTH_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?/;
const WEEKDAY_WORD = /\b(Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b/;
const WEEKDAY_LEAD = /\b(?:on|last|next|this|said|says|announced|confirmed|reported|late|early|by|until|from|since|before|after)\s+$/i;
/** Words that only bound a period ("since 2019", "until May"): the event is not on that date. */
const BOUND_WORDS = /\b(?:since|until|till|through|before|prior\s+to|from|after|between)\s+$/i;

/** The expression sits inside a token such as "Orbit-7.2", "v2026", "9/11" or "$2025". */
function insideToken(sentence: string, index: number, length: number): boolean {
  const before = sentence.charAt(index - 1);
  const after = sentence.slice(index + length, index + length + 2);
  if (/[\p{L}\p{N}$€£#@_\-./]/u.test(before)) return true;
  // "today's models", "2025's model": a possessive date describes, it does not date an event.
  return /^[\p{L}\p{N}%_]|^[-./,]\p{N}|^['’]s/u.test(after);
}

/**
 * The few words before a position: enough for every look-behind here, and it keeps those checks
 * linear on long run-on "sentences" (a 100,000-character one must not cost minutes).
 */
function before(sentence: string, index: number): string {
  return sentence.slice(Math.max(0, index - 48), index);
}

/** A built-in chrono result is a date only if it names a month, a year or a weekday, in earnest. */
function plausibleBuiltIn(sentence: string, result: chrono.ParsedResult): boolean {
  const text = result.text;
  const start = result.start;
  const hasDate = start.isCertain('year') || start.isCertain('month') || start.isCertain('day') || start.isCertain('weekday');
  if (!hasDate) return false; // clock times ("2 a.m.") and vague words ("now")
  if (/^(?:now|right now|tonight|currently)$/i.test(text.trim())) return false;
  const casual = /\b(?:today|yesterday|tomorrow)\b/i.test(text);
  const month = MONTH_WORD.exec(text);
  const year = new RegExp(YEAR).test(text);
  const weekdayMatch = WEEKDAY_WORD.exec(text);
  if (!casual && !month && !year && !weekdayMatch) return false; // "9/11", "4.6"
  if (month && !/^\p{Lu}/u.test(month[0])) return false; // "may", "march" as verbs
  if (month && /^May\b/.test(month[0]) && !year && !start.isCertain('day')) {
    // Bare "May" is usually the modal verb; accept it only after a preposition.
    if (!/\b(?:in|by|of|during|early|mid|late)\s+$/i.test(before(sentence, result.index))) return false;
  }
  if (weekdayMatch && !month && !year) {
    if (!/^\p{Lu}/u.test(weekdayMatch[0])) return false;
    const lead = before(sentence, result.index + weekdayMatch.index);
    const atStart = /^\s*["“]?\s*$/.test(lead) && /^\s*,/.test(sentence.slice(result.index + text.length));
    if (!atStart && !WEEKDAY_LEAD.test(lead) && !/^(?:on|last|next|this)\b/i.test(text)) return false; // "Black Friday"
  }
  return true;
}

// ---------------------------------------------------------------- resolution

function yearFromRef(ref: string, context: MentionContext): { year: number; kind: DateMention['kind'] } | null {
  const lower = ref.toLowerCase();
  if (/^\d{4}$/.test(lower)) return { year: Number(lower), kind: 'absolute' };
  const anchorYear = context.anchor === undefined ? undefined : parseIso(context.anchor).y;
  if (lower === 'this year') return anchorYear === undefined ? null : { year: anchorYear, kind: 'relative' };
  if (lower === 'last year') return anchorYear === undefined ? null : { year: anchorYear - 1, kind: 'relative' };
  if (lower === 'next year') return anchorYear === undefined ? null : { year: anchorYear + 1, kind: 'relative' };
  if (context.lastYear === undefined) return null;
  if (lower === 'the following year' || lower === 'the year after') return { year: context.lastYear + 1, kind: 'anaphoric' };
  if (lower === 'the previous year' || lower === 'the year before') return { year: context.lastYear - 1, kind: 'anaphoric' };
  return { year: context.lastYear, kind: 'anaphoric' }; // "that year", "the same year"
}

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

type Resolved = {
  range: DateRange | null;
  kind: DateMention['kind'];
  ahead?: boolean;
  datesFollowingPhrase?: boolean;
  /** Not a date after all (a duration such as "in three years"): dropped without a trace. */
  discard?: boolean;
};

/** Resolves one of our recognizers' matches. */
function resolveOurs(kind: Kind, text: string, context: MentionContext, sentenceDates: DateRange[]): Resolved {
  const recognizer = RECOGNIZERS.find((r) => r.kind === kind);
  const match = recognizer === undefined ? null : recognizer.pattern.exec(text);
  if (match === null) return { range: null, kind: 'absolute' };
  const anchor = context.anchor;
  switch (kind) {
    case 'bare-year':
      return { range: yearRange(Number(match[1])), kind: 'absolute' };
    case 'year-span': {
      const [from, to] = [Number(match[1]), Number(match[2])];
      if (from >= to) return { range: null, kind: 'absolute' };
      return { range: { ...spanRange(yearRange(from), yearRange(to)), label: `${from}–${to}` }, kind: 'absolute' };
    }
    case 'quarter': {
      const q = match[1] !== undefined ? Number(match[1]) : ORDINAL[(match[2] ?? '').toLowerCase()];
      const year = yearFromRef(match[3] ?? '', context);
      if (year === null || q === undefined) return { range: null, kind: 'anaphoric' };
      return { range: quarterRange(year.year, q), kind: year.kind };
    }
    case 'half': {
      const year = yearFromRef(match[2] ?? '', context);
      if (year === null) return { range: null, kind: 'anaphoric' };
      return { range: halfRange(year.year, match[1]?.toLowerCase() === 'first' ? 1 : 2), kind: year.kind };
    }
    case 'part-of-year': {
      const word = (match[1] ?? match[2] ?? '').toLowerCase();
      const part = word === 'early' || word === 'start' || word === 'beginning' ? 'early' : word === 'mid' || word === 'middle' ? 'mid' : 'late';
      const year = yearFromRef(match[3] ?? '', context);
      if (year === null) return { range: null, kind: 'anaphoric' };
      return { range: partOfYearRange(year.year, part), kind: year.kind };
    }
    case 'month-of-year-ref': {
      const m = MONTH_NAMES.indexOf(match[1] ?? '') + 1;
      const year = yearFromRef(match[2] ?? '', context);
      if (year === null) return { range: null, kind: 'anaphoric' };
      return { range: monthRange(year.year, m), kind: year.kind };
    }
    case 'part-of-month': {
      const part = (match[1] ?? 'mid') as 'early' | 'mid' | 'late';
      const m = MONTH_NAMES.indexOf(match[2] ?? '') + 1;
      if (match[3] !== undefined) return { range: partOfMonthRange(Number(match[3]), m, part), kind: 'absolute' };
      if (anchor === undefined) return { range: null, kind: 'relative' };
      const y = nearestYearForMonth(anchor, m, tenseOf(context));
      return { range: partOfMonthRange(y, m, part), kind: 'relative' };
    }
    case 'year-ref': {
      const year = yearFromRef(match[1] ?? '', context);
      return year === null ? { range: null, kind: 'anaphoric' } : { range: yearRange(year.year), kind: year.kind };
    }
    case 'unit-ref': {
      if (anchor === undefined) return { range: null, kind: 'relative' };
      const step = { last: -1, this: 0, next: 1 }[(match[1] ?? 'this').toLowerCase() as 'last' | 'this' | 'next'];
      const unit = unitOf(match[2] ?? 'year');
      return { range: unitRange(shift(anchor, step, unit), unit), kind: 'relative' };
    }
    case 'span-ago': {
      const amount = readNumber(match[1] ?? '');
      if (anchor === undefined || amount === undefined) return { range: null, kind: 'relative' };
      const unit = unitOf(match[2] ?? 'year');
      return { range: unitRange(shift(anchor, -amount, unit), unit), kind: 'relative' };
    }
    case 'span-in': {
      // "will open in two weeks" looks forward; "its first device in three years" is a duration.
      const amount = readNumber(match[1] ?? '');
      if (!context.future) return { range: null, kind: 'relative', discard: true };
      if (anchor === undefined || amount === undefined) return { range: null, kind: 'relative' };
      const unit = unitOf(match[2] ?? 'year');
      return { range: unitRange(shift(anchor, amount, unit), unit), kind: 'relative' };
    }
    case 'span-later': {
      const amount = readNumber(match[1] ?? '');
      const base = context.lastRange;
      if (base === undefined || amount === undefined) return { range: null, kind: 'anaphoric' };
      const unit = unitOf(match[2] ?? 'year');
      const sign = (match[3] ?? '').toLowerCase() === 'later' ? 1 : -1;
      return { range: unitRange(shift(base.start, sign * amount, unit), coarser(unit, base.precision)), kind: 'anaphoric' };
    }
    case 'span-offset': {
      // "10 months after <X>": with a date in X, the main clause is X's date + 10 months; without,
      // X happened 10 months before the reference (a date named in the sentence, else the anchor).
      const amount = readNumber(match[1] ?? '');
      if (amount === undefined) return { range: null, kind: 'relative' };
      const unit = unitOf(match[2] ?? 'year');
      const sign = (match[3] ?? '').toLowerCase() === 'after' ? 1 : -1;
      const following = sentenceDates.find((d) => d.label === '__following__');
      if (following !== undefined) {
        return { range: unitRange(shift(following.start, sign * amount, unit), coarser(unit, following.precision)), kind: 'absolute' };
      }
      const reference = sentenceDates[0];
      const base = reference?.precision === 'day' ? reference.start : anchor;
      if (base === undefined) return { range: null, kind: 'relative' };
      return {
        range: unitRange(shift(base, -sign * amount, unit), unit),
        kind: reference?.precision === 'day' ? 'absolute' : 'relative',
        datesFollowingPhrase: true,
      };
    }
    case 'ahead': {
      if (anchor === undefined) return { range: null, kind: 'relative', ahead: true };
      const units = [match[1], match[2]].filter((u): u is string => u !== undefined).map((u) => u.toLowerCase());
      const widest = units.includes('months') ? 'months' : units.includes('weeks') ? 'weeks' : 'days';
      const end = widest === 'months' ? addMonths(anchor, 6) : widest === 'weeks' ? addDays(anchor, 56) : addDays(anchor, 14);
      const said = units.join(' and ');
      return {
        range: { start: anchor, end, label: `Coming ${said} (from ${formatDay(anchor)})`, precision: 'ahead' },
        kind: 'relative',
        ahead: true,
      };
    }
    case 'this-year-part': {
      if (anchor === undefined) return { range: null, kind: 'relative' };
      const { y, m } = parseIso(anchor);
      const later = (match[1] ?? '').toLowerCase() === 'later';
      if ((match[2] ?? '').toLowerCase() === 'week') {
        const week = weekRange(anchor);
        return later
          ? { range: { start: anchor, end: week.end, label: `Later in the week of ${formatDay(week.start)}`, precision: 'ahead' }, kind: 'relative', ahead: true }
          : { range: { start: week.start, end: anchor, label: `Earlier in the week of ${formatDay(week.start)}`, precision: 'week' }, kind: 'relative' };
      }
      const isYear = (match[2] ?? '').toLowerCase() === 'year';
      const first = isYear ? toIso(y, 1, 1) : toIso(y, m, 1);
      const last = isYear ? toIso(y, 12, 31) : toIso(y, m, daysInMonth(y, m));
      const period = isYear ? String(y) : `${MONTH_NAMES[m - 1]} ${y}`;
      return later
        ? { range: { start: anchor, end: last, label: `Later in ${period}`, precision: 'ahead' }, kind: 'relative', ahead: true }
        : { range: { start: first, end: anchor, label: `Earlier in ${period}`, precision: isYear ? 'year' : 'month' }, kind: 'relative' };
    }
  }
}

/** The coarser of a span's unit and its base's precision: "three months after June 2025" is a month. */
function coarser(unit: Unit, base: Precision): Unit {
  const order: Unit[] = ['day', 'week', 'month', 'year'];
  const baseUnit: Unit = base === 'day' ? 'day' : base === 'week' ? 'week' : base === 'month' || base === 'part-of-month' ? 'month' : 'year';
  return order[Math.max(order.indexOf(unit), order.indexOf(baseUnit))] ?? unit;
}

/**
 * The year of a month (and day) named without one: the occurrence nearest the anchor, since news
 * says "on 2 May" for next week as readily as "in December" for last winter; only forward when
 * the sentence speaks of the future, only back when it is in the past tense ("In May it hired").
 */
function nearestYearForMonth(anchor: IsoDate, month: number, tense: Tense, day?: number): number {
  const { y } = parseIso(anchor);
  const candidates = [y - 1, y, y + 1].map((year) => {
    const first = toIso(year, month, day ?? 1);
    const last = day === undefined ? toIso(year, month, daysInMonth(year, month)) : first;
    const distance = last < anchor ? daysBetween(last, anchor) : first > anchor ? daysBetween(anchor, first) : 0;
    return { year, last, distance };
  });
  const usable =
    tense === 'future' ? candidates.filter((c) => c.last >= anchor) : tense === 'past' ? candidates.filter((c) => toIso(c.year, month, day ?? 1) <= anchor) : candidates;
  usable.sort((a, b) => a.distance - b.distance || a.year - b.year);
  return usable[0]?.year ?? y;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Resolves a built-in chrono result: full dates, month + year, month alone, weekdays, yesterday. */
function resolveBuiltIn(result: chrono.ParsedResult, context: MentionContext, reportedOn: boolean): Resolved {
  const end = result.end;
  if (end !== undefined && end !== null) {
    // "from January to March 2025": the first part borrows the year the last part states.
    const endYear = end.isCertain('year') ? end.get('year') : null;
    const first = resolveComponents(result.start, result.text, context, reportedOn, endYear);
    const last = resolveComponents(end, result.text, context, reportedOn, null);
    if (first.range === null || last.range === null || first.range.start > last.range.end) return { range: null, kind: first.kind };
    return { range: spanRange(first.range, last.range), kind: first.kind === 'absolute' && last.kind === 'absolute' ? 'absolute' : 'relative' };
  }
  return resolveComponents(result.start, result.text, context, reportedOn, null);
}

/** One range from the first day of `first` to the last day of `last`: "January–March 2025". */
function spanRange(first: DateRange, last: DateRange): DateRange {
  const sameYear = first.start.slice(0, 4) === last.end.slice(0, 4);
  const label =
    sameYear && first.precision === 'month' && last.precision === 'month'
      ? `${first.label.replace(/ \d{4}$/, '')}–${last.label}`
      : sameYear && first.precision === 'day' && last.precision === 'day'
        ? `${first.label.replace(/ \d{4}$/, '')} – ${last.label}`
        : `${first.label} – ${last.label}`;
  return { start: first.start, end: last.end, label, precision: 'span' };
}

/** Resolves one end of a chrono result (its start, or the end of a span) against the context. */
function resolveComponents(
  start: chrono.ParsedComponents,
  text: string,
  context: MentionContext,
  reportedOn: boolean,
  fallbackYear: number | null,
): Resolved {
  const anchor = context.anchor;
  const year = start.isCertain('year') ? start.get('year') : fallbackYear;
  const month = start.isCertain('month') ? start.get('month') : null;
  const day = start.isCertain('day') ? start.get('day') : null;
  if (/\b(?:today|yesterday|tomorrow)\b/i.test(text)) {
    if (anchor === undefined) return { range: null, kind: 'relative' };
    const offset = /yesterday/i.test(text) ? -1 : /tomorrow/i.test(text) ? 1 : 0;
    return { range: dayRange(addDays(anchor, offset)), kind: 'relative' };
  }
  if (year !== null && month !== null && day !== null) return { range: dayRange(toIso(year, month, day)), kind: 'absolute' };
  if (year !== null && month !== null) return { range: monthRange(year, month), kind: 'absolute' };
  if (year !== null) return { range: yearRange(year), kind: 'absolute' };
  if (month !== null) {
    if (anchor === undefined) return { range: null, kind: 'relative' };
    const y = nearestYearForMonth(anchor, month, tenseOf(context), day ?? undefined);
    return { range: day === null ? monthRange(y, month) : dayRange(toIso(y, month, day)), kind: 'relative' };
  }
  if (start.isCertain('weekday')) {
    if (anchor === undefined) return { range: null, kind: 'relative' };
    const target = start.get('weekday') ?? 0;
    const back = (weekday(anchor) - target + 7) % 7;
    const lower = text.toLowerCase();
    let date: IsoDate;
    if (/\bnext\b/.test(lower)) date = addDays(anchor, ((target - weekday(anchor) + 7) % 7) || 7);
    else if (/\blast\b/.test(lower)) date = addDays(anchor, -(back || 7));
    else if (context.future && !reportedOn) date = addDays(anchor, (target - weekday(anchor) + 7) % 7);
    else date = addDays(anchor, -back); // "On Wednesday": the most recent Wednesday on/before the anchor
    return { range: dayRange(date), kind: 'relative' };
  }
  return { range: null, kind: 'relative' };
}

/**
 * Finds and resolves every date expression in one sentence. Takes the sentence and what is known
 * from the text before it; returns the mentions in text order (ranges null where nothing anchors
 * them) and the context for the next sentence (the last year and range named). Reads at most
 * `MAX_MENTIONS_PER_SENTENCE` expressions, so a hostile run-on line costs little.
 */
export function findDateMentions(sentence: string, context: MentionContext): { mentions: DateMention[]; context: MentionContext } {
  // Most sentences name no date at all; skipping chrono for them keeps the stage cheap.
  if (!mayHoldDate(sentence)) return { mentions: [], context };
  if (sentence.length > LONG_SENTENCE) return findInChunks(sentence, context);
  return findInSentence(sentence, context);
}

/** Longer than any prose sentence: parsed in pieces, since chrono's cost grows with the square of the length. */
const LONG_SENTENCE = 1500;

/** A sentence naming more dates than this is a table or a glued list, not prose; the rest are not read. */
export const MAX_MENTIONS_PER_SENTENCE = 50;

/** Parses a run-on "sentence" in pieces of about 1,000 characters cut at white space. */
function findInChunks(sentence: string, context: MentionContext): { mentions: DateMention[]; context: MentionContext } {
  const mentions: DateMention[] = [];
  let running = context;
  let start = 0;
  while (start < sentence.length && mentions.length < MAX_MENTIONS_PER_SENTENCE) {
    let end = Math.min(sentence.length, start + 1000);
    if (end < sentence.length) {
      const space = sentence.lastIndexOf(' ', end);
      if (space > start + 500) end = space;
    }
    const found = findInSentence(sentence.slice(start, end), running);
    running = found.context;
    const shift = <T extends { index: number }>(span: T): T => ({ ...span, index: span.index + start });
    for (const m of found.mentions) mentions.push({ ...shift(m), ...(m.phrase === undefined ? {} : { phrase: shift(m.phrase) }) });
    start = end;
  }
  return { mentions: mentions.slice(0, MAX_MENTIONS_PER_SENTENCE), context: running };
}

/** A clause of its own: a semicolon, or a comma before a relative or contrasting word ("…, where the deal was vetoed"). */
const CLAUSE_BREAK = /;|,\s+(?:where|which|who|whom|whose|when|while|whereas|but|although|though)\b/giu;

/**
 * The clause of `sentence` a date at `index` (`length` characters) stands in, for its tense: from
 * the last clause break before it to the first after it. "Before the July 18 deadline, where the
 * deal was vetoed in May": the past of the second clause does not send the deadline a year back.
 */
function clauseAround(sentence: string, index: number, length: number): string {
  let from = 0;
  let to = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= index) from = at;
    else if (at >= index + length) {
      to = at;
      break;
    }
  }
  return sentence.slice(from, to);
}

function findInSentence(sentence: string, outer: MentionContext): { mentions: DateMention[]; context: MentionContext } {
  const reference = outer.anchor === undefined ? new Date(Date.UTC(2000, 0, 1, 12)) : new Date(`${outer.anchor}T12:00:00Z`);
  const results = parser
    .parse(sentence, { instant: reference, timezone: 0 })
    .filter((r) => !insideToken(sentence, r.index, r.text.length))
    .filter((r) => !/\bfiscal\s+$|\bFY\s*$/i.test(before(sentence, r.index)));

  const ours = (r: chrono.ParsedResult): Kind | undefined =>
    [...r.tags()].find((t) => t.startsWith(TAG))?.slice(TAG.length) as Kind | undefined;
  const kept = results.filter((r) => ours(r) !== undefined || plausibleBuiltIn(sentence, r));

  let running: MentionContext = { ...outer };
  const mentions: DateMention[] = [];
  const resolvedAt = new Map<chrono.ParsedResult, Resolved>();
  // Offsets ("10 months after …") are resolved last: they count from the other dates in the sentence.
  const ordered = [...kept].sort((a, b) => Number(ours(a) === 'span-offset') - Number(ours(b) === 'span-offset') || a.index - b.index);
  for (const result of ordered) {
    const kind = ours(result);
    // The tense is the date's own clause's, not the sentence's.
    const local: MentionContext = { ...running, past: !running.future && PAST_TENSE.test(clauseAround(sentence, result.index, result.text.length)) };
    let resolved: Resolved;
    if (kind === 'span-offset') {
      const end = result.index + result.text.length;
      const following = [...resolvedAt.entries()]
        .filter(([r, v]) => v.range !== null && r.index >= end && r.index - end <= 40 && !/[,;:—–]/.test(sentence.slice(end, r.index)))
        .map(([, v]) => ({ ...(v.range as DateRange), label: '__following__' }));
      const others = [...resolvedAt.values()].map((v) => v.range).filter((r): r is DateRange => r !== null);
      resolved = resolveOurs(kind, result.text, local, following.length > 0 ? following : others);
    } else if (kind !== undefined) {
      resolved = resolveOurs(kind, result.text, local, []);
    } else {
      // "…will close, the firm said Thursday": the weekday dates the saying, which is past.
      const reportedOn = /\b(?:said|told|wrote|\p{L}+ed)\s+(?:on\s+)?$/iu.test(before(sentence, result.index));
      resolved = resolveBuiltIn(result, local, reportedOn);
    }
    resolvedAt.set(result, resolved);
    if (resolved.range !== null && kind !== 'span-offset') {
      running = { ...running, lastYear: Number(resolved.range.start.slice(0, 4)), lastRange: resolved.range };
    }
  }
  // "Ten months after its June 2024 debut, …": the offset covers the phrase, the inner date dates it.
  const phrases = new Map<chrono.ParsedResult, { index: number; length: number }>();
  const covers = new Map<chrono.ParsedResult, number>();
  for (const result of kept) {
    if (ours(result) !== 'span-offset' || resolvedAt.get(result)?.datesFollowingPhrase === true) continue;
    const end = result.index + result.text.length;
    const inner = kept.find((r) => r !== result && r.index >= end && r.index - end <= 40 && !/[,;:—–]/.test(sentence.slice(end, r.index)));
    if (inner === undefined) continue;
    const stop = /[,;:—–(]/.exec(sentence.slice(inner.index + inner.text.length));
    const phraseEnd = stop === null ? sentence.length : inner.index + inner.text.length + stop.index;
    const phraseStart = end + (/^\s*/.exec(sentence.slice(end))?.[0].length ?? 0);
    phrases.set(inner, { index: phraseStart, length: phraseEnd - phraseStart });
    covers.set(result, phraseEnd - result.index);
  }
  for (const result of kept) {
    const resolved = resolvedAt.get(result);
    if (resolved === undefined) continue;
    // "On Wednesday," keeps its comma in chrono's text; the comma belongs to the sentence.
    const text = result.text.trim().replace(/[\s,;:]+$/u, '');
    if (resolved.discard === true) continue;
    const lead = before(sentence, result.index);
    const bounded = BOUND_WORDS.test(lead) || /^(?:since|until|till|through|before|from|after)\b/i.test(text);
    // "from January to March 2025" is a span the event fills, not a bound.
    const spanOpening = /\b(?:from|between)\s+$/i.test(lead) || /^(?:from|between)\b/i.test(text);
    if (bounded && !(resolved.range?.precision === 'span' && spanOpening)) {
      continue; // "since 2019" bounds a period; it does not date an event
    }
    mentions.push({
      index: result.index + (result.text.length - result.text.trimStart().length),
      text,
      kind: resolved.kind,
      range: resolved.range,
      ahead: resolved.ahead ?? false,
      datesFollowingPhrase: resolved.datesFollowingPhrase ?? false,
      ...(phrases.has(result) ? { phrase: phrases.get(result) } : {}),
      ...(covers.has(result) ? { coverLength: covers.get(result) } : {}),
    });
  }
  mentions.sort((a, b) => a.index - b.index);
  return { mentions: mentions.slice(0, MAX_MENTIONS_PER_SENTENCE), context: running };
}
