/**
 * Times of day as a sentence states them, as ranges of hours, so the conflict finder can tell that
 * "made landfall around 8:30 p.m." and "made landfall during the afternoon" cannot both be true
 * while "8:30 p.m." and "Wednesday night" can. A clock time counts as the half hour either side of
 * it (reports round "8:30 p.m." to "about 9 p.m."); a part of the day as the hours it is usually
 * taken to cover, the night running on past midnight.
 */
import type { DateMention } from '../claim-features.ts';
import type { Period } from './period-overlap.ts';
import { CLOCK_TIME } from '../../text-features.ts';
import { alternatives, WEEKDAYS } from '../../calendar-words.ts';

/** A time of day stated in a sentence. */
export interface TimeMention {
  /** The words as written ("8:30 p.m.", "afternoon", "early Wednesday"). */
  raw: string;
  /** Offset in the sentence. */
  index: number;
  /** The hours it may fall in, in minutes after the day's midnight (past 1440 for the small hours of the next day). */
  period: Period;
}

const WEEKDAY = `(?:${alternatives(WEEKDAYS)})`;
/** A part of the day: "afternoon", "Wednesday night", "overnight". */
const PART = /\b(morning|afternoon|evening|tonight|overnight|night)\b/giu;
/** "early Wednesday", "late on Friday": news style for the small hours and the late evening of a day. */
const EDGE = new RegExp(String.raw`\b(early|late)\s+(?:on\s+)?${WEEKDAY}\b(?!\s+(?:morning|afternoon|evening|night))`, 'giu');

const HOUR = 60;
/** The hours of each part of the day, overlapping where usage does (an evening is also night). */
const PART_HOURS: Record<string, [number, number]> = {
  morning: [5 * HOUR, 12 * HOUR],
  afternoon: [12 * HOUR, 18 * HOUR],
  evening: [17 * HOUR, 23 * HOUR],
  night: [19 * HOUR, 30 * HOUR],
  tonight: [18 * HOUR, 30 * HOUR],
  overnight: [21 * HOUR, 31 * HOUR],
  early: [0, 11 * HOUR],
  late: [17 * HOUR, 24 * HOUR],
};

/**
 * The times of day in `text`, in text order. Takes a sentence; returns each clock time and part of
 * the day with the minutes it may fall in. A part of the day that a clock time in the same
 * sentence already pins ("8:30 p.m. on Wednesday night") is still listed: it is checked like any other.
 */
export function timesOfDay(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const match of text.matchAll(CLOCK_TIME)) {
    const hour = Number(match[1]);
    const minute = Number(match[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) continue;
    const pm = /^p/iu.test(match[3] ?? '');
    const at = ((hour % 12) + (pm ? 12 : 0)) * HOUR + minute;
    found.push({ raw: match[0].trim(), index: match.index ?? 0, period: { start: at - HOUR / 2, end: at + HOUR / 2 } });
  }
  for (const pattern of [PART, EDGE]) {
    for (const match of text.matchAll(pattern)) {
      const hours = PART_HOURS[(match[1] ?? '').toLowerCase()];
      if (hours === undefined) continue;
      found.push({ raw: match[0], index: match.index ?? 0, period: { start: hours[0], end: hours[1] } });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A time of day as a date mention, so the date frames read its clause: what happened then, and who did it. */
export function asDateMention(time: TimeMention): DateMention {
  return { raw: time.raw, year: 0 };
}
