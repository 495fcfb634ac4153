/**
 * How the site words metadata, in one place so every page says "date not stated" the same way
 * and never shows a placeholder like "unknown" as if it were a name.
 */
import { splitText } from '../pipeline/split-sentences.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-12` → "12 March 2026"; `unknown` → "date not stated". No time zone is involved. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 'date not stated';
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

/** The English name of a 1-based month number. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** True when a metadata value is the explicit "unknown" (or empty). */
export function isUnknown(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || value.trim().toLowerCase() === 'unknown';
}

/** The outlet as shown to readers: its name, or "Outlet not stated". */
export function outletLabel(outlet: string): string {
  return isUnknown(outlet) ? 'Outlet not stated' : outlet;
}

/**
 * The title as shown to readers. An unknown title is said to be unknown, with the start of the
 * article's first sentence so the reader can still tell sources apart.
 */
export function titleLabel(title: string, firstSentence: string | undefined): string {
  if (!isUnknown(title)) return title;
  const lead = (firstSentence ?? '').trim();
  if (lead === '') return 'Untitled';
  const words = lead.split(/\s+/);
  const short = words.slice(0, 8).join(' ');
  return `Untitled (lead: “${short}${words.length > 8 ? '…' : ''}”)`;
}

/** "1 source" / "3 sources": counts in prose. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Unicode code points of a short string ("U+0E42 U+2014"), so a repair of a character the reader's
 * font cannot draw is still legible. Longer strings return "" (their text speaks for itself).
 */
export function codePoints(text: string, max = 4): string {
  const chars = [...text];
  if (chars.length === 0 || chars.length > max) return '';
  return chars.map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * The first sentence of a text (a story's summary, for its card on the home page), split by the
 * pipeline's own sentence rules so abbreviations and decimals do not cut it short.
 */
export function firstSentence(text: string): string {
  return splitText(text)[0] ?? text;
}
