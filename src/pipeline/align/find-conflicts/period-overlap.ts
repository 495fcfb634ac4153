/**
 * Dates as ranges at the precision the text gives, so two dates are compared the way a reader
 * would: "April 2025" and "early 2025" can both be true (April is early in the year), "8 April"
 * and "9 April" cannot. The parts of a year are those of the timeline stage
 * (`date-expressions.ts`): early = January–April, mid = May–August, late = September–December.
 */
import type { DateMention } from '../claim-features.ts';

/** A date mention as the days it may fall on, as `yyyymmdd` numbers (both ends included). */
export interface Period {
  start: number;
  end: number;
}

const PARTS: Record<string, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
};

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days a date mention covers: a day, a month, a part of the year or the whole year. */
export function periodOf(date: DateMention): Period {
  const y = date.year * 10_000;
  if (date.month !== undefined && date.day !== undefined) {
    const day = y + date.month * 100 + date.day;
    return { start: day, end: day };
  }
  if (date.month !== undefined) return { start: y + date.month * 100 + 1, end: y + date.month * 100 + lastDay(date.year, date.month) };
  const part = date.part === undefined ? undefined : PARTS[date.part];
  if (part !== undefined) return { start: y + part[0] * 100 + 1, end: y + part[1] * 100 + lastDay(date.year, part[1]) };
  return { start: y + 101, end: y + 1231 };
}

/** Both can be true: the two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** `outer` covers all of `inner` and more: `inner` is the more precise statement of it. */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && (outer.start !== inner.start || outer.end !== inner.end);
}
