/**
 * Text features shared by the stages that compare text (cluster, derivatives, align, timeline):
 * word tokens, stemmed content terms, figures and named entities.
 *
 * Kept in one module so every stage sees the same tokens; each function is pure and
 * language-agnostic except the English stop-word list and stemmer (articles in other
 * languages still tokenize; they simply match less, which keeps them apart from English stories).
 */
import { stemmer } from 'stemmer';
import { memoizeByText } from './memory-cache.ts';

/** Function words that carry no topic; removed before comparing texts. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each even ever few for from further had has have ' +
    'having he her here hers herself him himself his how however i if in into is it its itself just like made make ' +
    'many may me might more most much must my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own per said same says say she should since so some such than that the their theirs them themselves ' +
    'then there these they this those though through thus to too under until up upon us very via was we were what ' +
    'when where whether which while who whom whose why will with within without would yet you your yours yourself ' +
    'according across along already although among another around became become becomes new one two first last ' +
    'well still back way including according'
  ).split(/\s+/),
);

/** True for a function word such as "the" or "which". */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/**
 * Splits text into lowercase word tokens. Keeps tokens like `orbit-7.2`, `3.1`, `$2.4`, `u.s.` whole
 * so versions and figures survive as one token.
 */
export function words(text: string): string[] {
  const matches = text.toLowerCase().match(/[$€£]?[\p{L}\p{N}]+(?:[.'’,-][\p{L}\p{N}]+)*%?/gu);
  return matches ?? [];
}

/**
 * The Porter stem of one lowercase word ("launched" → "launch"): the `stemmer` package's answer,
 * remembered (up to 50,000 words), since news repeats its vocabulary and the stages stem the same
 * words over and over.
 */
export const stem: (word: string) => string = memoizeByText(stemmer, 50_000);

/** Stemmed content terms: words minus stop words and bare punctuation, Porter-stemmed. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const bare = word.replace(/['’]s$/u, '');
    if (bare.length < 2 || STOP_WORDS.has(bare)) continue;
    terms.push(/^[\p{L}]+$/u.test(bare) ? stem(bare) : bare);
  }
  return terms;
}

/** A number stated in text, normalized so "$2.4 billion" and "$2.4bn" compare equal. */
export interface Figure {
  /** The text as written (e.g. "$2.4 billion"). */
  raw: string;
  /** The numeric value with its scale applied (2.4e9). */
  value: number;
  /**
   * "%", "$", "€", "£", a unit of measure written after the number ("mph", "mi", "km", "ft"), or
   * "" for a plain count.
   */
  unit: string;
}

/** Words of measure after a number, by the unit they name: "120 mph" is a speed, "70 miles" a distance. */
const MEASURES: Record<string, string> = {
  mph: 'mph', kph: 'kph', 'km/h': 'kph', knots: 'kn', knot: 'kn',
  miles: 'mi', mile: 'mi', kilometers: 'km', kilometres: 'km', kilometer: 'km', kilometre: 'km', km: 'km',
  feet: 'ft', foot: 'ft', ft: 'ft', inches: 'in', inch: 'in', meters: 'm', metres: 'm', meter: 'm', metre: 'm',
  centimeters: 'cm', centimetres: 'cm', cm: 'cm', millimeters: 'mm', millimetres: 'mm', mm: 'mm',
  degrees: 'deg', degree: 'deg', acres: 'acre', acre: 'acre', hectares: 'ha', hectare: 'ha',
  tons: 't', tonnes: 't', ton: 't', tonne: 't', kilograms: 'kg', kg: 'kg', lbs: 'lb',
  minutes: 'min', minute: 'min', hours: 'h', hour: 'h', days: 'd', day: 'd', weeks: 'wk', week: 'wk',
  months: 'mo', month: 'mo', years: 'yr', year: 'yr',
};

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/**
 * A clock time on the twelve-hour clock: "8:30 p.m.", "9 pm", "11:15 a.m." (groups: hour, minutes,
 * a.m. or p.m.). Read as a time by the conflict finder, and never as a figure.
 */
export const CLOCK_TIME = /(?<![\d:])(\d{1,2})(?::(\d{2}))?\s?(a\.?\s?m\b\.?|p\.?\s?m\b\.?)/giu;

const FIGURE_PATTERN =
  /(?:([$€£])\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(%|percent\b|per cent\b))?(?:[\s-]?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?/giu;

/**
 * Figures stated in text: amounts, percentages and counts. Skips numbers that are part of a
 * version or a name ("Orbit-7.2", "Falcon 9", "Nimbus 3.1") and four-digit years, which are not figures.
 */
export function figures(text: string): Figure[] {
  const found: Figure[] = [];
  const clocks = [...text.matchAll(CLOCK_TIME)].map((match) => [match.index ?? 0, (match.index ?? 0) + match[0].length] as const);
  for (const match of text.matchAll(FIGURE_PATTERN)) {
    const [raw, currency, digits, percent, scaleWord] = match;
    if (digits === undefined) continue;
    const start = match.index ?? 0;
    const before = text.slice(Math.max(0, start - 1), start);
    const after = text.slice(start + raw.length, start + raw.length + 1);
    // Part of a version or identifier: "Orbit-7.2", "Nimbus 4.6", "v2", "H100".
    if (/[\p{L}\-.]/u.test(before) || /[\p{L}\-]/u.test(after)) continue;
    const wordBefore = /([\p{L}]+)\s$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1] ?? '';
    if (!currency && !percent && !scaleWord && /^\p{Lu}/u.test(wordBefore) && !/^(The|In|On|By|About|Over|Nearly|Almost|Some|Around|Just)$/u.test(wordBefore)) {
      // "Falcon 9", "Nimbus 3": a capitalized name followed by a number is a model or product name.
      continue;
    }
    // A clock time ("8:30 p.m.", "9 pm", "at 20:15") says when, not how many.
    if (clocks.some(([from, to]) => start >= from && start < to)) continue;
    if (/^:\d/u.test(text.slice(start + raw.length)) || /\d:$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
    const measure = currency || percent ? undefined : measureAfter(text.slice(start + raw.length));
    const value = Number(digits.replace(/,/g, ''));
    if (!currency && !percent && !scaleWord && /^\d{4}$/.test(digits) && value >= 1900 && value <= 2100) continue;
    const scale = scaleWord ? (SCALE[scaleWord.toLowerCase()] ?? 1) : 1;
    found.push({
      raw: raw.trim(),
      value: value * scale,
      unit: percent ? '%' : (currency ?? measure ?? ''),
    });
  }
  return found;
}

/** The unit of measure written right after a number ("mph", "miles an hour" → "mph"), if any. */
function measureAfter(rest: string): string | undefined {
  const speed = /^\s?(miles?|kilomet(?:er|re)s?|km)\s+(?:per|an|a)\s+hour\b/iu.exec(rest);
  if (speed) return /^m/iu.test(speed[1] ?? '') ? 'mph' : 'kph';
  return MEASURES[(/^\s?([\p{L}/]+)/u.exec(rest)?.[1] ?? '').toLowerCase()];
}

/** Two figures state the same quantity (same unit, values within rounding of each other). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  if (a.value === b.value) return true;
  const larger = Math.max(Math.abs(a.value), Math.abs(b.value));
  return larger > 0 && Math.abs(a.value - b.value) / larger < 0.005;
}

/** Capitalized words that open sentences or quotes without naming anything. */
const NOT_NAMES = new Set(
  'The A An And But Or In On At For From To With By Of As It Its This That These Those He She They We I You Our Their His Her After Before Since While When Where What Why How If Unlike Like According Still However Also Then Now Here There Meanwhile Although Though Yet So Despite Over Under Per Most Some Many Few Each Every All Both Either Neither'.split(
    ' ',
  ),
);

/** True for a capitalized word that opens a sentence or phrase without naming anything ("The", "According"). */
export function isCommonCapitalized(word: string): boolean {
  return NOT_NAMES.has(word);
}

/**
 * Named entities, approximated by runs of capitalized words ("Dana Kowalczyk", "Harbor Trust"),
 * lowercased. A capitalized word that only opens the sentence is ignored unless it is part of a run.
 */
export function entities(text: string): string[] {
  const found = new Set<string>();
  const pattern = /\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+(?:of\s+|de\s+|the\s+)?\p{Lu}[\p{L}\p{N}’'&.-]*)*/gu;
  for (const run of text.matchAll(pattern)) {
    for (const match of splitAtSentenceEnds(run[0], run.index ?? 0)) addEntity(match);
  }
  function addEntity(match: { 0: string; index: number }): void {
    // A possessive, a closing quote mark ("‘Bank of England’ are…") or a trailing stop is not part of the name.
    let phrase = match[0].replace(/[’']s$/u, '').replace(/[.’'-]+$/u, '');
    const parts = phrase.split(/\s+/);
    while (parts.length > 0 && NOT_NAMES.has(parts[0] ?? '')) parts.shift();
    phrase = parts.join(' ');
    if (phrase.length < 2) return;
    const start = match.index;
    const atSentenceStart = start === 0 || /[.!?:"“]\s*$/u.test(text.slice(Math.max(0, start - 3), start));
    if (atSentenceStart && parts.length === 1 && match[0] === phrase && !/\p{Lu}.*\p{Lu}/u.test(phrase)) {
      // A single ordinary capitalized word at the start of a sentence is usually not a name.
      return;
    }
    found.add(phrase.toLowerCase());
  }
  return [...found].sort();
}

/**
 * Splits a run of capitalized words where a sentence ends inside it: "Economic Area. Furthermore"
 * is two runs, not one name. A word ending in a full stop ends the run unless it is an initial or
 * an abbreviation of initials ("J.", "U.K."), which names keep.
 */
function splitAtSentenceEnds(run: string, at: number): { 0: string; index: number }[] {
  const pieces: { 0: string; index: number }[] = [];
  const boundary = /(?<!(?:^|[\s.])\p{Lu})\.\s+/gu;
  let from = 0;
  for (const end of run.matchAll(boundary)) {
    const stop = (end.index ?? 0) + 1;
    pieces.push({ 0: run.slice(from, stop), index: at + from });
    from = stop + end[0].length - 1;
  }
  pieces.push({ 0: run.slice(from), index: at + from });
  return pieces;
}
