/**
 * What the align stage compares between two sentences: weighted content terms, figures, dates
 * and names, and the similarity score built from them.
 *
 * Kept apart from `align-claims.ts` so the score can be calibrated and tested on labeled pairs
 * without building whole articles, and so `find-conflicts/` reads the same anchors.
 */
import stringSimilarity from 'string-similarity';
import { headlineBigrams, headlineDice } from './headline-dice.ts';
import { memoizeByText } from '../memory-cache.ts';
import { contentTerms, entities, figures, isStopWord, sameFigure, stem, type Figure } from '../text-features.ts';
import { alternatives, capitalized, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../calendar-words.ts';

/** A date as a sentence states it, at the precision the text gives. */
export interface DateMention {
  /** The text as written ("April 2025", "early 2025", "June 8, 2026"). */
  raw: string;
  year: number;
  /** 1–12 when a month is named. */
  month?: number;
  /** Day of the month when stated. */
  day?: number;
  /** A vaguer part of the year: "early", "mid", "late" or a quarter "q1".."q4". */
  part?: string;
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_PATTERN = new RegExp(
  String.raw`\b(?:(early|mid|late)[\s-]+)?(?:(q[1-4])\s+(?:of\s+)?)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(?:${MONTH}\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?)?((?:19|20)\d{2})\b`,
  'giu',
);

/** Dates stated in text: a year, optionally with a month (and day), a part ("early") or a quarter. */
export function dateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const [raw, part, quarter, dayBefore, monthName, dayAfter, year] = match;
    if (year === undefined) continue;
    // "29 2025" without a month is two numbers, not a date: keep only the year.
    const month = monthName === undefined ? undefined : MONTHS.findIndex((month) => month.startsWith(monthName.slice(0, 3).toLowerCase())) + 1;
    const dayText = month === undefined ? undefined : (dayAfter ?? dayBefore);
    const mention: DateMention = { raw: month === undefined && dayBefore !== undefined ? year : raw.trim(), year: Number(year) };
    if (month !== undefined) mention.month = month;
    if (dayText !== undefined) mention.day = Number(dayText);
    const vague = quarter ?? part;
    if (vague !== undefined && month === undefined) mention.part = vague.toLowerCase();
    else if (vague !== undefined) mention.raw = raw.trim();
    found.push(mention);
  }
  return found;
}

/**
 * Two dates can describe the same moment: the same year, and nothing stated in both that differs.
 * A bare year agrees with any date in that year; "early 2025" and "April 2025" do not agree,
 * because they are different statements a reader should see side by side.
 */
export function compatibleDates(a: DateMention, b: DateMention): boolean {
  if (a.year !== b.year) return false;
  const aBare = a.month === undefined && a.part === undefined;
  const bBare = b.month === undefined && b.part === undefined;
  if (aBare || bBare) return true;
  if (a.part !== undefined || b.part !== undefined) return a.part === b.part && a.month === b.month;
  if (a.month !== b.month) return false;
  return a.day === undefined || b.day === undefined || a.day === b.day;
}

/** Figures agree when they state the same value; "89.5" and "89.5%" agree (a unit left out). */
export function compatibleFigures(a: Figure, b: Figure): boolean {
  if (sameFigure(a, b)) return true;
  return (a.unit === '' || b.unit === '') && a.value === b.value;
}

