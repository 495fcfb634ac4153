/**
 * What a sentence asserts about its subject beyond its words: whether it is negated, how strongly
 * it compares ("outperforms" / "competitive with" / "does not surpass"), how certain it is ("will"
 * / "may") and how widely it holds ("across the board" / "in some tasks").
 *
 * Two sentences that share their words can still say opposite or clearly weaker things; the align
 * stage asks `stanceDifference` before letting them be one claim, and `find-conflicts/` shows the
 * pair as a disagreement instead. Generic English cue words only: nothing here knows a story.
 */
import { contentTerms } from '../text-features.ts';

/** Which part of what is asserted differs. */
export type StanceAspect = 'negation' | 'comparison' | 'modality' | 'scope';

/** A cue word as it stands in its sentence. */
export interface StanceCue {
  /** Offset of the cue in the sentence. */
  index: number;
  /** The cue as written ("does not surpass", "competitive", "may"). */
  text: string;
}

/** How two sentences differ in what they assert; `weaker` is the one that asserts less or the opposite. */
export interface StanceDifference {
  aspect: StanceAspect;
  /** The cue in the first sentence (absent when the first simply lacks the other's cue). */
  a?: StanceCue;
  /** The cue in the second sentence. */
  b?: StanceCue;
  weaker: 'a' | 'b';
}

/** Where one clause ends and another begins, for stance: the joints of `clauses` plus concessive ones. */
const CLAUSE_JOINT = /\s*;\s*|\s*[—–]\s*|\s+-\s+|,\s+(?:and|but|while|whereas|though|although|even though|yet)\s+|\s+(?:but|although|though|whereas)\s+/giu;

/**
 * A negation; "not only", "not just" and "no less" add to a statement rather than deny it, and
 * "pleaded not guilty" is a plea, not a denial of a verdict.
 */
const NEGATION =
  /(?<!\b(?:plead(?:s|ed|ing)?|pled)\s+)\b(?:not|never|cannot|no longer|neither|nor|lacks?|lacking|fail(?:s|ed)? to|yet to|den(?:y|ies|ied)|no)\b(?!\s+(?:only|just|merely|less|doubt)\b)|\b\w+n[’']t\b(?!\s+(?:only|just|merely)\b)/giu;
/** Verbs and adjectives that put one thing above another. */
const ABOVE = /\b(?:outperform\w*|surpass\w*|beat(?:s|en|ing)?|exceed\w*|outscor\w*|outpac\w*|outclass\w*|dominant|dominat\w*|superior|better than|ahead of|tops|topped)\b/giu;
/** Words that put two things level, or one below: a weaker comparison than any of `ABOVE`. */
const LEVEL = /\b(?:competitive|compet(?:es|ing|e)\s+(?:favorably\s+|favourably\s+)?with|comparable|on par|par with|match(?:es|ed|ing)?|close to|similar to|in line with|keeps? pace|catch(?:es|ing)? up|trails?|trailing|lags?|lagging|below)\b/giu;
/** A statement of what will happen, as settled. */
const DEFINITE = /\b(?:will|is set to|are set to|is going to|are going to|is due to|are due to)\b/giu;
/** A statement of what might happen, or is only intended. */
const HEDGED = /\b(?:may|might|could|possibly|perhaps|likely|unlikely|hopes? to|hoping to|plans? to|planning to|expects? to|(?:is|are) expected to|intends? to|considers?|considering)\b/giu;
/** A statement meant to hold everywhere. */
const ALL = /\b(?:across the board|all|every|entire(?:ly)?|always|whole|completely|fully|universally)\b/giu;
/** A statement meant to hold only in part ("a few hours" is a length of time, not a part). */
const SOME = /\b(?:some(?!\s+[\d$€£])|certain|several|a few|partly|partially|in part|a handful of|select)\b(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)/giu;

/** The first match of `pattern` in `text`, as a cue, or undefined. */
function firstCue(pattern: RegExp, text: string, offset: number): StanceCue | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  pattern.lastIndex = 0;
  return match === null ? undefined : { index: offset + match.index, text: match[0] };
}

