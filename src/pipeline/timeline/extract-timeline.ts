/**
 * The timeline stage: every dated event the articles of one story mention, at the precision the
 * text gives, each cited to every article that dates it.
 *
 * One way through: the dated statements of each article (`dated-reports.ts`, dates counted from
 * the publication date or a stated stand-in, never guessed) → statements of one date that tell
 * one happening grouped, a lone telling joined to the one happening several sources tell that day
 * (`lone-tellings.ts`), vaguer datings listed under the precise one (`group-reports.ts`) → rival
 * datings of one happening made one entry (`rival-datings.ts`) → the entries, worded from one
 * statement and cited to every article behind them (here). Days the sources disagree on are read
 * from the same statements (`disagreeing-days.ts`).
 */
import { assertInRange } from '../../errors.ts';
import type { DerivativeLink, IsoDate, OtherDating, SegmentedArticle, TimelineEvent } from '../../types.ts';
import { formatDay } from './date-expressions.ts';
import { anchorsFor, createStoryMemo, reportsOf, type Anchoring, type Report } from './dated-reports.ts';
import { dayDisagreements, type DayDisagreement } from './disagreeing-days.ts';
import { groupReports, nestLessPrecise, width } from './group-reports.ts';
import { joinLoneTellings } from './lone-tellings.ts';
import { rivalDatings, type Entry } from './rival-datings.ts';
import { storyVocabulary } from './story-vocabulary.ts';

export type { DayDisagreement, DisagreeingDay } from './disagreeing-days.ts';

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
 * The report whose words stand for the event: one that names the date outright, then one not cut
 * short ("…"), then one that dates it without a stand-in anchor, then one not cut inside a
 * quotation, then the first source by id.
 */
function representative(group: Report[]): Report {
  const sorted = [...group].sort(
    (a, b) =>
      Number(b.stated) - Number(a.stated) ||
      Number(!b.text.endsWith('…')) - Number(!a.text.endsWith('…')) ||
      Number(b.direct) - Number(a.direct) ||
      Number(wholeQuotes(b.text)) - Number(wholeQuotes(a.text)) ||
      a.articleId.localeCompare(b.articleId) ||
      a.text.length - b.text.length ||
      a.text.localeCompare(b.text),
  );
  return sorted[0] as Report;
}


/**
 * Extracts the dated events of one story from its articles. Takes the story's segmented articles
 * and its slug; returns its events sorted by start, end and text, with ids `<storySlug>-t<n>`.
 * The same event told by several articles is one event citing all of them.
 */
export function extractTimeline(articles: SegmentedArticle[], storySlug: string, options: TimelineOptions = {}): TimelineEvent[] {
  return timelineWithDisagreements(articles, storySlug, options).events;
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

  const vocabulary = storyVocabulary(sorted);
  const familyOf = new Map((options.derivatives ?? []).map((link) => [link.articleId, link.derivativeOf]));
  const family = (id: string) => familyOf.get(id) ?? id;
  // A lone telling of a happening several sources tell that day joins their group.
  const groups = joinLoneTellings(groupReports(reports, sameEventOverlap, vocabulary), vocabulary, family);
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
  const rivals = rivalDatings(entries, sameEventOverlap, vocabulary, family);
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