/** A name's words with possessives dropped, so "Orland’s AI" and "Orland AI" are one name. */
function nameWords(name: string): string[] {
  return name.split(/\s+/).map((word) => word.replace(/['’]s$/u, ''));
}

/**
 * How two different names relate: `spelling` when they differ in one word that is spelled alike
 * ("Northfield Labs" / "Northfeld Labs", "Orland Autonomy Labs" / "Orland Autonomous Labs"),
 * `word` when one word differs outright ("Coastal Climate Institute" / "Coastal Ocean Institute"),
 * `null` when they are not variants of one name (or are the same name, or one extends the other).
 */
export function nameVariant(a: string, b: string): 'spelling' | 'word' | null {
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const known = variantMemo.get(key);
  if (known !== undefined) return known;
  if (variantMemo.size > 100_000) variantMemo.clear();
  const result = compareNames(a, b);
  variantMemo.set(key, result);
  return result;
}

/** Results of `nameVariant`: the same few names are compared across every sentence pair of a story. */
const variantMemo = new Map<string, 'spelling' | 'word' | null>();

/** Titles written before a person's surname ("Ms Cardell", "Gov. Okafor"): another way to name the same person. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'gov', 'sen', 'rep', 'rev', 'president', 'judge', 'justice']);

function compareNames(a: string, b: string): 'spelling' | 'word' | null {
  const aw = nameWords(a);
  const bw = nameWords(b);
  if (aw.length < 2 || aw.length !== bw.length) return null;
  // "Ms Cardell" and "Sarah Cardell" are one person named two ways, not rival names.
  if (aw.at(-1) === bw.at(-1) && (TITLES.has((aw[0] ?? '').replace(/\.$/u, '')) || TITLES.has((bw[0] ?? '').replace(/\.$/u, '')))) return null;
  const differing = aw.map((word, i) => [word, bw[i] ?? ''] as const).filter(([x, y]) => x !== y);
  if (differing.length !== 1) return null;
  const [x, y] = differing[0] ?? ['', ''];
  if (/\d/.test(x) || /\d/.test(y)) return null;
  return stringSimilarity.compareTwoStrings(x, y) >= 0.5 ? 'spelling' : 'word';
}

/** Everything the align stage needs to know about one sentence, computed once. */
export interface SentenceFeatures {
  id: string;
  articleId: string;
  text: string;
  /** Distinct stemmed content terms without digits (figures and dates are compared as anchors). */
  terms: string[];
  figures: Figure[];
  dates: DateMention[];
  /** Named entities, lowercased. */
  names: string[];
  /** Content terms that belong to the names, kept apart so sharing only names is not a shared fact. */
  nameTerms: string[];
  /** Quoted words ("…" of three words or more). */
  quoted: boolean;
  /** Numbered names, lowercased ("category 3", "stage 2", "route 66"): a name whose number says which one. */
  numbered: string[];
}

/**
 * Stems news reports use interchangeably for one act, mapped to one of them: an outlet that writes
 * "unveiled" and another that writes "launched" state the same fact. General news verbs only.
 */
const EQUIVALENT_STEMS: ReadonlyMap<string, string> = new Map(
  [
    // Not "release": it also names a later or planned version ("hopes to release open versions").
    ['launch', ['unveil', 'debut']],
    ['restructur', ['reorgan', 'reorganis', 'overhaul', 'revamp']],
    ['acquir', ['bought', 'purchas']],
    // Reports of one change or one loss in other words ("prices climbed" / "prices rose";
    // "six were killed" / "six died"; "reads pictures" / "reads images").
    ['rise', ['rose', 'risen', 'climb', 'jump', 'soar', 'surg']],
    ['fall', ['fell', 'fallen', 'drop', 'declin', 'tumbl', 'plung', 'slump', 'sank']],
    ['die', ['kill']],
    ['imag', ['pictur', 'photo']],
    ['resign', ['quit']],
    // One act in the words different desks use ("recruited" / "poached" / "hired"; "pay" /
    // "compensation"; "without power" / "without electricity"; "hit" / "struck"; "halted" /
    // "suspended").
    ['hire', ['recruit', 'poach']],
    ['pai', ['compens', 'salari']],
    ['power', ['electr']],
    ['hit', ['struck']],
    ['halt', ['suspend']],
  ].flatMap(([canonical, others]) => (others as string[]).map((other) => [other, canonical as string] as const)),
);

/**
 * The claim terms of a text: content terms without digits, hyphenated compounds split into their
 * stemmed parts ("closed-source" and "closed source" are one phrase), equivalent news verbs folded.
 */
export function claimTerms(text: string): string[] {
  const terms = new Set<string>();
  // The spelled-out form and the abbreviation name one thing; tech news uses both.
  for (const term of contentTerms(text.replace(/\bartificial[\s-]+intelligence\b/giu, 'AI'))) {
    if (/\d/.test(term)) continue;
    const parts = /^[\p{L}]+(?:-[\p{L}]+)+$/u.test(term) ? term.split('-').filter((part) => part.length > 1 && !isStopWord(part)).map((part) => stem(part)) : [term];
    for (const part of parts) terms.add(EQUIVALENT_STEMS.get(part) ?? part);
  }
  return [...terms].sort();
}

/**
 * The clauses of a long sentence: split at semicolons, dashes, ", and" / ", but" / ", while",
 * where a writer joins two statements, and before an appended ", a …" remark. A sentence without
 * such a joint is one clause.
 */
export function clauses(text: string): string[] {
  return text
    .split(/\s*;\s*|\s*[—–]\s*|\s+-\s+|,\s+(?:and|but|while)\s+|,\s+(?=an?\s)/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** The part of a sentence's features that depends on its text alone. */
type TextFeatures = Omit<SentenceFeatures, 'id' | 'articleId' | 'text'>;

/**
 * Text features remembered by text (up to 5,000 texts). The align and merge stages both read every
 * sentence of a story, and copies and rewrites repeat sentences word for word, so most texts are
 * met more than once. The stored arrays are shared by every feature object made from them, which
 * is safe because no stage alters a feature object (they build new ones, as `withStoryNames` does).
 */
const sharedTextFeatures = memoizeByText((text) => textFeatures(text), 5_000);

function textFeatures(text: string): TextFeatures {
  const terms = claimTerms(text);
  const names = entities(text);
  return {
    terms,
    figures: figures(text),
    dates: dateMentions(text),
    names,
    nameTerms: [...new Set(names.flatMap((name) => contentTerms(name)))],
    quoted: /[“"][^”"]*\s[^”"]*\s[^”"]*[”"]/u.test(text),
    numbered: numberedNames(text),
  };
}

/** A capitalized word inside a sentence and the whole number right after it: "Category 3", "Route 66". */
const NUMBERED_NAME = /(?<=\S\s+)(\p{Lu}\p{Ll}+)\s+(\d{1,4})(?![\d.,:%]|\s*(?:%|percent|per\s?cent|million|billion|thousand|bn|m)\b)/gu;
/** Months and days: "October 9" is a date, compared as one. */
const CALENDAR_WORD = new RegExp(`^(?:${alternatives(capitalized([...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS]))})$`, 'u');

/** The numbered names a text writes ("a Category 3 storm" → "category 3"), dates aside. */
function numberedNames(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(NUMBERED_NAME)) {
    if (!CALENDAR_WORD.test(match[1] ?? '')) found.add(`${(match[1] ?? '').toLowerCase()} ${match[2]}`);
  }
  return [...found].sort();
}

/**
 * True when two texts write one numbered name with different numbers and never the same one
 * ("a Category 3 storm" / "a Category 1 storm"; "Stage 2" / "Stage 4"): they are about two
 * different things of one kind, so not one fact.
 */
function numberedNamesDisagree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0 || a.some((name) => b.includes(name))) return false;
  const word = (name: string) => name.slice(0, name.lastIndexOf(' '));
  return a.some((x) => b.some((y) => word(x) === word(y)));
}

/**
 * Computes the features of one sentence (its id, its article's id and its text). The arrays in
 * the result may be shared with other sentences of the same text: read them, never change them.
 */
export function sentenceFeatures(id: string, articleId: string, text: string): SentenceFeatures {
  return { id, articleId, text, ...sharedTextFeatures(text) };
}

/**
 * Adds the opening word of a sentence to its names when the story names it elsewhere: `entities`
 * cannot tell "Orland acknowledged…" from "Analysts acknowledged…", but the rest of the story can.
 * Returns new feature objects; the input is not changed.
 */
export function withStoryNames(sentences: SentenceFeatures[]): SentenceFeatures[] {
  const known = new Set(sentences.flatMap((sentence) => sentence.names));
  return sentences.map((sentence) => {
    const opener = /^\p{Lu}[\p{L}\p{N}&-]*/u.exec(sentence.text)?.[0]?.toLowerCase();
    if (opener === undefined || !known.has(opener) || sentence.names.includes(opener)) return sentence;
    const names = [...sentence.names, opener].sort();
    return { ...sentence, names, nameTerms: [...new Set([...sentence.nameTerms, ...contentTerms(opener)])] };
  });
}

/** Inverse document frequency of each term over a set of sentences: rare terms weigh more. */
export type IdfTable = Map<string, number>;

/** IDF over the given sentences: `ln(1 + N / df)`, so a term in every sentence still weighs a little. */
export function buildIdf(sentences: SentenceFeatures[]): IdfTable {
  const df = new Map<string, number>();
  for (const sentence of sentences) for (const term of sentence.terms) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  const idf: IdfTable = new Map();
  for (const [term, count] of df) idf.set(term, Math.log(1 + n / count));
  return idf;
}

/** How two sentences relate on one kind of anchor. */
export type AnchorAgreement = 'agree' | 'disagree' | 'absent';

/** The parts of a sentence-pair comparison, kept so conflicts and tests can read them. */
export interface PairScore {
  /** Overall same-fact score, 0–1; compare with the align threshold. */
  score: number;
  /** Topic overlap on content terms alone (anchors excluded), 0–1. */
  topical: number;
  figures: AnchorAgreement;
  dates: AnchorAgreement;
  /** "disagree" when one names something the other names differently (look-alike names). */
  names: AnchorAgreement;
}

function weight(idf: IdfTable, term: string): number {
  return idf.get(term) ?? Math.log(2);
}

/** The IDF weight of `terms` (`total`) and of those `present` holds (`covered`): how much of a text another states. */
export function termWeights(terms: readonly string[], present: ReadonlySet<string>, idf: IdfTable): { total: number; covered: number } {
  let total = 0;
  let covered = 0;
  for (const term of terms) {
    const w = weight(idf, term);
    total += w;
    if (present.has(term)) covered += w;
  }
  return { total, covered };
}

/**
 * Agreement on one kind of anchor. A value one sentence states and the other does not is no
 * contradiction (it may simply add detail); they disagree when each states a value the other
 * lacks and the two values could measure the same thing (`comparable`).
 */
function anchorAgreement<T>(a: T[], b: T[], same: (x: T, y: T) => boolean, comparable: (x: T, y: T) => boolean): AnchorAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  const onlyA = a.filter((x) => !b.some((y) => same(x, y)));
  const onlyB = b.filter((y) => !a.some((x) => same(x, y)));
  if (onlyA.some((x) => onlyB.some((y) => comparable(x, y)))) return 'disagree';
  return onlyA.length < a.length ? 'agree' : 'absent';
}

/** Figures of one unit within a factor of four of each other can be rival values of one quantity. */
export function comparableFigures(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  const small = Math.min(Math.abs(a.value), Math.abs(b.value));
  const large = Math.max(Math.abs(a.value), Math.abs(b.value));
  return small > 0 && large / small <= 4;
}

function nameAgreement(a: string[], b: string[]): AnchorAgreement {
  if (a.length === 0 || b.length === 0) return 'absent';
  const onlyA = a.filter((name) => !b.includes(name));
  const onlyB = b.filter((name) => !a.includes(name));
  if (onlyA.some((x) => onlyB.some((y) => nameVariant(x, y) !== null))) return 'disagree';
  return a.some((name) => b.includes(name)) ? 'agree' : 'absent';
}

/** Stems of the words that say who reported a statement, not what it states. */
const REPORTING_TERMS: ReadonlySet<string> = new Set(
  ['according', 'said', 'says', 'told', 'reported', 'announced', 'stated', 'noted', 'added', 'wrote', 'confirmed'].map((word) => stem(word)),
);

/** Weights of the same-fact score; they sum to 1 before the anchor bonus. */
const TERM_DICE = 0.5;
const TERM_OVERLAP = 0.25;
const CHARACTERS = 0.25;
/** Added to the score when both sentences state the same figure. */
export const SHARED_FIGURE_BONUS = 0.1;

/**
 * The content-term part of the same-fact score: IDF-weighted Dice, the overlap coefficient (damped
 * for very short sentences) and their mean, the topic overlap. Cheap: no character comparison, so
 * callers that only need the topic use this instead of `scorePair`.
 */
export function termOverlap(a: SentenceFeatures, b: SentenceFeatures, idf: IdfTable): { dice: number; overlap: number; topical: number } {
  const bTerms = new Set(b.terms);
  let shared = 0;
  let aWeight = 0;
  let bWeight = 0;
  for (const term of a.terms) {
    const w = weight(idf, term);
    aWeight += w;
    if (bTerms.has(term)) shared += w;
  }
  for (const term of b.terms) bWeight += weight(idf, term);
  const dice = aWeight + bWeight === 0 ? 0 : (2 * shared) / (aWeight + bWeight);
  // Overlap rewards a sentence contained in a longer one, but a three-word sentence is contained
  // in too many: damp it until the shorter side has a few terms.
  const fewest = Math.min(a.terms.length, b.terms.length);
  const overlap = Math.min(aWeight, bWeight) === 0 ? 0 : (shared / Math.min(aWeight, bWeight)) * Math.min(1, fewest / 5);
  return { dice, overlap, topical: (dice + overlap) / 2 };
}

/**
 * The lowercased text's character bigrams, counted once per text (up to 5,000 texts) rather than
 * once per pair: the numbers `headlineDice` gives from them are exactly `compareTwoStrings` of the
 * lowercased texts. The pairs that reuse a text's bigrams all lie within one story.
 */
const characterBigrams = memoizeByText((text) => headlineBigrams(text.toLowerCase()), 5_000);

/**
 * Scores whether two sentences state the same fact. Content terms are IDF-weighted and compared
 * both ways (Dice, so a short sentence does not match every long one, and overlap, so a paraphrase
 * that adds a clause still matches); character-bigram similarity catches near-copies; a figure
 * stated by both adds confidence. Anchors that differ (figures, dates, look-alike names) are
 * reported so the caller can refuse the pair and record a conflict instead.
 */
export function scorePair(a: SentenceFeatures, b: SentenceFeatures, idf: IdfTable): PairScore {
    const { dice, overlap, topical } = termOverlap(a, b, idf);
  const figureAgreement = anchorAgreement(a.figures, b.figures, compatibleFigures, comparableFigures);
  const dateAgreement = anchorAgreement(a.dates, b.dates, compatibleDates, () => true);
  // Two ratings of one kind ("Category 3" / "Category 1") tell two facts, unless a shared figure
  // ties the sentences to one ("winds of 120 mph at landfall, … weakened to Category 1").
  const names = figureAgreement !== 'agree' && numberedNamesDisagree(a.numbered, b.numbered) ? 'disagree' : nameAgreement(a.names, b.names);
  // Character similarity is only worth its cost when the sentences share some topic.
  const characters = dice < 0.1 ? 0 : headlineDice(characterBigrams(a.text), characterBigrams(b.text));
  let score = TERM_DICE * dice + TERM_OVERLAP * overlap + CHARACTERS * characters;
  // Sharing only names means the same subject, not the same fact ("X cut jobs" / "X was founded in 1921");
  // so does sharing names and who reported it ("…, according to the Weather Center" / "This according to the Weather Center").
  if (sharedFactTerms(a, b).length === 0) score *= 0.5;
  if (figureAgreement === 'agree') score += SHARED_FIGURE_BONUS;
  return { score: Math.min(1, score), topical, figures: figureAgreement, dates: dateAgreement, names };
}

/** Words that attribute a statement to someone, which makes it a report of what they said. */
export const ATTRIBUTION = /\b(said|says|told|wrote|stated|added|noted|according to|announced|reported|reports|confirmed)\b/iu;

/**
 * True when a sentence says only who reported something ("This according to the Weather
 * Center."): it has content terms, all of them names or reporting words, and no figure, date or
 * quote, so it states no fact of its own.
 */
export function onlyAttribution(features: SentenceFeatures): boolean {
  if (!ATTRIBUTION.test(features.text)) return false;
  if (features.terms.length === 0 || features.figures.length > 0 || features.dates.length > 0 || features.quoted) return false;
  const names = new Set(features.nameTerms);
  return features.terms.every((term) => names.has(term) || REPORTING_TERMS.has(term));
}

/**
 * The content terms two sentences share outside their names and reporting words ("said",
 * "according"): the words that say what happened, not who it happened to or who told it.
 */
export function sharedFactTerms(a: SentenceFeatures, b: SentenceFeatures): string[] {
  const bTerms = new Set(b.terms);
  const nameTerms = new Set([...a.nameTerms, ...b.nameTerms]);
  return [...new Set(a.terms.filter((term) => bTerms.has(term) && !nameTerms.has(term) && !REPORTING_TERMS.has(term)))];
}

/** True when the anchors of a pair contradict each other, so it cannot be the same claim. */
export function anchorsDisagree(pair: PairScore): boolean {
  return pair.figures === 'disagree' || pair.dates === 'disagree' || pair.names === 'disagree';
}

/**
 * True when everything `part` says is in `whole`: at least 85% of its term weight, all its
 * names, and every figure and date it states, with nothing contradicting.
 */
export function containedIn(part: SentenceFeatures, whole: SentenceFeatures, idf: IdfTable): boolean {
  if (part.terms.length < 3) return false;
  const { total, covered } = termWeights(part.terms, new Set(whole.terms), idf);
  if (total === 0 || covered / total < 0.85) return false;
  if (!part.names.every((name) => whole.names.includes(name))) return false;
  if (!part.figures.every((f) => whole.figures.some((g) => compatibleFigures(f, g)))) return false;
  return part.dates.every((d) => whole.dates.some((e) => compatibleDates(d, e)));
}
