/**
 * Dates as an article or a page writes them, read as the calendar day they state: `YYYY-MM-DD`,
 * or nothing. A date is never guessed: "April 9" (no year), "yesterday" and an ambiguous
 * "04/05/2020" give nothing. A time with an offset keeps the day written in that offset
 * ("2020-01-20T01:00:08+08:00" is 2020-01-20, as the page states it, not the UTC day).
 */
import { isCalendarDate } from '../article-schema.ts';

/** An optional weekday before a written date: "Thu, ", "Tuesday ". */
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,? )?';

/** "April 9, 2026", "Thu, Apr. 9th 2026". */
const MONTH_FIRST = new RegExp(`^${WEEKDAY}([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i');

/** "9 April 2026", "Tue 29 Nov 2016", "9th April, 2026". */
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\.? ([a-z]+)\\.?,? (\\d{4})\\b`, 'i');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date written out in full, as `YYYY-MM-DD`: "April 9, 2026", "9 April 2026", "Thu, Apr. 9,
 * 2026", "2026-04-09" (with or without a time and offset), "9.4.2026" (day first, as dotted dates
 * are written), "09/04/2026" only where one number cannot be a month. Anything less complete gives
 * `undefined`. The date must start the text; what follows it (a time) is ignored.
 */
export function parseStatedDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)|\b)/.exec(value);
  if (iso !== null) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(value);
  if (dotted !== null) return checked(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(value);
  if (slashed !== null) {
    const [first, second] = [Number(slashed[1]), Number(slashed[2])];
    // Day-first and month-first both write slashes; only a number above 12 says which this is.
    if (first > 12 && second <= 12) return checked(Number(slashed[3]), second, first);
    if (second > 12 && first <= 12) return checked(Number(slashed[3]), first, second);
    return undefined;
  }
  const monthFirst = MONTH_FIRST.exec(value);
  if (monthFirst !== null) return checked(Number(monthFirst[3]), monthIndex(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst !== null) return checked(Number(dayFirst[3]), monthIndex(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

/**
 * The first full date stated anywhere in `text` (a byline such as "Pete Evans · Posted: Oct 14,
 * 2022 9:27 AM ET"), skipping one that an "updated" marks as a later revision. `undefined` if none.
 */
export function findStatedDate(text: string): string | undefined {
  const value = text.replace(/\s+/g, ' ');
  // Every place a date can start: a digit or a word at a word boundary.
  for (const match of value.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) {
    const date = parseStatedDate(value.slice(match.index));
    if (date === undefined) continue;
    // The clause it stands in: from the last separator ("|", "·", "•", " - ") before it.
    const clause = value.slice(0, match.index).split(/[|·•]|\s[-–—]\s/).pop() ?? '';
    if (/\bupdated\b/i.test(clause)) continue;
    return date;
  }
  return undefined;
}

function monthIndex(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}

function checked(year: number, month: number, day: number): string | undefined {
  if (month < 1) return undefined;
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(value) ? value : undefined;
}
