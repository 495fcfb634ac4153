/**
 * Derivative detection: within one story, tells rewrites of a single report from independent
 * reporting, so readers see "5 sources, 3 independent reports" rather than five confirmations.
 *
 * Four kinds of evidence, strongest first: identical text after normalization (a syndicated copy);
 * a credit line naming the same original reporter, or naming the other article's outlet; sentences
 * of the reporter's own narrative copied nearly word for word (another edit of one wire story, or a
 * rewrite that keeps its sentences); and the same facts in the same order. For the last, sentences of two articles are matched one-to-one by
 * the cosine of their stemmed content terms, weighted by how rare each term is among the story's
 * sentences (rewrites paraphrase, so exact wording is not required; the words every article of the
 * story uses say little about which report a sentence came from),
 * and the longest run of matches that keeps both articles' order (a longest increasing subsequence)
 * is measured against the shorter article. Independent reports of one event share facts too, but
 * not their order. Quoted words are no evidence of either: outlets quote the same statement, post
 * or court opinion word for word without copying each other, so a sentence that is mostly quotation
 * (`quotedShares`) never witnesses copying. Rewrites form families; each member points at one
 * representative of its family.
 */
import { assertInRange } from '../../errors.ts';
import type { DerivativeLink, SegmentedArticle, Sentence } from '../../types.ts';
import { dot, scaleToUnit, type SparseVector } from './sparse-vector.ts';
import { longestCommonRun } from './common-run.ts';
import { quotedShares } from './quoted-share.ts';
import { contentTerms } from '../text-features.ts';

/** Tuning of `detectDerivatives`; every field is optional and range-checked. */
export interface DerivativeOptions {
  /** IDF-weighted cosine (0–1) at which two sentences count as stating the same thing. Default 0.3. */
  sentenceThreshold?: number;
  /** Share (0–1) of the shorter article's sentences that must find a match. Default 0.25. */
  coverageThreshold?: number;
  /** Share (0–1) of matched sentence pairs that must keep the same order in both articles. Default 0.8. */
  orderThreshold?: number;
  /** Fewest matched sentences for order evidence to count at all (2–100). Default 5. */
  minMatches?: number;
  /** Cosine (0–1) at which a matched sentence pair counts as copied nearly word for word. Default 0.6. */
  copyThreshold?: number;
  /** Fewest copied sentences, in the same order in both, that make two articles one report (2–100). Default 2. */
  minCopied?: number;
}

const DEFAULTS: Required<DerivativeOptions> = {
  sentenceThreshold: 0.3,
  coverageThreshold: 0.25,
  orderThreshold: 0.8,
  minMatches: 5,
  copyThreshold: 0.6,
  minCopied: 2,
};

interface Profile {
  article: SegmentedArticle;
  /** Whitespace- and case-folded text, to spot syndicated copies. */
  folded: string;
  /** Unit-length IDF vectors of the claim-bearing sentences, in order. */
  sentences: SentenceVector[];
  /** The same sentences' words, lowercased, to tell a copied sentence from a paraphrase. */
  words: string[][];
}

/** Why two articles belong to one family, and how strongly. */
interface PairEvidence {
  strength: number;
  text: string;
}

/**
 * Finds the rewrites among the `articles` of one story. Returns one link per derivative article,
 * sorted by article id, pointing at its family's representative: the article whose outlet the others
 * credit, else the earliest published, else the longest, else the first by id.
 * Independent sources = members − links.
 */
