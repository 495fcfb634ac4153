/**
 * Rival datings of one happening: two entries whose dates cannot both be true ("blocked in April" /
 * "vetoed in May") become one, dated as most independent sources date it, the other dates listed.
 */
import type { DateRange, Precision } from './date-expressions.ts';
import type { Report } from './dated-reports.ts';
import { NESTABLE, width } from './group-reports.ts';
import { eventTerms, mainActs, sameHappening } from './same-happening.ts';
import type { Vocabulary } from './story-vocabulary.ts';

/** One timeline entry before it is shown: its own group of reports and the vaguer groups listed under it. */
export interface Entry {
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
export function rivalDatings(
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

