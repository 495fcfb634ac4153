/**
 * How much of a claim each cited source states: all of it (`full`) or only some of its facts
 * (`partial`, with the part it does state). A claim is one source's sentence, and that sentence
 * may join two facts ("X is not available to download, though Meta hopes to open later
 * versions"); a source cited for it that states only one of them supports only that one.
 *
 * The claim is split into fact clauses (its own words) and each is scored by the share of its
 * weighted terms and figures the source's cited sentences carry. Paraphrase keeps every share
 * modest, so the test is relative: a source is partial when it plainly states one clause and
 * carries almost nothing of another (calibrated on the seeds' hand labels, eval/seeds/).
 */
import type { ClaimSupport } from '../../types.ts';
import { compatibleFigures, termWeights, type IdfTable, type SentenceFeatures, sentenceFeatures } from './claim-features.ts';
import { splitAtJoints } from './claim-stance.ts';
import { quotedWords } from '../merge/attribution.ts';
import { possibleRounding } from './find-conflicts/rounding.ts';
import { countsAndFigures } from './find-conflicts/spelled-counts.ts';
import { contentTerms, sameFigure, type Figure } from '../text-features.ts';

/** Coverage of its best clause at which a source plainly states part of the claim. */
export const STATED = 0.25;
/** A clause is missing from a source when its coverage is at most this, or this share of the best clause's. */
const MISSING_ABSOLUTE = 0.1;
const MISSING_SHARE = 0.3;
/** A clause with fewer content terms and no figure is a modifier of its neighbour, not a fact of its own. */
const MIN_FACT_TERMS = 4;

/**
 * Where a sentence joins two facts: ";", a dash, an ellipsis, ", and/but/while", a concession
 * (", though", ", although"), an absolute ", with …" ("…, with five deaths in …"), an appended
 * participle that adds a statement (", noting …", "…,” adding …"), " and" before a second
 * verb ("spent … and brought in …", "had winds of … and was 5 miles north"), " with" before a
 * measured phrase ("came ashore at Kell as a strong storm with winds of 120 mph"), and the end of
 * a sentence inside a quote ("“It was loud. The roof went first,” she said").
 */
