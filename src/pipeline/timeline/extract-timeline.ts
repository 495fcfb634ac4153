/**
 * The timeline stage: every dated event the articles of one story mention, at the precision the
 * text gives, each cited to every article that dates it.
 *
 * Dates come from `date-expressions.ts` (chrono-node plus our parsers), the words from
 * `event-clause.ts`. Relative dates ("last year", "On Wednesday") count from the article's
 * publication date; when that is unknown they count from the day most of the story's dated sources
 * were published (or a later full date the article itself states, up to the latest known publication
 * date), else from the latest full date the article states, and the event says so in
 * `anchorNote`. With nothing to count from, the relative date is dropped, never guessed.
 */
import { assertInRange } from '../../errors.ts';
import { isChromeSentence } from '../normalize/page-chrome.ts';
import type { DerivativeLink, IsoDate, OtherDating, SegmentedArticle, Sentence, TimelineEvent } from '../../types.ts';
import { findDateMentions, formatDay, type DateMention, type DateRange, type MentionContext, type Precision } from './date-expressions.ts';
import { datesAForecast, datesANewsPromise, eventClause, onlyTellsASaying, soundsPlanned } from './event-clause.ts';
import { actsInText, actsOf, eventTerms, mainActs, multiWordNames, ownPart, sameHappening, type Telling } from './same-happening.ts';

/** Options of `extractTimeline`. */
export interface TimelineOptions {
  /** Longest event text, in characters (40–400; default 140). */
  maxTextLength?: number;
  /** Share of the shorter clause's content terms two reports must share to be one event (0–1; default 0.5). */
  sameEventOverlap?: number;
  /**
   * The story's rewrite links (`detectDerivatives`), so that a happening two sources date
   * differently is dated as most independent sources date it; without them each article counts once.
   */
  derivatives?: DerivativeLink[];
}

const DEFAULTS = { maxTextLength: 140, sameEventOverlap: 0.5 };

/** Words that say only that something happened at a time, not what: "this happened at 8:30 pm", "it took place then". */
const EMPTY_TERMS = eventTerms('happened happens occurred occurs took place pm am');

/** Characters either side of a date that its clause is looked for in. */
const WINDOW = 400;

/** How one article's relative dates are anchored. */
interface Anchor {
  date: IsoDate | undefined;
  /** Why this date, when it is not the article's own publication date (e.g. "the latest full date …"). */
  basis: string | undefined;
}

/** One relative expression counted from a stand-in date, for the event's `anchorNote`. */
interface Anchoring {
  articleId: string;
  expression: string;
  from: IsoDate;
  basis: string;
}

