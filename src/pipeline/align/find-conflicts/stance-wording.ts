/**
 * The words of a stance disagreement, taken from the sources: each side's clause around the cue
 * that carries its stance ("the Ridgeback outperforms every rival pickup …" / "competitive with
 * …, although it does not beat them on every test"), and the topic as the stronger side's clause
 * with its cue left out.
 */
import { stanceClauses, type StanceCue } from '../claim-stance.ts';

/** Longest side shown whole; a longer one is cut to a few words around the cue. */
const MAX_SIDE = 140;
/** Words kept before and after the cue when a side is cut, and either side of "…" in a topic. */
const BEFORE = 5;
const AFTER = 8;

/** A report of what someone found or said, which opens a clause but is not its statement. */
const REPORTING = /^.*\b(?:indicates?|suggests?|shows?|says?|said|reports?|reported|finds?|found|claims?|claimed|notes?|noted|according to [^,]+,)\s+(?:that\s+)?/iu;

/** From the start of the clause holding the cue's start to the end of the clause holding its end. */
function span(text: string, cue: StanceCue): [number, number] {
  const parts = stanceClauses(text);
  const end = cue.index + cue.text.length;
  const first = parts.find((c) => cue.index >= c.index && cue.index < c.index + c.text.length);
  const last = parts.find((c) => end > c.index && end <= c.index + c.text.length);
  let start = first?.index ?? 0;
  const before = REPORTING.exec(text.slice(start, cue.index));
  if (before !== null) start += before[0].length;
  return [start, last === undefined ? text.length : last.index + last.text.length];
}

/** The clause of `text` stating the stance around `cue`, cut around the cue when long, "…" where cut. */
export function stanceSide(text: string, cue: StanceCue | undefined): string {
  if (cue === undefined) return tidy(text);
  const [start, end] = span(text, cue);
  if (end - start <= MAX_SIDE) return tidy(text.slice(start, end));
  const before = text.slice(start, cue.index).trim().split(/\s+/u).filter(Boolean);
  const after = text.slice(cue.index + cue.text.length, end).trim().split(/\s+/u).filter(Boolean);
  return tidy(`${before.length > BEFORE ? '…' : ''}${before.slice(-BEFORE).join(' ')} ${cue.text} ${after.slice(0, AFTER).join(' ')}${after.length > AFTER ? ' …' : ''}`);
}

/** What the sides disagree about: the stronger side's clause with its cue replaced by "…". */
export function stanceTopic(text: string, cue: StanceCue | undefined): string {
  if (cue === undefined) return stanceSide(text, cue);
  const [start, end] = span(text, cue);
  const before = text.slice(start, cue.index).trim().split(/\s+/u).filter(Boolean).slice(-BEFORE);
  const rest = text.slice(cue.index + cue.text.length, end);
  const comma = rest.search(/,\s/u);
  const after = (comma >= 0 ? rest.slice(0, comma) : rest).trim().split(/\s+/u).filter(Boolean).slice(0, AFTER);
  return tidy(`${before.join(' ')} … ${after.join(' ')}`);
}

/** Spaces folded, trailing punctuation off, first letter capitalized. */
function tidy(phrase: string): string {
  const t = phrase.replace(/\s+/gu, ' ').replace(/^[\s,;:]+|[\s,;:.!?]+$/gu, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
