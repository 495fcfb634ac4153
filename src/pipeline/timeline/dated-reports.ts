/**
 * The first step of the timeline stage: every dated statement of a story's articles (`Report`),
 * dated at the precision the text gives, with the words that tell what happened then.
 *
 * Dates come from `date-expressions.ts` (chrono-node plus our parsers), the words from
 * `event-clause.ts`. Relative dates ("last year", "On Wednesday") count from the article's
 * publication date; when that is unknown they count from the day most of the story's dated sources
 * were published (or a later full date the article itself states, up to the latest known publication
 * date), else from the latest full date the article states, and the report records it
 * (`anchoring`). With nothing to count from, the relative date is dropped, never guessed.
 */
import type { IsoDate, SegmentedArticle, Sentence } from '../../types.ts';
import { isChromeSentence } from '../normalize/page-chrome.ts';
import { findDateMentions, type DateMention, type DateRange, type MentionContext } from './date-expressions.ts';
import { datesAForecast, datesANewsPromise, eventClause, onlyTellsASaying, soundsPlanned } from './event-clause.ts';
import { actsInText, actsOf, eventTerms, multiWordNames, ownPart, type Telling } from './same-happening.ts';

/** Words that say only that something happened at a time, not what: "this happened at 8:30 pm", "it took place then". */
const EMPTY_TERMS = eventTerms('happened happens occurred occurs took place pm am eastern pacific central mountain time local gmt utc bst cet et');

/** Characters either side of a date that its clause is looked for in. */
const WINDOW = 400;

/** How one article's relative dates are anchored. */
export interface Anchor {
  date: IsoDate | undefined;
  /** Why this date, when it is not the article's own publication date (e.g. "the latest full date …"). */
  basis: string | undefined;
}

/** One relative expression counted from a stand-in date, for the event's `anchorNote`. */
export interface Anchoring {
  articleId: string;
  expression: string;
  from: IsoDate;
  basis: string;
}

/** One dated statement from one article, before reports of the same event are merged. */
export interface Report {
  range: DateRange;
  text: string;
  upcoming: boolean;
  articleId: string;
  /** The article's own date is known (or the date is absolute): the report dates the event by itself. */
  direct: boolean;
  /** The text names the date outright ("in June 2025"), rather than counting to it ("10 months after"). */
  stated: boolean;
  anchoring: Anchoring | undefined;
  /** What the statement says happened, as `sameHappening` compares it. */
  telling: Telling;
  /** The date as written, without trailing punctuation. */
  expression: string;
  /** The date is that of a forecast ("the storm will reach the coast on Thursday"), not of a happening or a saying. */
  forecast: boolean;
  /** The date relative dates count from: the article's publication date, or its stand-in. */
  told: IsoDate | undefined;
  /** The paragraph of its article the statement is in. */
  paragraph: number;
  /** Its sentence speaks in the first or second person ("we", "you"): a line of someone's statement. */
  spoken: boolean;
}