/** All matches of `pattern` in `text`, as cues. */
function allCues(pattern: RegExp, text: string, offset: number): StanceCue[] {
  return [...text.matchAll(pattern)].map((match) => ({ index: offset + (match.index ?? 0), text: match[0] }));
}

/** One clause of a sentence and where it starts. */
interface Clause {
  text: string;
  index: number;
}

/**
 * True when ", and" at the end of `before` closes a list ("OpenAI, Anthropic, Google, and xAI")
 * rather than joining two clauses: the words since the last comma are a short list item.
 */
export function closesList(before: string, joint: string): boolean {
  if (!/^,\s+(?:and|or)\s+$/u.test(joint)) return false;
  const comma = before.lastIndexOf(', ');
  return comma >= 0 && before.slice(comma + 2).trim().split(/\s+/u).length <= 3;
}

/**
 * Splits a sentence at each match of `joints` (a global pattern of connectives and punctuation),
 * except the ", and" that closes a list; returns the non-empty pieces with where each starts. Shared
 * by stance (clauses a writer joins or concedes) and support (the facts of a claim).
 */
export function splitAtJoints(text: string, joints: RegExp): Clause[] {
  const found: Clause[] = [];
  let start = 0;
  for (const match of text.matchAll(joints)) {
    const at = match.index ?? 0;
    if (closesList(text.slice(start, at), match[0])) continue;
    if (at > start) found.push({ text: text.slice(start, at), index: start });
    start = at + match[0].length;
  }
  if (start < text.length) found.push({ text: text.slice(start), index: start });
  return found.filter((clause) => clause.text.trim().length > 0);
}

/** The clauses of a sentence for stance: split where a writer joins or concedes ("…, although it does not…"). */
export function stanceClauses(text: string): Clause[] {
  return splitAtJoints(text, CLAUSE_JOINT);
}

/** The clause of each sentence that best matches the other: the one the shared fact is stated in. */
function matchingClauses(a: string, b: string): [Clause, Clause] {
  const ca = stanceClauses(a);
  const cb = stanceClauses(b);
  let best: [Clause, Clause] = [{ text: a, index: 0 }, { text: b, index: 0 }];
  let bestShared = 0;
  const termsB = cb.map((clause) => new Set(contentTerms(clause.text)));
  for (const x of ca) {
    const termsX = contentTerms(x.text);
    cb.forEach((y, k) => {
      const shared = termsX.filter((term) => termsB[k]?.has(term)).length;
      if (shared > bestShared) {
        bestShared = shared;
        best = [x, y];
      }
    });
  }
  return best;
}

/** How a sentence compares its subject with others: above, level (or below), or explicitly not above. */
type Comparison = { level: 'above' | 'level' | 'not-above'; cue: StanceCue };

/** Offsets of negations that deny the word right after them (within three words). */
function negatedAt(text: string, cue: StanceCue, offset: number): boolean {
  return allCues(NEGATION, text, offset).some((neg) => {
    const between = text.slice(neg.index - offset + neg.text.length, cue.index - offset);
    return neg.index < cue.index && between.trim().split(/\s+/u).filter(Boolean).length <= 3;
  });
}

/**
 * The comparison a whole sentence makes. A denied "above" ("does not surpass", "not dominant")
 * outweighs everything else in it, since it qualifies the rest ("competitive with …, although it
 * does not surpass them"); otherwise any "above" wins over "level".
 */
