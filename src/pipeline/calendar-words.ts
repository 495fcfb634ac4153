/**
 * The names of the days of the week and of the months, in English, lowercased. Several stages
 * read them as saying when, not what: a date is no speaker, no topic, no part of a name and no
 * measure. One list, so the stages agree on what a calendar word is.
 */

/** Days of the week, Monday first. */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Months, January first. */
export const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** Short forms of the months as news copy writes them ("Oct.", "Sept"); "may" needs none. */
export const MONTH_ABBREVIATIONS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** Words joined as the alternatives of a regular expression ("monday|tuesday|…"). */
export function alternatives(words: readonly string[]): string {
  return words.join('|');
}

/** Words written as a sentence writes a name: capital first ("Monday"). */
export function capitalized(words: readonly string[]): string[] {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
}