/** How the relative dates of each article are anchored, and the note that says so. */
export function anchorsFor(articles: SegmentedArticle[], memo: StoryMemo): Map<string, Anchor> {
  const known = articles
    .filter((a) => a.meta.published !== 'unknown')
    .map((a) => ({ id: a.id, date: a.meta.published as IsoDate }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const usual = mostCommonDate(known);
  const latest = known.at(-1);
  const anchors = new Map<string, Anchor>();
  for (const article of articles) {
    if (article.meta.published !== 'unknown') {
      anchors.set(article.id, { date: article.meta.published, basis: undefined });
      continue;
    }
    const stated = latestStatedDay(article, memo);
    if (usual !== undefined && latest !== undefined) {
      // Most coverage comes out on the day most of it does: counting from the earliest report put a
      // later report's "Thursday" a week early. A day the article itself states (up to the latest
      // known report) shows it came out no earlier than that.
      if (stated !== undefined && stated > usual.date && stated <= latest.date) {
        anchors.set(article.id, { date: stated, basis: 'the latest full date the article itself states' });
      } else {
        anchors.set(article.id, { date: usual.date, basis: `the day most of this story's dated sources were published (${usual.id})` });
      }
    } else {
      anchors.set(article.id, { date: stated, basis: stated === undefined ? undefined : 'the latest full date the article itself states' });
    }
  }
  return anchors;
}

/** What one sentence's date reading gives: its mentions and the context for the next sentence. */
type Found = ReturnType<typeof findDateMentions>;

/** The words `toReport` takes from around one date mention. */
interface Clause {
  text: string;
  /** The mention's text without trailing punctuation, as the anchor note quotes it. */
  expression: string;
  /** Event terms of the whole clause, its date left out: none means nothing is said about the date. */
  terms: Set<string>;
  telling: Telling;
}

/**
 * Results remembered for the length of one `extractTimeline` call. A story's articles often repeat
 * sentences word for word (copies, rewrites, boilerplate), and reading a sentence's dates (chrono)
 * and its event clauses is the costliest part of the stage. Both are pure functions of what keys
 * them: `findDateMentions` of the sentence and every field of the context, a clause of the mention
 * object (a remembered mention is only ever handed out with its own sentence and list). Nothing
 * here outlives the call, and no result is altered after it is stored.
 */
export interface StoryMemo {
  mentions(sentence: string, context: MentionContext): Found;
  clauses: WeakMap<DateMention, Clause>;
}

export function createStoryMemo(): StoryMemo {
  const found = new Map<string, Found>();
  return {
    mentions: (sentence, context) => {
      const { anchor, lastYear, lastRange, future, past } = context;
      const range = lastRange === undefined ? [] : [lastRange.start, lastRange.end, lastRange.label, lastRange.precision];
      const key = JSON.stringify([sentence, anchor ?? null, lastYear ?? null, range, future, past ?? null]);
      let result = found.get(key);
      if (result === undefined) {
        result = findDateMentions(sentence, context);
        found.set(key, result);
      }
      return result;
    },
    clauses: new WeakMap(),
  };
}

/** The publication date most dated sources share (on a tie the later), with the first source of that day. */
function mostCommonDate(known: { id: string; date: IsoDate }[]): { id: string; date: IsoDate } | undefined {
  let best: { id: string; date: IsoDate; count: number } | undefined;
  for (const item of known) {
    const count = known.filter((other) => other.date === item.date).length;
    if (best === undefined || count > best.count || (count === best.count && item.date > best.date)) best = { ...item, count };
  }
  return best === undefined ? undefined : { id: best.id, date: best.date };
}

/** The latest day-precise absolute date an article states: it was published on or after it. */
function latestStatedDay(article: SegmentedArticle, memo: StoryMemo): IsoDate | undefined {
  let latest: IsoDate | undefined;
  let context: MentionContext = { anchor: undefined, lastYear: undefined, lastRange: undefined, future: false };
  for (const sentence of article.sentences) {
    if (sentence.kind === 'heading') continue;
    const found = memo.mentions(sentence.text, { ...context, future: soundsPlanned(sentence.text) });
    context = found.context;
    for (const mention of found.mentions) {
      if (mention.kind !== 'absolute' || mention.range?.precision !== 'day' || soundsPlanned(sentence.text)) continue;
      if (latest === undefined || mention.range.start > latest) latest = mention.range.start;
    }
  }
  return latest;
}

/** Every dated statement of one article. */
export function reportsOf(article: SegmentedArticle, anchor: Anchor, maxLength: number, memo: StoryMemo): Report[] {
  const reports: Report[] = [];
  let context: MentionContext = { anchor: anchor.date, lastYear: undefined, lastRange: undefined, future: false };
  const sentences = [...article.sentences].sort((a, b) => a.index - b.index);
  for (const sentence of sentences) {
    // Chrome glued to a sentence (a web cache's time stamp, a photo caption) dates nothing that happened.
    if (sentence.kind === 'heading' || isChromeSentence(sentence.text)) continue;
    const planned = soundsPlanned(sentence.text);
    const found = memo.mentions(sentence.text, { ...context, future: planned });
    context = found.context;
    for (const mention of found.mentions) {
      const report = toReport(article.id, sentence, mention, found.mentions, anchor, maxLength, memo);
      if (report !== undefined) reports.push(report);
    }
  }
  return reports;
}

function toReport(
  articleId: string,
  { text: sentence, paragraph }: Sentence,
  mention: DateMention,
  all: DateMention[],
  anchor: Anchor,
  maxLength: number,
  memo: StoryMemo,
): Report | undefined {
  if (mention.range === null) return undefined;
  let clause = memo.clauses.get(mention);
  if (clause === undefined) {
    clause = eventClauseOf(sentence, mention, all, maxLength);
    memo.clauses.set(mention, clause);
  }
  const { text, expression, terms } = clause;
  // A date with nothing said about it ("This happened at 8:30 pm"), or only who spoke then ("the chief executive said on Friday").
  if ([...terms].every((term) => EMPTY_TERMS.has(term) || /^\d/u.test(term)) || onlyTellsASaying(text)) return undefined;
  // When more will be told ("more details in the coming months") is no happening either.
  if (datesANewsPromise(sentence, mention.index, mention.text.length)) return undefined;
  const anchored = mention.kind === 'relative' && anchor.basis !== undefined && anchor.date !== undefined;
  // Planned, or after the day it was written; a plan dated on or before that day dates its telling
  // ("will shut 80 branches, it said on Sunday"), which is not upcoming.
  const planned = soundsPlanned(text) && (anchor.date === undefined || mention.range.end > anchor.date);
  const upcoming = mention.ahead || planned || (anchor.date !== undefined && mention.range.start > anchor.date);
  return {
    range: mention.range,
    text,
    upcoming,
    articleId,
    direct: !anchored,
    stated: mention.kind === 'absolute' && !mention.datesFollowingPhrase && mention.coverLength === undefined,
    anchoring:
      anchored && anchor.date !== undefined && anchor.basis !== undefined
        ? { articleId, expression, from: anchor.date, basis: anchor.basis }
        : undefined,
    telling: clause.telling,
    expression,
    forecast: datesAForecast(sentence, mention.index),
    told: anchor.date,
    paragraph,
    spoken: FIRST_OR_SECOND_PERSON.test(sentence),
  };
}

/** Words only a speaker's own statement uses in a news report: "we", "our", "you", "I". */
const FIRST_OR_SECOND_PERSON = /\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|[Yy]ou|[Yy]our)\b/u;


/** The event clause of one date mention, its content terms and its multi-word names: what `toReport` reads from the text. */
function eventClauseOf(sentence: string, mention: DateMention, all: DateMention[], maxLength: number): Clause {
  // A clause lies within a few hundred characters of its date; a run-on "sentence" of thousands
  // (a glued list, a hostile file) is cut to that window so each date costs the same.
  const from = sentence.length > WINDOW * 2 ? Math.max(0, mention.index - WINDOW) : 0;
  const window = sentence.length > WINDOW * 2 ? sentence.slice(from, mention.index + mention.text.length + WINDOW) : sentence;
  const local = (index: number) => index - from;
  const others = all
    .filter((m) => m !== mention && m.index >= from && m.index + m.text.length <= from + window.length)
    .map((m) => ({ index: local(m.index), length: m.text.length }));
  const text = eventClause(window, { index: local(mention.index), length: mention.coverLength ?? mention.text.length }, others, {
    maxLength,
    followingPhrase: mention.datesFollowingPhrase,
    ...(mention.phrase === undefined ? {} : { phrase: { index: local(mention.phrase.index), length: mention.phrase.length } }),
  });
  const expression = mention.text.replace(/[\s,;:]+$/u, '');
  const terms = eventTerms(text.replace(expression, ' '));
  if (terms.size === 0) return { text, expression, terms, telling: { terms, names: new Set(), sentenceNames: [] } };
  const otherDates = all.filter((m) => m !== mention).map((m) => m.text.replace(/[\s,;:]+$/u, ''));
  const part = ownPart(text, expression, otherDates);
  const own = eventTerms(part.replace(expression, ' '));
  // "the purchases of Harbor Lines in 2016 and Norrvik Ferries in 2021": a date of the second item of a list
  // dates the act the list hangs on, which the part before the other date names.
  if (/^[\s,]*(?:and|or)\b/iu.test(part) && actsOf({ terms: own, names: new Set(), sentenceNames: [] }).length === 0) {
    const before = text.slice(0, Math.max(0, text.indexOf(part)));
    for (const act of actsInText(before)) own.add(act);
  }
  // "the biggest deal it made in 2016 when it bought Harbor Lines": a "when" clause right after the
  // date tells what happened then, though the clause shown ends at the date.
  const tail = whenTail(window, local(mention.index) + mention.text.length);
  if (tail !== undefined && !text.includes(tail)) for (const term of eventTerms(tail)) own.add(term);
  const telling: Telling = { terms: own.size > 0 ? own : terms, names: new Set(multiWordNames(text)), sentenceNames: multiWordNames(window) };
  return { text, expression, terms, telling };
}

/**
 * The "when …" clause that follows a date (`from`: where the date ends in `sentence`), up to the
 * next comma, semicolon or end of the sentence: "in 2016 when it bought Harbor Lines" → "when it bought
 * Harbor Lines". Undefined when the date is not followed by one.
 */
function whenTail(sentence: string, from: number): string | undefined {
  // A full stop inside a sentence ends an abbreviation ("U.S.-based"), not the clause.
  return /^\s*,?\s*(when\s+[^,;!?]+)/iu.exec(sentence.slice(from))?.[1]?.replace(/[\s.]+$/u, '');
}