export function detectDerivatives(articles: SegmentedArticle[], options: DerivativeOptions = {}): DerivativeLink[] {
  const opts = { ...DEFAULTS, ...options };
  assertInRange('detectDerivatives', 'sentenceThreshold', opts.sentenceThreshold, 0, 1);
  assertInRange('detectDerivatives', 'coverageThreshold', opts.coverageThreshold, 0, 1);
  assertInRange('detectDerivatives', 'orderThreshold', opts.orderThreshold, 0, 1);
  assertInRange('detectDerivatives', 'minMatches', opts.minMatches, 2, 100);
  assertInRange('detectDerivatives', 'copyThreshold', opts.copyThreshold, 0, 1);
  assertInRange('detectDerivatives', 'minCopied', opts.minCopied, 2, 100);

  const sorted = [...articles].sort((a, b) => compareIds(a.id, b.id));
  const terms = sorted.map((article) => claimSentences(article).map((s) => contentTerms(s.text)));
  const weigh = sentenceWeights(terms.flat());
  const profiles = sorted.map((article, i) => profile(article, claimSentences(article), (terms[i] ?? []).map(weigh)));
  const parent = profiles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const evidence = new Map<string, PairEvidence>();
  const matches = sentenceMatches(profiles, opts.sentenceThreshold);

  for (let i = 0; i < profiles.length; i += 1) {
    for (let j = i + 1; j < profiles.length; j += 1) {
      const found = pairEvidence(profiles[i] as Profile, profiles[j] as Profile, matches.get(`${i},${j}`) ?? [], opts);
      if (found === undefined) continue;
      evidence.set(`${i},${j}`, found);
      const [ri, rj] = [find(i), find(j)];
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }

  const families = new Map<number, number[]>();
  profiles.forEach((_, i) => families.set(find(i), [...(families.get(find(i)) ?? []), i]));
  const links: DerivativeLink[] = [];
  for (const members of families.values()) {
    if (members.length < 2) continue;
    const representative = chooseRepresentative(members.map((i) => profiles[i] as Profile));
    const repIndex = profiles.findIndex((p) => p.article.id === representative.id);
    for (const member of members) {
      if (member === repIndex) continue;
      links.push({
        articleId: (profiles[member] as Profile).article.id,
        derivativeOf: representative.id,
        evidence: describeLink(member, repIndex, members, profiles, evidence),
      });
    }
  }
  return links.sort((a, b) => compareIds(a.articleId, b.articleId));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sentence as a sparse unit vector: term → weight. */
type SentenceVector = SparseVector;

/** Fewer content terms than this and a sentence is too slight to witness copying ("Read more."). */
const MIN_SENTENCE_TERMS = 3;

/** Share (0–1) of a sentence's words inside quotation marks above which it is the quoted party's words, not the report's. */
const QUOTED_SHARE = 0.5;

/** The sentences that can witness copying: not headings, and not mostly quotation. */
function claimSentences(article: SegmentedArticle): Sentence[] {
  const kept = article.sentences.filter((s) => s.kind !== 'heading');
  const shares = quotedShares(kept);
  return kept.filter((_, i) => (shares[i] ?? 0) < QUOTED_SHARE);
}

/** IDF over the story's sentences, each sentence a document; returns a function that builds unit vectors. */
function sentenceWeights(all: string[][]): (terms: string[]) => SentenceVector {
  const df = new Map<string, number>();
  for (const terms of all) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = all.length + 1;
  return (terms) => {
    const vector: SentenceVector = new Map();
    if (new Set(terms).size < MIN_SENTENCE_TERMS) return vector;
    for (const term of terms) vector.set(term, Math.log(n / (df.get(term) ?? 1)));
    scaleToUnit(vector);
    return vector;
  };
}

function profile(article: SegmentedArticle, sentences: Sentence[], vectors: SentenceVector[]): Profile {
  const kept = vectors.flatMap((vector, i) => (vector.size > 0 ? [i] : []));
  return {
    article,
    folded: article.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
    sentences: kept.map((i) => vectors[i] as SentenceVector),
    words: kept.map((i) => (sentences[i]?.text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
  };
}

/** Folds an outlet or credit name so "REUTERS", "Reuters" and "reuters.com" compare equal. */
function foldName(name: string | undefined): string {
  if (name === undefined || name === 'unknown') return '';
  return name.toLowerCase().replace(/\.(com|org|net|co\.uk)$/u, '').replace(/^the\s+/u, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The strongest reason to put `a` and `b` in one family, or undefined when they look independent. */
function pairEvidence(a: Profile, b: Profile, matched: SentenceMatch[], opts: Required<DerivativeOptions>): PairEvidence | undefined {
  if (a.folded.length > 0 && a.folded === b.folded) return { strength: 3, text: 'identical text (a syndicated copy)' };
  const creditA = foldName(a.article.meta.credit);
  const creditB = foldName(b.article.meta.credit);
  const reasons: string[] = [];
  let strength = 0;
  if (creditA !== '' && creditA === creditB) {
    reasons.push(`both credit ${a.article.meta.credit}`);
    strength = 2;
  } else if (creditA !== '' && creditA === foldName(b.article.meta.outlet)) {
    reasons.push(`credits ${a.article.meta.credit}, the outlet of ${b.article.id}`);
    strength = 2;
  } else if (creditB !== '' && creditB === foldName(a.article.meta.outlet)) {
    reasons.push(`credits ${b.article.meta.credit}, the outlet of ${a.article.id}`);
    strength = 2;
  }
  const order = orderAgreement(matched, a.sentences.length, b.sentences.length);
  const copied = copiedInOrder(order.positions.filter((p) => p.sim >= opts.copyThreshold && longestCommonRun(a.words[p.i] ?? [], b.words[p.j] ?? []).length >= COPIED_RUN));
  if (copied >= opts.minCopied) {
    reasons.push(`${copied} sentences copied nearly word for word, in the same order`);
    strength = Math.max(strength, 2);
  } else if (copied >= 1 && shortReportMirrored(a, b, order)) {
    // A flash of two or three sentences cannot copy two of them and say anything else: one copied
    // word for word, and every other sentence of the shorter matched in the same order, is one report.
    reasons.push(`a short report: every sentence matched in the same order, ${copied} copied word for word`);
    strength = Math.max(strength, 2);
  }
  if (order.matches >= opts.minMatches && order.coverage >= opts.coverageThreshold && order.concordance >= opts.orderThreshold) {
    reasons.push(`same facts in the same order (${order.matches} sentences matched, ${order.concordance.toFixed(2)} in order)`);
    strength = Math.max(strength, 1 + order.coverage * order.concordance);
  }
  return reasons.length === 0 ? undefined : { strength, text: reasons.join('; ') };
}

/** Most claim-bearing sentences a report may have for `shortReportMirrored` to read it as a flash. */
const SHORT_REPORT = 3;

/**
 * True when the shorter of two reports is a flash of at most `SHORT_REPORT` sentences and every
 * one of them is matched in the other, in the same order (`order` from `orderAgreement`).
 */
function shortReportMirrored(a: Profile, b: Profile, order: { matches: number; positions: SentenceMatch[] }): boolean {
  const shorter = Math.min(a.sentences.length, b.sentences.length);
  if (shorter < 2 || shorter > SHORT_REPORT || order.matches < shorter) return false;
  return order.positions.every((p, x) => x === 0 || (order.positions[x - 1] as SentenceMatch).j < p.j);
}

/** Sentence `i` of one article and sentence `j` of another, with their similarity. */
interface SentenceMatch {
  i: number;
  j: number;
  sim: number;
}

/**
 * A term in more of the story's sentences than this is looked up only among its most recent holders
 * (`COMMON_TERM_WINDOW`), so a story of hundreds of articles costs a fixed amount per sentence
 * instead of the square of its sentence count. Such terms weigh little in the cosine anyway.
 */
const COMMON_TERM_CAP = 200;
const COMMON_TERM_WINDOW = 60;

/**
 * Every pair of sentences from different articles whose cosine reaches `threshold`, grouped by
 * article pair (`"i,j"`, i < j). Candidate sentences are found through an inverted index over terms,
 * then scored exactly.
 */
function sentenceMatches(profiles: Profile[], threshold: number): Map<string, SentenceMatch[]> {
  const owner: { article: number; position: number; vector: SentenceVector }[] = [];
  profiles.forEach((p, article) => p.sentences.forEach((vector, position) => owner.push({ article, position, vector })));
  const holders = new Map<string, number>();
  for (const { vector } of owner) for (const term of vector.keys()) holders.set(term, (holders.get(term) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  const found = new Map<string, SentenceMatch[]>();
  const seen = new Set<number>();
  owner.forEach((sentence, g) => {
    seen.clear();
    for (const term of sentence.vector.keys()) {
      let posting = postings.get(term);
      if (posting === undefined) {
        posting = [];
        postings.set(term, posting);
      }
      const common = (holders.get(term) ?? 0) > COMMON_TERM_CAP;
      for (let k = common ? Math.max(0, posting.length - COMMON_TERM_WINDOW) : 0; k < posting.length; k += 1) {
        const h = posting[k] as number;
        const other = owner[h] as (typeof owner)[number];
        if (other.article === sentence.article || seen.has(h)) continue;
        seen.add(h);
        const sim = dot(other.vector, sentence.vector);
        if (sim < threshold) continue;
        const key = `${other.article},${sentence.article}`;
        const list = found.get(key) ?? [];
        list.push({ i: other.position, j: sentence.position, sim });
        found.set(key, list);
      }
      posting.push(g);
    }
  });
  return found;
}

/**
 * From the sentence pairs two articles share (`pairs`), keeps a one-to-one matching, most similar
 * first, and measures how many matched (`matches`), their share of the shorter article (`coverage`),
 * and the share of matched pairs that come in the same order in both articles (`concordance`, 1 for
 * a faithful rewrite, about 0.5 by chance).
 */
function orderAgreement(
  found: readonly SentenceMatch[],
  lengthA: number,
  lengthB: number,
): { matches: number; coverage: number; concordance: number; positions: SentenceMatch[] } {
  const pairs = [...found];
  pairs.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const positions: SentenceMatch[] = [];
  for (const pair of pairs) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    positions.push(pair);
  }
  positions.sort((x, y) => x.i - y.i);
  // Every report opens with the main fact, so lead matched to lead says nothing about copying.
  const first = positions[0];
  const skipLeads = first !== undefined && first.i === 0 && first.j === 0 ? 1 : 0;
  let concordant = 0;
  let total = 0;
  for (let x = skipLeads; x < positions.length; x += 1) {
    for (let y = x + 1; y < positions.length; y += 1) {
      total += 1;
      if ((positions[x] as { j: number }).j < (positions[y] as { j: number }).j) concordant += 1;
    }
  }
  const shorter = Math.min(lengthA, lengthB);
  return {
    matches: positions.length,
    coverage: shorter === 0 ? 0 : positions.length / shorter,
    concordance: total === 0 ? 0 : concordant / total,
    positions,
  };
}

/**
 * Words in a row that a copied sentence keeps from its source. Sentences naming the same things
 * score a high cosine in any wording ("convicted of wire fraud, conspiracy to commit securities
 * fraud …"); a copy also keeps the writer's run of words ("landed two hours after the harbour
 * board gave its final approval to").
 */
const COPIED_RUN = 8;

/**
 * How many of the copied sentence pairs (`copies`, in the first article's order) keep one order in
 * both articles: the longest increasing run of their places in the second article.
 */
function copiedInOrder(copies: readonly SentenceMatch[]): number {
  const places = copies.map((p) => p.j);
  const longest: number[] = [];
  places.forEach((place, x) => {
    let best = 1;
    for (let y = 0; y < x; y += 1) if ((places[y] as number) < place) best = Math.max(best, (longest[y] as number) + 1);
    longest.push(best);
  });
  return Math.max(0, ...longest);
}

/**
 * The family member the others derive from: the one whose outlet another member credits (the original
 * reporter), else the earliest known publication date, else the longest text, else the first id.
 */
function chooseRepresentative(members: Profile[]): SegmentedArticle {
  const credited = new Set(members.map((m) => foldName(m.article.meta.credit)).filter((c) => c !== ''));
  const rank = (p: Profile) => ({
    original: credited.has(foldName(p.article.meta.outlet)) && foldName(p.article.meta.credit) === '' ? 0 : 1,
    date: p.article.meta.published === 'unknown' ? '9999-99-99' : p.article.meta.published,
    length: -p.article.text.length,
  });
  const sorted = [...members].sort((x, y) => {
    const [rx, ry] = [rank(x), rank(y)];
    return rx.original - ry.original || rx.date.localeCompare(ry.date) || rx.length - ry.length || compareIds(x.article.id, y.article.id);
  });
  return (sorted[0] as Profile).article;
}

/** The evidence tying `member` to the representative: direct when the pair was judged, else via the strongest partner. */
function describeLink(
  member: number,
  representative: number,
  family: number[],
  profiles: Profile[],
  evidence: Map<string, PairEvidence>,
): string {
  const key = (x: number, y: number) => (x < y ? `${x},${y}` : `${y},${x}`);
  const direct = evidence.get(key(member, representative));
  if (direct !== undefined) return direct.text;
  let best: { partner: number; found: PairEvidence } | undefined;
  for (const other of family) {
    const found = other === member ? undefined : evidence.get(key(member, other));
    if (found !== undefined && (best === undefined || found.strength > best.found.strength)) best = { partner: other, found };
  }
  const partner = best === undefined ? '' : (profiles[best.partner] as Profile).article.id;
  return best === undefined ? 'same family of rewrites' : `${best.found.text}, shared with ${partner}, a rewrite of the same report`;
}