const FACT_JOINT =
  /\s*;\s*|\s*[—–]\s*|\s+-\s+|\s*(?:\.\.\.|…)\s*(?=\S)|,[”"’]?\s+(?:and|but|while|whereas|though|although|even though|with)\s+|,[”"’]?\s+(?=\p{Ll}+ing\s)|\s+(?:with|as\s+an?)\s+(?=[^,.;:!?]*\d)|(?<=\p{Ll}[.!?])\s+(?=\p{Lu})|\s+and\s+(?=[$€£]?\d)|\s+and\s+(?=(?:was|were|is|are|has|had|have|\p{Ll}+ed|brought|bought|took|made|sold|paid|gave|kept|won|lost|spent|began|put|set|cut|rose|fell|grew)\s)|(?<!\b(?:such|well|much|soon|long|far|same|just))\s+as\s+(?=(?:[\p{Ll}\d’'-]+\s+){1,4}(?:was|were|is|are|has|had|have|\p{Ll}{3,}ed|brought|bought|took|made|sold|paid|gave|kept|won|lost|spent|began|put|set|cut|rose|fell|grew|struck|hit)\s)/gu;

/**
 * The fact clauses of a claim's text, in order. A piece too small to be a fact (fewer than
 * `MIN_FACT_TERMS` content terms and no figure) stays with the clause before it, as written.
 */
export function factClauses(text: string): string[] {
  const isSmall = (piece: string): boolean => {
    const features = sentenceFeatures('', '', piece);
    return features.terms.length < MIN_FACT_TERMS && features.figures.length === 0;
  };
  // Spans of the text, so a small piece joined back keeps the words that joined it.
  const spans: { start: number; end: number }[] = [];
  for (const clause of splitAtJoints(text, FACT_JOINT)) {
    const span = { start: clause.index, end: clause.index + clause.text.length };
    const last = spans[spans.length - 1];
    if (last !== undefined && isSmall(clause.text)) last.end = span.end;
    else spans.push(span);
  }
  // A small first piece ("In June 2025") belongs with what follows it.
  const [first, second] = spans;
  if (first !== undefined && second !== undefined && isSmall(text.slice(first.start, first.end))) spans.splice(0, 2, { start: first.start, end: second.end });
  return spans.map((span) => text.slice(span.start, span.end).trim());
}


/**
 * The parts of a claim a source may state apart: its fact clauses, or for a quotation credited to
 * its speaker, each sentence of the quotation, however short ("It was loud." is what was said,
 * and a source quoting only that sentence quotes part of it). The credit is left out: sources
 * describe a speaker in their own ways.
 */
export function supportedParts(claimText: string): string[] {
  const quote = quotedWords(claimText);
  if (quote === undefined) return factClauses(claimText);
  const sentences = quote.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((sentence) => sentence.trim() !== '');
  return sentences.length >= 2 ? sentences : factClauses(quote);
}

/** The share of a clause's weighted terms and figures that the given sentences state together. */
export function clauseCoverage(clause: string, sentences: SentenceFeatures[], idf: IdfTable): number {
  const own = sentenceFeatures('', '', clause);
  const figureWeight = Math.max(Math.log(2), ...[...idf.values()]);
  let { total, covered } = termWeights(own.terms, new Set(sentences.flatMap((s) => s.terms)), idf);
  for (const figure of own.figures) {
    total += figureWeight;
    if (sentences.some((s) => s.figures.some((f) => compatibleFigures(f, figure)))) covered += figureWeight;
  }
  return total === 0 ? 1 : covered / total;
}

/**
 * True when all a source's sentences share with a clause are names: a name says who, not what
 * happened ("…and brought in its chief, Ana Ruiz, as head of research" is not stated by a
 * sentence that only names Ana Ruiz as the chief of another firm).
 */
function onlyNamesShared(clause: string, sentences: SentenceFeatures[]): boolean {
  const own = sentenceFeatures('', '', clause);
  if (own.figures.some((figure) => sentences.some((s) => s.figures.some((f) => compatibleFigures(f, figure))))) return false;
  const terms = new Set(sentences.flatMap((s) => s.terms));
  const shared = own.terms.filter((term) => terms.has(term));
  return shared.length > 0 && shared.every((term) => own.nameTerms.includes(term));
}

/** True when `claimText` gives a figure and none of the `sentences` gives any of its figures, exactly or rounded. */
function givesNoFigureOf(claimText: string, sentences: SentenceFeatures[]): boolean {
  const wanted = countsAndFigures(claimText);
  if (wanted.length === 0) return false;
  const given = sentences.flatMap((s) => countsAndFigures(s.text));
  // A figure rounded at its own precision is the same figure ("more than 3 million" / "more than
  // 3.2 million"); a number word's precision is read from its value in digits.
  const inDigits = (figure: Figure): Figure => (/\d/u.test(figure.raw) ? figure : { ...figure, raw: String(figure.value) });
  return !wanted.some((figure) =>
    given.some((other) => compatibleFigures(figure, other) || sameFigure(figure, other) || possibleRounding([inDigits(figure), inDigits(other)])),
  );
}

/** A list of three or more short items: "text, image, audio, and video", "Kell, Dunmore and Port Alder". */
const LIST = /[\p{L}-]+(?:\s[\p{L}-]+)?(?:,\s+[\p{L}-]+(?:\s[\p{L}-]+)?)+,?\s+(?:and|or)\s+[\p{L}-]+(?:\s[\p{L}-]+)?/gu;

/**
 * True when a clause lists three or more things and the source's sentences give some of them but
 * not all: "text and images" states less than "text, image, audio, and video".
 */
function partOfList(clause: string, sentences: SentenceFeatures[]): boolean {
  const terms = new Set(sentences.flatMap((s) => s.terms));
  for (const match of clause.matchAll(LIST)) {
    const items = match[0].split(/,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+/u).map((item) => contentTerms(item)).filter((item) => item.length > 0);
    if (items.length < 3) continue;
    const given = items.filter((item) => item.some((term) => terms.has(term))).length;
    if (given > 0 && given < items.length) return true;
  }
  return false;
}

/**
 * The support of each source cited for a claim (`claimText`, the cleaned text of one member
 * sentence), given each source's cited sentences, sorted by source id. A source is `full` when
 * its sentences state every fact clause of the claim, `partial` when they plainly state one
 * clause and next to nothing of another, with `span` the clauses they state; when they state no
 * clause plainly, the alignment's judgement that they state the claim stands (`full`), since a
 * clause's words are thinner evidence than the whole sentence's.
 */
export function claimSupport(claimText: string, bySource: Map<string, SentenceFeatures[]>, idf: IdfTable): ClaimSupport[] {
  const facts = supportedParts(claimText);
  return [...bySource.keys()].sort().map((sourceId) => {
    const sentences = bySource.get(sourceId) ?? [];
    const whole = sentences.some((s) => s.text.includes(claimText) || claimText.includes(s.text));
    // A one-fact claim with a figure ("at least 10 died") is stated only in part by a source that
    // gives none of its figures ("four died in one community", "residents were killed").
    if (facts.length < 2 && !whole && givesNoFigureOf(claimText, sentences)) return { sourceId, part: 'partial' };
    if (facts.length < 2 || whole) return { sourceId, part: 'full' };
    // Names alone are no evidence of a fact; a list given in part is evidence, but of less than the clause.
    const coverage = facts.map((fact) => (onlyNamesShared(fact, sentences) ? 0 : clauseCoverage(fact, sentences, idf)));
    const best = Math.max(...coverage);
    const missing = Math.max(MISSING_ABSOLUTE, MISSING_SHARE * best);
    const stated = facts.map((fact, k) => (coverage[k] ?? 0) > missing && !partOfList(fact, sentences));
    if (best < STATED || stated.every(Boolean)) return { sourceId, part: 'full' };
    const span = facts.filter((_, k) => stated[k]).join(' … ');
    return span === '' ? { sourceId, part: 'partial' } : { sourceId, part: 'partial', span };
  });
}
