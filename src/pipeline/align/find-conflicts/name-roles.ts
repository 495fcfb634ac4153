/**
 * Names as the conflict finder reads them: where each name stands in a sentence and what it does
 * there (the one a statement is about, the thing a figure is measured on, or the outlet that
 * reports it), one key for the spellings, plurals and possessives of one name, and whether two
 * different names are rival versions of one name.
 */
import stringSimilarity from 'string-similarity';
import { isCommonCapitalized, stem } from '../../text-features.ts';
import { alternatives, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../../calendar-words.ts';

/** How a sentence uses a name. */
export type NameRole = 'subject' | 'object' | 'source';

/** One name in one sentence. */
export interface NameSpan {
  /** As written, a final possessive dropped ("Orland’s" → "Orland"). */
  text: string;
  /** The key shared by its spellings: lowercase stemmed words, possessives dropped ("orland autonomi lab"). */
  key: string;
  /** Offset of the first character in the sentence. */
  index: number;
  /** Offset just after the last character (possessive included). */
  end: number;
  /** Written with a possessive ("Orland’s stock"), so it owns what follows. */
  possessive: boolean;
  role: NameRole;
}

/**
 * A run of capitalized words, with version numbers inside or after it ("Vesper 3.1 Pro",
 * "Corvid 4") but not a figure or a year after it.
 */
const NAME_RUN =
  /\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+(?:(?:of|de|the)\s+)?(?:\p{Lu}[\p{L}\p{N}’'&.-]*|\d+(?:\.\d+)*(?![\d%]|[.,]\d|\s*(?:%|percent|per cent|thousand|million|billion|trillion|bn|mn)\b)))*/gu;

/** Words that date rather than name: they end a name run. */
const CALENDAR_WORD = new RegExp(`^(?:${alternatives([...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS])}|q[1-4]|h[12])$`, 'iu');

/** Capitalized abbreviations that name a kind of thing or a title, not one party ("AI", "CEO"). */
const GENERIC_ABBREVIATIONS = new Set(['ai', 'ceo', 'cfo', 'cto', 'coo', 'api', 'apis', 'phd', 'ipo', 'gdp', 'i']);

/** Verbs that make the name before them the outlet or person reporting something. */
const REPORTING_AFTER = /^,?\s+(?:said|says|reported|reports|told|tells|noted|notes|wrote|writes|estimated|estimates|added|adds|confirmed|confirms|stated|states|claimed|claims)\b/iu;
/** Words that make the name after them the source of a statement, not its subject. */
const REPORTING_BEFORE = /\b(?:according\s+to|told|tells|reported\s+by|per|via|cited\s+by)\s+(?:the\s+)?$/iu;
/** Prepositions after which a name is what something is measured on or done to, not who does it. */
const OBJECT_BEFORE =
  /\b(?:on|in|at|for|into|from|to|by|with|against|than|behind|over|under|versus|vs\.?|about|like|including|called|named|dubbed|beat|beating|trailed|trailing|outperform(?:s|ed|ing)?)\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?$/iu;

const POSSESSIVE = /[’']s$/u;

/**
 * The key of a name: words lowercased, accents dropped ("Nicolás" and "Nicolas" are one spelling),
 * possessives dropped, each word stemmed so "Labs" and "Lab" agree.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(POSSESSIVE, '').replace(/[.,-]+$/u, '').toLowerCase())
    .filter((word) => word.length > 0)
    .map((word) => (/^\p{L}+$/u.test(word) ? stem(word) : word))
    .join(' ');
}

/**
 * The names of a sentence, in text order, with their role. A single capitalized word that only
 * opens the sentence counts only when `known` (the story's names, lowercased) holds it, as the
 * align stage's `withStoryNames` does.
 */
export function nameSpans(text: string, known: ReadonlySet<string> = new Set()): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    let start = match.index ?? 0;
    let run = match[0];
    // "Shares of Orland Motors" opening a sentence: an ordinary word before "of", not part of the name.
    const opener = /^(\p{Lu}\p{Ll}+)\s+of\s+/u.exec(run);
    if (opener !== null && atStart(text, start) && !known.has((opener[1] ?? '').toLowerCase())) {
      start += opener[0].length;
      run = run.slice(opener[0].length);
    }
    for (const piece of splitRun(run, start)) {
      const span = toSpan(text, piece.text, piece.index, known);
      if (span !== undefined) spans.push(span);
    }
  }
  return spans;
}

/** Cuts a run at calendar words ("April 8" dates, it does not name) and drops the opening function words. */
function splitRun(run: string, offset: number): { text: string; index: number }[] {
  const pieces: { text: string; index: number }[] = [];
  const tokens = [...run.matchAll(/\S+/gu)].map((m) => ({ word: m[0], index: offset + (m.index ?? 0) }));
  let current: { word: string; index: number }[] = [];
  const flush = (): void => {
    // Function words ("The", "On") and numbers cannot open a name.
    while (current.length > 0 && (isCommonCapitalized(current[0]?.word ?? '') || !/^\p{Lu}/u.test(current[0]?.word ?? ''))) current.shift();
    // Nor end one, except a version number ("Corvid 4").
    while (current.length > 0 && /^(?:of|de|the)$/u.test(current[current.length - 1]?.word ?? '')) current.pop();
    const first = current[0];
    const last = current[current.length - 1];
    if (first !== undefined && last !== undefined) pieces.push({ text: run.slice(first.index - offset, last.index - offset + last.word.length), index: first.index });
    current = [];
  };
  for (const token of tokens) {
    const bare = token.word.replace(POSSESSIVE, '').replace(/[.,]+$/u, '');
    if (CALENDAR_WORD.test(bare)) flush();
    else if (current.length > 0 && /^\d/u.test(token.word) && CALENDAR_WORD.test(current[current.length - 1]?.word ?? '')) continue;
    else current.push(token);
  }
  flush();
  return pieces;
}

function toSpan(text: string, raw: string, index: number, known: ReadonlySet<string>): NameSpan | undefined {
  let trimmed = raw.replace(/[.-]+$/u, '');
  // A closing quotation mark ("its 'Ferry Pass' service") is not part of the name; a possessive is.
  if (!POSSESSIVE.test(trimmed)) trimmed = trimmed.replace(/[’'.-]+$/u, '');
  // "Idris-related": a name made into an adjective is the name; a capital glued on after a
  // lowercase letter ("CountyA") is the next sentence run into it by a lost line break.
  trimmed = trimmed.replace(/-\p{Ll}+$/u, '').replace(/(?<=\p{Ll}{2})\p{Lu}$/u, '');
  const possessive = POSSESSIVE.test(trimmed);
  const written = trimmed.replace(POSSESSIVE, '');
  const words = written.split(/\s+/u);
  if (written.length < 2) return undefined;
  if (words.length === 1 && GENERIC_ABBREVIATIONS.has(written.toLowerCase())) return undefined;
  if (atStart(text, index) && words.length === 1 && !/\p{Lu}.*\p{Lu}/u.test(written) && !isKnownWord(written.toLowerCase(), known)) return undefined;
  const end = index + trimmed.length;
  const before = text.slice(Math.max(0, index - 40), index);
  const after = text.slice(end, end + 20);
  const role: NameRole = REPORTING_AFTER.test(after) || REPORTING_BEFORE.test(before) ? 'source' : OBJECT_BEFORE.test(before) ? 'object' : 'subject';
  return { text: written, key: nameKey(written), index, end, possessive, role };
}

/** True when `index` opens the sentence (or a quotation or a clause after a colon). */
function atStart(text: string, index: number): boolean {
  return index === 0 || /[.!?:"“]\s*$/u.test(text.slice(Math.max(0, index - 3), index));
}

/** A word the story uses as a name, alone or as the first word of a longer name ("Orland" of "Orland Motors"). */
function isKnownWord(word: string, known: ReadonlySet<string>): boolean {
  let words = knownWords.get(known);
  if (words === undefined) {
    words = new Set([...known].map((name) => name.split(' ')[0] ?? name));
    knownWords.set(known, words);
  }
  return words.has(word);
}

/** The first words of each story's known names, computed once per set of names. */
const knownWords = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * True when two name keys can refer to one party: the same key, or one is the other's first or
 * last words ("pellam" / "pellam ai", "vesper 3.1 pro" / "arkwright vesper 3.1 pro").
 */
export function sameParty(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `) || long.endsWith(` ${short}`);
}

/**
 * True when `short` is a shorter form of the name `long`: at least two words, the last ones of
 * `long` ("autonomi lab" of "orland autonomi lab"). Such a form is one variant with the
 * full name, not a rival.
 */
export function shorterForm(short: string, long: string): boolean {
  return short.includes(' ') && short.length < long.length && long.endsWith(` ${short}`);
}

/**
 * Whether two different names are rival versions of one name, from their written forms. They must
 * have as many words (two or more) and differ in one word, without digits in it. `spelling` when
 * that word is spelled alike ("Northfield" / "Northfeld", "Autonomy" / "Autonomous"):
 * one name written two ways, wherever it stands. `word` when another word takes a middle place
 * ("Coastal Climate Institute" / "Coastal Ocean Institute"): the same kind of thing named two
 * ways. A different first word is another owner ("Pellam AI" / "Orland AI") and a different last
 * word another kind of thing ("Orland Motors" / "Orland AI"): unrelated names, `null`.
 * Spellings, plurals and possessives of one name share a key and are never rivals.
 */
export function rivalNames(a: string, b: string): 'spelling' | 'word' | null {
  if (nameKey(a) === nameKey(b)) return null;
  const aw = plainWords(a);
  const bw = plainWords(b);
  if (aw.length < 2 || aw.length !== bw.length) return null;
  const differing: number[] = [];
  aw.forEach((word, i) => {
    if (stem(word) !== stem(bw[i] ?? '')) differing.push(i);
  });
  if (differing.length !== 1) return null;
  const at = differing[0] ?? 0;
  const x = aw[at] ?? '';
  const y = bw[at] ?? '';
  if (/\d/u.test(x) || /\d/u.test(y)) return null;
  // A clipped form ("Pete" of "Petersburg") or a hyphened pair holding the other word
  // ("Northfield-Orland" / "Orland") names the same thing or two things, never a rival version.
  if (clipped(x, y) || clipped(y, x) || x.split('-').includes(y) || y.split('-').includes(x)) return null;
  // After a title, the one word left is the person: "Mr. Hale" and "Mr. Marsh" are two people.
  if (aw.length === 2 && at === 1 && TITLES.has((aw[0] ?? '').replace(/\.$/u, ''))) return null;
  if (stringSimilarity.compareTwoStrings(x, y) >= 0.5) return 'spelling';
  return at > 0 && at < aw.length - 1 ? 'word' : null;
}

/** Titles written before a surname. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'sgt', 'lt', 'judge', 'president', 'sheriff', 'mayor', 'governor', 'senator']);

/** True when `short` is `long` cut off after three or more letters ("Pete" of "Petersburg"). */
function clipped(short: string, long: string): boolean {
  return short.length >= 3 && short.length < long.length && long.startsWith(short);
}

function plainWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(POSSESSIVE, ''))
    .filter((word) => word.length > 0);
}