/** One dated statement from one article, before reports of the same event are merged. */
interface Report {
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
function anchorsFor(articles: SegmentedArticle[], memo: StoryMemo): Map<string, Anchor> {
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
interface StoryMemo {
  mentions(sentence: string, context: MentionContext): Found;
  clauses: WeakMap<DateMention, Clause>;
}

function createStoryMemo(): StoryMemo {
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
function reportsOf(article: SegmentedArticle, anchor: Anchor, maxLength: number, memo: StoryMemo): Report[] {
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

/**
 * True when two dated statements are lines of one speaker's statement: both in the first or
 * second person, in one paragraph of one article ("…today is a good day to play. … We believe
 * our news today will unlock …"). What a statement says is the saying of it, one happening.
 */
function linesOfOneStatement(a: Report, b: Report): boolean {
  return a.spoken && b.spoken && a.articleId === b.articleId && a.paragraph === b.paragraph;
}

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

/** Reports of one happening: the same words with the same date, or the same happening (`sameHappening`). */
function groupReports(all: Report[], overlap: number, vocabulary: Vocabulary): Report[][] {
  // The same words with the same date from the same article are one report (a repeated line).
  const seen = new Set<string>();
  const reports = all.filter((r) => {
    const key = `${r.range.start}|${r.range.end}|${r.articleId}|${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  // Only reports with the same range are grouped here: compare within each range, not all pairs.
  const byRange = new Map<string, number[]>();
  reports.forEach((r, i) => byRange.set(`${r.range.start}|${r.range.end}`, [...(byRange.get(`${r.range.start}|${r.range.end}`) ?? []), i]));
  const links: { i: number; j: number; strength: number }[] = [];
  for (const members of byRange.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] ?? 0;
        const j = members[y] ?? 0;
        const a = reports[i];
        const b = reports[j];
        if (a === undefined || b === undefined) continue;
        if (sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm) || sameWordsRun(a, b) || linesOfOneStatement(a, b)) {
          links.push({ i, j, strength: likeness(a, b) });
        }
      }
    }
  }
  // The likest pairs join first, and two groups join only when no statement of one names a main
  // act that no statement of the other shares: a statement that names two acts ("won final
  // approval, completing the purchase") or none ("we welcome the team") must not chain a
  // regulator's approval and the buyer's completion into one happening.
  // Each group keeps its members' distinct sets of main acts (few, however many members): the check stays cheap.
  const actsOfGroup = new Map<number, string[][]>(
    reports.map((r, i) => {
      const acts = mainActs(r.telling);
      return [i, acts.length > 0 ? [acts] : []];
    }),
  );
  links.sort((p, q) => q.strength - p.strength || p.i - q.i || p.j - q.j);
  for (const { i, j } of links) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const left = actsOfGroup.get(ri) ?? [];
    const right = actsOfGroup.get(rj) ?? [];
    if (left.some((x) => right.some((y) => !y.some((act) => x.includes(act))))) continue;
    const root = Math.min(ri, rj);
    parent[Math.max(ri, rj)] = root;
    const kinds = new Map([...left, ...right].map((acts) => [[...acts].sort().join(' '), acts]));
    actsOfGroup.set(root, [...kinds.values()]);
  }
  const groups = new Map<number, Report[]>();
  reports.forEach((report, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), report]);
  });
  return [...groups.values()];
}

/** Share of the shorter telling's terms that two reports share: how alike they are, for the order in which they join. */
function likeness(a: Report, b: Report): number {
  const shared = [...a.telling.terms].filter((t) => b.telling.terms.has(t)).length;
  return shared / Math.max(1, Math.min(a.telling.terms.size, b.telling.terms.size));
}

/** Words in a row two tellings of one date must share to be one statement quoted by both. */
const SHARED_RUN = 6;

/** Lowercased words of a text, punctuation and quotation marks left out. */
function plainWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}’'-]+/gu) ?? [];
}

/**
 * True when two reports of one date share `SHARED_RUN` words in a row ("today is a good day to
 * play"): one statement quoted by both, however differently the rest of each clause runs, unless
 * each names another kind of act.
 */
function sameWordsRun(a: Report, b: Report): boolean {
  const acts = actsOf(a.telling);
  const otherActs = actsOf(b.telling);
  if (acts.length > 0 && otherActs.length > 0 && !otherActs.some((act) => acts.includes(act))) return false;
  const left = plainWords(a.text);
  const right = plainWords(b.text);
  if (left.length < SHARED_RUN || right.length < SHARED_RUN) return false;
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_RUN <= left.length; i += 1) runs.add(left.slice(i, i + SHARED_RUN).join(' '));
  for (let i = 0; i + SHARED_RUN <= right.length; i += 1) if (runs.has(right.slice(i, i + SHARED_RUN).join(' '))) return true;
  return false;
}

/** Precisions that name a stretch of the calendar; "the coming weeks" and counted spans are not nested. */
const NESTABLE = new Set(['day', 'week', 'month', 'part-of-month', 'quarter', 'half', 'part-of-year', 'year']);

function width(range: { start: IsoDate; end: IsoDate }): number {
  return Date.parse(range.end) - Date.parse(range.start);
}

/**
 * For each group of reports, the group it is a less precise telling of, if any: a group whose
 * range lies strictly inside its own ("April 2025" inside "early 2025" inside "2025") and that
 * tells the same happening. The most precise such group is chosen; when two equally precise groups
 * fit equally well, the mention is ambiguous and stays an entry of its own.
 */
function nestLessPrecise(groups: Report[][], overlap: number, vocabulary: Vocabulary): Map<number, number> {
  const rangeOf = (g: number): DateRange => (groups[g]?.[0] as Report).range;
  const parentOf = new Map<number, number>();
  const fit = (g: number, h: number): number => {
    let best = 0;
    for (const a of groups[g] ?? []) {
      for (const b of groups[h] ?? []) {
        if (!sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm)) continue;
        const shared = [...a.telling.terms].filter((t) => b.telling.terms.has(t)).length;
        best = Math.max(best, shared / Math.max(1, Math.min(a.telling.terms.size, b.telling.terms.size)) + 1);
      }
    }
    return best;
  };
  groups.forEach((_, g) => {
    const outer = rangeOf(g);
    if (!NESTABLE.has(outer.precision)) return;
    const inside = groups
      .map((__, h) => h)
      .filter((h) => {
        const inner = rangeOf(h);
        return h !== g && NESTABLE.has(inner.precision) && outer.start <= inner.start && inner.end <= outer.end && width(inner) < width(outer);
      })
      .map((h) => ({ h, width: width(rangeOf(h)), fit: fit(g, h) }))
      .filter((c) => c.fit > 0)
      .sort((a, b) => a.width - b.width || b.fit - a.fit || rangeOf(a.h).start.localeCompare(rangeOf(b.h).start));
    const [first, second] = inside;
    if (first === undefined) return;
    if (second !== undefined && second.width === first.width && second.fit === first.fit) return;
    parentOf.set(g, first.h);
  });
  return parentOf;
}

/** One timeline entry before it is shown: its own group of reports and the vaguer groups listed under it. */
interface Entry {
  own: Report[];
  vaguer: Report[][];
}

/** Days two datings of one happening may lie apart at any precision: a week, as for days sources disagree on. */
const RIVAL_SPAN_DAYS = 7;

/** Words that name a stage of a process ("the preliminary approval", "its final ruling"): one act at two stages is two happenings. */
const STAGE = /\b(?:preliminary|provisional|initial|interim|first|second|final|formal|formally)\b/giu;

/** True when two statements name the same stages of their act, or none ("approved" / "signed off"; not "preliminary approval" / "final approval"). */
function sameStage(a: string, b: string): boolean {
  const stages = (text: string) => [...new Set((text.match(STAGE) ?? []).map((w) => w.toLowerCase().replace(/ly$/u, '')))].sort().join(' ');
  return stages(a) === stages(b);
}

/** True when a text writes `term` (an event term) as a name: a capitalized word that is not the text's first. */
function namesTerm(text: string, term: string): boolean {
  const words = text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  return words.slice(1).some((word) => /^\p{Lu}/u.test(word) && eventTerms(word).has(term));
}

/**
 * True when two entries date one happening in ways that cannot both be true: ranges that do not
 * overlap and lie close together at their own precision (the later starts within a week, or within
 * the width of the wider range, of the earlier's end: April and May, 2020 and 2021, late 2023 and
 * 1 January 2024, but not April and August); not one told as done by its reports' day and the
 * other as still to come (a ruling and a deadline; two plans may rival each other); no article
 * behind both (an article dating two days tells two happenings); and a statement of each that
 * names the same main kind of act (`mainActs`: a purchase agreed and the purchase completed are
 * two) at the same stage (`sameStage`) and tells the same happening (`sameHappening`, or two words
 * few of the story's sentences use shared besides the act, or one both write as a name: the same
 * uncommon party). A happening of different acts (a deal announced, then closed) or with no act
 * named (a storm at Category 5 on Monday and again on Tuesday) is never one.
 */
function rivalEntries(a: Entry, b: Entry, overlap: number, vocabulary: Vocabulary): boolean {
  const ra = (a.own[0] as Report).range;
  const rb = (b.own[0] as Report).range;
  if (!NESTABLE.has(ra.precision) || !NESTABLE.has(rb.precision)) return false;
  const [early, late] = ra.start <= rb.start ? [ra, rb] : [rb, ra];
  if (late.start <= early.end) return false;
  const day = 86_400_000;
  const gap = Date.parse(late.start) - Date.parse(early.end);
  if (gap > Math.max(RIVAL_SPAN_DAYS * day, width(ra), width(rb))) return false;
  // What a report tells as done by the day it was written and what another tells as still to come
  // (a plan, a deadline) are two things: "the judge ruled on Tuesday" / "ahead of the 18 July deadline".
  const done = (entry: Entry) => entry.own.every((r) => !r.upcoming && r.told !== undefined && r.range.end <= r.told);
  const ahead = (entry: Entry) => entry.own.some((r) => r.upcoming);
  if ((done(a) && ahead(b)) || (done(b) && ahead(a))) return false;
  const articles = new Set([a.own, ...a.vaguer].flat().map((r) => r.articleId));
  if ([b.own, ...b.vaguer].flat().some((r) => articles.has(r.articleId))) return false;
  return a.own.some((x) =>
    b.own.some((y) => {
      const acts = mainActs(x.telling);
      if (!mainActs(y.telling).some((act) => acts.includes(act)) || !sameStage(x.text, y.text)) return false;
      // The same act of the same uncommon party ("Rein … step down" / "Rein will leave the company";
      // "took over … Norrvik Ferries" / "the purchases of … Norrvik Ferries"): two words few of the story's sentences
      // use, besides the act, in both, or one that both write as a name.
      const distinct = [...x.telling.terms].filter((t) => y.telling.terms.has(t) && !acts.includes(t) && vocabulary.rareTerm(t));
      const named = distinct.filter((t) => namesTerm(x.text, t) && namesTerm(y.text, t));
      return distinct.length >= 2 || named.length > 0 || sameHappening(x.telling, y.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm);
    }),
  );
}

/** Precisions from the finest: a day before a month, whatever the month's length (2021 is not finer than 2020 for being a day shorter). */
const PRECISION_ORDER: Precision[] = ['day', 'week', 'part-of-month', 'month', 'quarter', 'part-of-year', 'half', 'year'];

/** Rank of a range's precision in `PRECISION_ORDER`, finest first; other precisions last. */
function fineness(range: DateRange): number {
  const rank = PRECISION_ORDER.indexOf(range.precision);
  return rank < 0 ? PRECISION_ORDER.length : rank;
}

/**
 * Which entries are rival datings of another's happening (`rivalEntries`), and whose. Entries are
 * taken most independent sources first (`familyOf` maps a rewrite to the report it rewrites),
 * then most statements, then the finer precision, then the earlier; each takes in the rivals of its
 * own date that no entry before it took, so the happening is dated as most independent sources
 * date it and a chain of rivals (April, May, June) never stretches across more than one span.
 */
function rivalDatings(
  entries: Entry[],
  overlap: number,
  vocabulary: Vocabulary,
  familyOf: (articleId: string) => string,
): { of: Map<number, number[]>; absorbed: Set<number> } {
  const independent = (entry: Entry) => new Set(entry.own.map((r) => familyOf(r.articleId))).size;
  const rangeOf = (entry: Entry) => (entry.own[0] as Report).range;
  const order = entries
    .map((entry, e) => ({ e, independent: independent(entry), count: entry.own.length, range: rangeOf(entry) }))
    .sort((x, y) => y.independent - x.independent || y.count - x.count || fineness(x.range) - fineness(y.range) || x.range.start.localeCompare(y.range.start) || x.e - y.e);
  const of = new Map<number, number[]>();
  const absorbed = new Set<number>();
  for (const { e } of order) {
    if (absorbed.has(e)) continue;
    for (const { e: other } of order) {
      if (other === e || absorbed.has(other) || of.has(other)) continue;
      if (!rivalEntries(entries[e] as Entry, entries[other] as Entry, overlap, vocabulary)) continue;
      absorbed.add(other);
      of.set(e, [...(of.get(e) ?? []), other]);
    }
  }
  return { of, absorbed };
}

/**
 * Says how stand-in dates were used, one sentence per stand-in: "000 and 001 state no publication
 * date; “last year” was counted from 9 April 2026, the earliest known publication date …".
 */
function anchorNotes(anchorings: Anchoring[]): string[] {
  const byBasis = new Map<string, Anchoring[]>();
  for (const a of anchorings) {
    const key = `${a.from}|${a.basis}`;
    byBasis.set(key, [...(byBasis.get(key) ?? []), a]);
  }
  return [...byBasis.values()]
    .map((list) => {
      const ids = [...new Set(list.map((a) => a.articleId))].sort();
      const expressions = [...new Set(list.map((a) => `“${a.expression}”`))].sort();
      const first = list[0] as Anchoring;
      const who = ids.length === 1 ? `${ids[0]} states` : `${listed(ids)} state`;
      const what = expressions.length === 1 ? `${expressions[0]} was` : `${listed(expressions)} were`;
      return `${who} no publication date; ${what} counted from ${formatDay(first.from)}, ${first.basis}.`;
    })
    .sort();
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** True when every quotation a text opens it also closes: it is not cut inside a quote. */
function wholeQuotes(text: string): boolean {
  const opening = (text.match(/“/gu) ?? []).length;
  const closing = (text.match(/”/gu) ?? []).length;
  return opening === closing && (text.match(/"/gu) ?? []).length % 2 === 0;
}

/**
 * The report whose words stand for the event: one that names the date outright, then one that
 * dates it without a stand-in anchor, then one not cut inside a quotation, then the first source by id.
 */
function representative(group: Report[]): Report {
  const sorted = [...group].sort(
    (a, b) =>
      Number(b.stated) - Number(a.stated) ||
      Number(b.direct) - Number(a.direct) ||
      Number(wholeQuotes(b.text)) - Number(wholeQuotes(a.text)) ||
      a.articleId.localeCompare(b.articleId) ||
      a.text.length - b.text.length ||
      a.text.localeCompare(b.text),
  );
  return sorted[0] as Report;
}

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
interface Vocabulary {
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

/**
 * Extracts the dated events of one story from its articles. Takes the story's segmented articles
 * and its slug; returns its events sorted by start, end and text, with ids `<storySlug>-t<n>`.
 * The same event told by several articles is one event citing all of them.
 */
export function extractTimeline(articles: SegmentedArticle[], storySlug: string, options: TimelineOptions = {}): TimelineEvent[] {
  return timelineWithDisagreements(articles, storySlug, options).events;
}

/** One day that some sources give for a happening others date to another day. */
export interface DisagreeingDay {
  /** The day as the timeline labels it ("12 October 2023"). */
  label: string;
  start: IsoDate;
  /** The articles that date the happening to this day. */
  articleIds: string[];
  /** The first such statement, its date left in ("The regulator signed off on the deal"). */
  example: string;
}

/** Two or more days given for one happening by different articles: at most one can be right. */
export interface DayDisagreement {
  /** The clause of the first statement with its date taken out, in the source's words. */
  topic: string;
  /** The days, earliest first. */
  days: DisagreeingDay[];
}

/** Statements of one happening this many days apart or fewer are compared; further apart, they are more likely two happenings. */
const DISAGREEMENT_SPAN_DAYS = 7;

/**
 * Day-precise statements of one happening (`sameHappening`, and the same kind of act named in
 * both) from different articles that date it to different days. Only statements whose date does
 * not rest on a stand-in anchor count: a guessed publication date could make any "yesterday" a day
 * off. Relative days ("a day after", "yesterday") count once resolved from a known publication
 * date: this is where a report that dates an approval "a day after" another meets one that dates
 * it to the closing day. Takes the story's reports; returns the disagreements found.
 */
function dayDisagreements(reports: Report[], overlap: number, vocabulary: Vocabulary): DayDisagreement[] {
  const dated = reports.filter((r) => r.direct && !r.upcoming && r.range.precision === 'day' && actsOf(r.telling).length > 0);
  const parent = dated.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const span = DISAGREEMENT_SPAN_DAYS * 86_400_000;
  // Only statements naming one kind of act, within the span of each other, are compared: a sweep
  // over each act's statements in date order, so a large story costs about its dated statements.
  const byAct = new Map<string, number[]>();
  dated.forEach((report, i) => {
    for (const act of actsOf(report.telling)) byAct.set(act, [...(byAct.get(act) ?? []), i]);
  });
  const time = dated.map((report) => Date.parse(report.range.start));
  for (const list of byAct.values()) {
    list.sort((x, y) => (time[x] ?? 0) - (time[y] ?? 0) || x - y);
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if ((time[j] ?? 0) - (time[i] ?? 0) > span) break;
        const a = dated[i] as Report;
        const b = dated[j] as Report;
        if (a.articleId === b.articleId || a.range.start === b.range.start || find(i) === find(j)) continue;
        if (sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm)) parent[find(Math.max(i, j))] = find(Math.min(i, j));
      }
    }
  }
  const components = new Map<number, Report[]>();
  dated.forEach((report, i) => {
    const root = find(i);
    const list = components.get(root);
    if (list === undefined) components.set(root, [report]);
    else list.push(report);
  });
  const found: DayDisagreement[] = [];
  for (const members of components.values()) {
    const byDay = new Map<IsoDate, Report[]>();
    for (const report of members) byDay.set(report.range.start, [...(byDay.get(report.range.start) ?? []), report]);
    if (byDay.size < 2) continue;
    const days = [...byDay.entries()]
      .sort((x, y) => x[0].localeCompare(y[0]))
      .map(([start, list]) => {
        const first = [...list].sort((x, y) => x.articleId.localeCompare(y.articleId))[0] as Report;
        return { label: first.range.label, start, articleIds: [...new Set(list.map((r) => r.articleId))].sort(), example: first.text };
      });
    const lead = [...members].sort((x, y) => x.articleId.localeCompare(y.articleId))[0] as Report;
    const topic = lead.text.replace(lead.expression, ' ').replace(/\s+/gu, ' ').replace(/\s+([,.;:])/gu, '$1').trim();
    found.push({ topic, days });
  }
  return found.sort((x, y) => x.topic.localeCompare(y.topic));
}

/** One statement a timeline entry was made from, for checking by eye that an entry tells one happening. */
export interface TimelineStatement {
  articleId: string;
  /** The date as the statement gives it ("Late September 2024"), which may be vaguer than the entry's. */
  label: string;
  /** The statement's clause, its date left in. */
  text: string;
}

/**
 * `extractTimeline`, the days its sources disagree on (`DayDisagreement`), and the statements each
 * entry was made from (by entry id, sorted by article), from one reading of the articles. Takes
 * what `extractTimeline` takes; returns all three. The statements are for evaluation: the digest
 * keeps only each entry's words and sources.
 */
export function timelineWithDisagreements(
  articles: SegmentedArticle[],
  storySlug: string,
  options: TimelineOptions = {},
): { events: TimelineEvent[]; disagreements: DayDisagreement[]; statements: Map<string, TimelineStatement[]> } {
  const maxTextLength = options.maxTextLength ?? DEFAULTS.maxTextLength;
  const sameEventOverlap = options.sameEventOverlap ?? DEFAULTS.sameEventOverlap;
  assertInRange('extract-timeline', 'maxTextLength', maxTextLength, 40, 400);
  assertInRange('extract-timeline', 'sameEventOverlap', sameEventOverlap, 0, 1);

  const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  const memo = createStoryMemo();
  const anchors = anchorsFor(sorted, memo);
  const told = sorted.flatMap((article) => reportsOf(article, anchors.get(article.id) ?? { date: undefined, basis: undefined }, maxTextLength, memo));
  // A forecast for a day the coverage has reached is no longer news: by the latest report, what
  // happened that day is told by the reports of it, in their own words, or not known to have happened.
  const lastPublished = sorted.map((a) => a.meta.published).filter((d): d is IsoDate => d !== 'unknown').sort().at(-1);
  const reports = told.filter((r) => !(r.forecast && lastPublished !== undefined && r.range.end <= lastPublished));

  const vocabulary: Vocabulary = { distinctiveName: distinctiveNames(sorted), rareTerm: rareTerms(sorted) };
  const groups = groupReports(reports, sameEventOverlap, vocabulary);
  // A vaguer telling of a happening another entry dates more precisely is listed under that entry.
  const parentOf = nestLessPrecise(groups, sameEventOverlap, vocabulary);
  const entryOf = (g: number): number => {
    let current = g;
    while (parentOf.has(current)) current = parentOf.get(current) ?? current;
    return current;
  };
  const under = new Map<number, number[]>();
  groups.forEach((_, g) => {
    if (parentOf.has(g)) under.set(entryOf(g), [...(under.get(entryOf(g)) ?? []), g]);
  });
  const entries = groups.flatMap((group, g) => (parentOf.has(g) ? [] : [{ own: group, vaguer: (under.get(g) ?? []).map((v) => groups[v] ?? []) }]));
  // Rival datings of one happening ("blocked in April" / "vetoed in May") become one entry.
  const familyOf = new Map((options.derivatives ?? []).map((link) => [link.articleId, link.derivativeOf]));
  const rivals = rivalDatings(entries, sameEventOverlap, vocabulary, (id) => familyOf.get(id) ?? id);
  const events = entries.flatMap((entry, e) => {
    if (rivals.absorbed.has(e)) return [];
    const group = entry.own;
    const lead = representative(group);
    const others = (rivals.of.get(e) ?? []).map((r) => entries[r] as Entry);
    // A rival's vaguer tellings that hold this entry's date are vaguer tellings of it too; the rest date it otherwise.
    const holds = (reports: Report[]) => {
      const range = (reports[0] as Report).range;
      return range.start <= lead.range.start && lead.range.end <= range.end;
    };
    const vaguer = [...entry.vaguer, ...others.flatMap((o) => o.vaguer.filter(holds))];
    const rivalGroups = [...others.map((o) => o.own), ...others.flatMap((o) => o.vaguer.filter((v) => !holds(v)))];
    const all = [group, ...vaguer, ...rivalGroups].flat();
    const notes = anchorNotes(all.map((r) => r.anchoring).filter((a): a is Anchoring => a !== undefined));
    const mention = (reports: Report[]) => {
      const told = representative(reports);
      return { label: told.range.label, start: told.range.start, end: told.range.end, text: told.text, sourceIds: [...new Set(reports.map((r) => r.articleId))].sort() };
    };
    // The closest to the entry's precision first.
    const lessPrecise = vaguer.map(mention).sort((a, b) => width(a) - width(b) || a.start.localeCompare(b.start) || a.text.localeCompare(b.text));
    const otherDates: OtherDating[] = rivalGroups.map(mention).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.text.localeCompare(b.text));
    const event: Omit<TimelineEvent, 'id'> & { told: TimelineStatement[] } = {
      told: all
        .map((r) => ({ articleId: r.articleId, label: r.range.label, text: r.text }))
        .sort((a, b) => a.articleId.localeCompare(b.articleId) || a.text.localeCompare(b.text)),
      start: lead.range.start,
      end: lead.range.end,
      label: lead.range.label,
      text: lead.text,
      upcoming: group.some((r) => r.upcoming),
      sourceIds: [...new Set(all.map((r) => r.articleId))].sort(),
      storySlug,
      ...(notes.length > 0 ? { anchorNote: notes.join(' ') } : {}),
      ...(lessPrecise.length > 0 ? { lessPrecise } : {}),
      ...(otherDates.length > 0 ? { otherDates } : {}),
    };
    return [event];
  });

  events.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.text.localeCompare(b.text));
  const statements = new Map<string, TimelineStatement[]>();
  const shown = events.map(({ told, ...event }, i) => {
    const id = `${storySlug}-t${i + 1}`;
    statements.set(id, told);
    return { id, ...event };
  });
  return { events: shown, disagreements: dayDisagreements(reports, sameEventOverlap, vocabulary), statements };
}