function comparisonOf(text: string): Comparison | undefined {
  const above = allCues(ABOVE, text, 0);
  const denied = above.find((cue) => negatedAt(text, cue, 0));
  if (denied !== undefined) {
    // Shown from a level comparison it qualifies ("competitive with …, although it does not surpass them").
    const span = spanFromNegation(text, denied);
    const level = firstCue(LEVEL, text, 0);
    if (level === undefined || level.index > span.index) return { level: 'not-above', cue: span };
    return { level: 'not-above', cue: { index: level.index, text: text.slice(level.index, span.index + span.text.length) } };
  }
  if (above[0] !== undefined) return { level: 'above', cue: above[0] };
  const level = firstCue(LEVEL, text, 0);
  return level === undefined ? undefined : { level: 'level', cue: level };
}

/** A denied cue widened back to its negation ("surpass" → "does not surpass"). */
function spanFromNegation(text: string, cue: StanceCue): StanceCue {
  const before = text.slice(Math.max(0, cue.index - 30), cue.index);
  const negation = /(?:\b(?:does|do|did|is|are|was|were|has|have)\s+)?(?:not|never|n[’']t)\s+(?:\w+\s+){0,2}$/iu.exec(before);
  if (negation === null) return cue;
  const start = cue.index - before.length + negation.index;
  return { index: start, text: text.slice(start, cue.index + cue.text.length) };
}

/** Words a negation reaches: up to the next comma, clause joint or end, at most this many. */
const NEGATION_REACH = 8;

/**
 * The negations of a sentence with the stemmed content terms each one denies (the words after
 * it, to the next comma or clause joint), leaving out those that deny a comparison (that is the
 * comparison's business) and those that deny nothing ("Tornadoes, not flooding, were…" denies
 * only "flooding").
 */
function negatedTerms(text: string): { cue: StanceCue; terms: Set<string> }[] {
  const above = allCues(ABOVE, text, 0);
  return allCues(NEGATION, text, 0)
    .filter((neg) => !above.some((cue) => cue.index > neg.index && cue.index - neg.index < 30))
    // A denial inside a condition ("even if X isn't…", "whether or not…") asserts nothing.
    .filter((neg) => !CONDITION.test(text.slice(Math.max(0, text.slice(0, neg.index).search(/[,;:—–(][^,;:—–(]*$/u)), neg.index)))
    .map((cue) => {
      const rest = text.slice(cue.index + cue.text.length);
      const end = rest.search(/[,;:—–()]|\s-\s|\s(?:but|although|though|whereas|while)\s/u);
      const reach = (end >= 0 ? rest.slice(0, end) : rest).trim().split(/\s+/u).slice(0, NEGATION_REACH);
      // What is denied is the first words it reaches ("not resume", "not yet available", "denied that oil …").
      return { cue, terms: new Set(leadingTerms(reach, 3)) };
    });
}

/** Words that make what follows a condition rather than a statement. */
const CONDITION = /\b(?:if|unless|whether)\b/iu;

/** Content terms with hyphenated compounds split, so "worst-case" and "worst case" share their words. */
function termsOf(text: string): string[] {
  return contentTerms(text.replace(/(\p{L})-(?=\p{L})/gu, '$1 '));
}

/** The first `count` content terms of a run of words, in order. */
function leadingTerms(words: string[], count: number): string[] {
  const found: string[] = [];
  for (const word of words.flatMap((w) => w.split('-'))) {
    const terms = contentTerms(word);
    if (terms[0] !== undefined) found.push(terms[0]);
    if (found.length >= count) break;
  }
  return found;
}

/** True when the verb a modal cue governs (its first content word) is one the other sentence uses too. */
function governsShared(text: string, cue: StanceCue | undefined, other: Set<string>): boolean {
  if (cue === undefined) return false;
  const after = text.slice(cue.index + cue.text.length).trim().split(/\s+/u).slice(0, 3);
  return leadingTerms(after, 1).some((term) => other.has(term));
}

/**
 * How two sentences that state one fact in shared words differ in what they assert, or undefined
 * when they assert it alike. Checked in order: the comparison each sentence makes (when both make
 * one); a shared word denied in one sentence while the other denies none of them; a settled
 * "will" against a hedged "may"/"plans to" in those clauses; "all" against "some" there.
 */
export function stanceDifference(a: string, b: string): StanceDifference | undefined {
  const ca = comparisonOf(a);
  const cb = comparisonOf(b);
  if (ca !== undefined && cb !== undefined && (ca.level === 'above') !== (cb.level === 'above')) {
    return { aspect: 'comparison', a: ca.cue, b: cb.cue, weaker: ca.level === 'above' ? 'b' : 'a' };
  }
  // A denial counts when both views agree: the clauses that state the shared fact differ in being
  // negated, and a shared word is denied in one sentence while the other denies none. Whether
  // denied at all, not how often: "cannot be given …, which lacks approval" denies once, in two
  // words; "not the worst case" said by both is agreement, whichever clause each puts it in; and
  // "available via the website" / "not available to download" deny different things.
  const [x, y] = matchingClauses(a, b);
  const inClause = (clause: Clause) => allCues(NEGATION, clause.text, clause.index).some((neg) => !allCues(ABOVE, clause.text, clause.index).some((cue) => cue.index > neg.index && cue.index - neg.index < 30));
  const shared = new Set(termsOf(a).filter((term) => termsOf(b).includes(term)));
  const deniedA = negatedTerms(a).filter((n) => [...n.terms].some((term) => shared.has(term)));
  const deniedB = negatedTerms(b).filter((n) => [...n.terms].some((term) => shared.has(term)));
  if (inClause(x) !== inClause(y) && (deniedA.length > 0) !== (deniedB.length > 0)) {
    const cueA = deniedA[0]?.cue;
    const cueB = deniedB[0]?.cue;
    return { aspect: 'negation', ...(cueA ? { a: cueA } : {}), ...(cueB ? { b: cueB } : {}), weaker: cueA !== undefined ? 'a' : 'b' };
  }
  const hx = firstCue(HEDGED, x.text, x.index);
  const hy = firstCue(HEDGED, y.text, y.index);
  const dx = hx === undefined ? firstCue(DEFINITE, x.text, x.index) : undefined;
  const dy = hy === undefined ? firstCue(DEFINITE, y.text, y.index) : undefined;
  // Both modals must govern a verb the sentences share ("will close" / "may close"), not two
  // different predicates ("could boost sales" / "will be available").
  const termsA = new Set(termsOf(a));
  const termsB = new Set(termsOf(b));
  // A hedge under a condition ("If convicted, he could face …") says what would follow, not less of the fact.
  const conditional = (text: string, cue: StanceCue | undefined) => cue !== undefined && CONDITION.test(text.slice(0, cue.index));
  const governed = governsShared(a, dx ?? hx, termsB) && governsShared(b, dy ?? hy, termsA) && !conditional(a, hx) && !conditional(b, hy);
  if (governed && ((dx !== undefined && hy !== undefined) || (hx !== undefined && dy !== undefined))) {
    const cueA = dx ?? hx;
    const cueB = dy ?? hy;
    return { aspect: 'modality', ...(cueA ? { a: cueA } : {}), ...(cueB ? { b: cueB } : {}), weaker: hx !== undefined ? 'a' : 'b' };
  }
  const sx = firstCue(SOME, x.text, x.index);
  const sy = firstCue(SOME, y.text, y.index);
  const ax = sx === undefined ? firstCue(ALL, x.text, x.index) : undefined;
  const ay = sy === undefined ? firstCue(ALL, y.text, y.index) : undefined;
  if ((ax !== undefined && sy !== undefined) || (sx !== undefined && ay !== undefined)) {
    const cueA = ax ?? sx;
    const cueB = ay ?? sy;
    return { aspect: 'scope', ...(cueA ? { a: cueA } : {}), ...(cueB ? { b: cueB } : {}), weaker: sx !== undefined ? 'a' : 'b' };
  }
  return undefined;
}
