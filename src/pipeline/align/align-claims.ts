/**
 * The align stage: within one story, sentences that state the same fact — across articles or
 * twice in one article — become one `ClaimGroup`; sentences about one subject whose figures,
 * dates or names differ become a `Conflict`; sentences that carry no claim are left out with the
 * reason.
 *
 * Same-fact is decided on IDF-weighted stemmed content terms (IDF over the story's own
 * sentences), character similarity, and anchors (figures, dates, names): a pair whose anchors
 * contradict is never merged. Groups grow by average linkage, so one long sentence that touches
 * two facts cannot chain them into one group. Only pairs that share distinctive tokens are scored
 * (`claim-candidates.ts`), so the cost grows about linearly with the story's length.
 *
 * Rules beyond the pair score: the leads of the story's reports are one claim when they share the
 * event's words (a name they spell differently stays a conflict); two sentences of one article
 * must clearly say the same thing; a sentence of another source that contains a claim, or states
 * it in one of its fact clauses, is cited on that claim too (`coveringIds`) without merging the
 * two claims; and a sentence that restates one clause of a larger claim is folded into it when
 * every one of its sources is already cited there.
 */
import { isChromeSentence } from '../normalize/page-chrome.ts';
import { quotedWords } from '../merge/attribution.ts';
import { assertInRange } from '../../errors.ts';
import type { AlignedClaims, ClaimGroup, DerivativeLink, LeftOut, SegmentedArticle, Sentence } from '../../types.ts';
import {
  anchorsDisagree,
  ATTRIBUTION,
  buildIdf,
  clauses,
  compatibleDates,
  compatibleFigures,
  containedIn,
  scorePair,
  onlyAttribution,
  sentenceFeatures,
  sharedFactTerms,
  SHARED_FIGURE_BONUS,
  withStoryNames,
  type IdfTable,
  type PairScore,
  type SentenceFeatures,
} from './claim-features.ts';
import { candidatePairs, collapseIdentical } from './claim-candidates.ts';
import { joinGroups } from './join-groups.ts';
import { stanceDifference, type StanceDifference } from './claim-stance.ts';
import { factClauses } from './claim-support.ts';
import { memoizeByText } from '../memory-cache.ts';
import { findConflicts, type StancePair } from './find-conflicts/find-conflicts.ts';
import { withoutDisputedCitations } from './disputed-citations.ts';
import { sharedQuotation } from './shared-quotation.ts';
import { mainAct } from '../timeline/same-happening.ts';

/** Options of `alignClaims`. */
export interface AlignOptions {
  /**
   * Same-fact score at or above which two sentences are one claim (0–1). Default 0.40, calibrated
   * on `tests/fixtures/align/labeled-pairs.json` (first 51 pairs: precision 0.96, recall 0.96 there; 89 pairs
   * with stances compared: 0.92 / 0.98; 0.45
   * gives 1.00/0.96 on the pairs but misses paraphrases inside real stories, where IDF over the
   * story makes the subject's own words weigh little).
   */
  threshold?: number;
  /**
   * A sentence joins a group only if its mean score against the whole group reaches this share
   * of the threshold (0–1). Default 0.85: stops chaining through one sentence that touches two facts.
   */
  linkage?: number;
  /** Topic overlap (anchors excluded) at or above which contradicting anchors are a conflict (0–1). Default 0.45. */
  conflictTopical?: number;
}

/** Added to the score of two sentences at about the same place in rewrites of one report. */
const ORDER_BONUS = 0.06;
/** How close (as a share of article length) two sentences must sit to count as "the same place". */
const ORDER_WINDOW = 0.12;

/** Leads of two reports of one story are one claim at this score (and topic overlap), well below the threshold. */
const LEAD_THRESHOLD = 0.2;
const LEAD_TOPICAL = 0.15;
/** Two sentences of one article must score this much above the threshold to be one claim. */
const SAME_ARTICLE_MARGIN = 0.15;

/**
 * A clause is scored without the rest of its sentence, so two short clauses of one shape score
 * higher than their sentences would: one must clear the threshold by this much to be cited.
 */
const CLAUSE_MARGIN = 0.05;
/** A term is distinctive in a story when at most this share of its sentences use it (or at most 3 in a short story). */
const DISTINCTIVE_SHARE = 0.1;

/** No pair inside a group may score below this share of the threshold (single-link floor). */
const MIN_LINK_SHARE = 0.7;

export const DEFAULT_ALIGN_OPTIONS: Required<AlignOptions> = { threshold: 0.4, linkage: 0.85, conflictTopical: 0.45 };

/** Reasons recorded for sentences the story does not use. */
export const LEFT_OUT_REASONS = {
  heading: 'heading: names a section, states no fact',
  chrome: 'page chrome run into the text (a label, credit, byline or photo caption), not reporting',
  rhetoric: 'opinion or rhetoric without a fact: no figure, name, date or quote, and too few words to carry one',
  opinion: 'one source’s opinion or speculation, with no figure, date or quote to back it',
  attribution: 'says only who reported something, not what: a credit to a source, no fact of its own',
} as const;

/** Words that mark an evaluation or a guess rather than a report. */
const OPINION_CUE =
  /\b(suggests?|signal(?:s|ing)?|seems?|appears? to|likely|arguably|clearly|blunt|no longer content|remains? (?:unclear|unproven)|is (?:unclear|uncertain)|only partially)\b/iu;

/** True when a sentence carries something checkable: a figure, a date, a name or a quote. */
export function carriesInformation(features: SentenceFeatures): boolean {
  return features.figures.length > 0 || features.dates.length > 0 || features.names.length > 0 || features.quoted;
}

/**
 * Aligns the claim-bearing sentences of one story's articles. Takes the story's articles and the
 * derivative links between them (used to count independent sources per conflict variant). Returns
 * the claim groups (each with its sentence ids in article order and its sorted source ids, groups
 * in the order of their first sentence), the conflicts, and the sentences left out with reasons.
 */
export function alignClaims(articles: SegmentedArticle[], derivatives: DerivativeLink[], options: AlignOptions = {}): AlignedClaims {
  const settings = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  assertInRange('align-claims', 'threshold', settings.threshold, 0, 1);
  assertInRange('align-claims', 'linkage', settings.linkage, 0, 1);
  assertInRange('align-claims', 'conflictTopical', settings.conflictTopical, 0, 1);

  const leftOut: LeftOut[] = [];
  const claimBearing: SentenceFeatures[] = [];
  for (const article of [...articles].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const sentence of [...article.sentences].sort((a, b) => a.index - b.index)) {
      if (sentence.kind === 'heading') leftOut.push({ sentenceId: sentence.id, reason: LEFT_OUT_REASONS.heading });
      // Normalization removes chrome on lines of its own; on a saved page a credit or label is
      // often glued to a caption ("…on Thursday.Jane Doe / AFP"), so it only shows as a sentence.
      else if (isChromeSentence(sentence.text)) leftOut.push({ sentenceId: sentence.id, reason: LEFT_OUT_REASONS.chrome });
      else claimBearing.push(sentenceFeatures(sentence.id, article.id, sentence.text));
    }
  }
  const candidates: SentenceFeatures[] = [];
  for (const features of withStoryNames(claimBearing)) {
    if (!carriesInformation(features) && features.terms.length < 6) leftOut.push({ sentenceId: features.id, reason: LEFT_OUT_REASONS.rhetoric });
    else if (onlyAttribution(features)) leftOut.push({ sentenceId: features.id, reason: LEFT_OUT_REASONS.attribution });
    else candidates.push(features);
  }

  const idf = buildIdf(candidates);
  const family = new Map(derivatives.map((link) => [link.articleId, link.derivativeOf]));
  const rootOf = (id: string): string => {
    let current = id;
    for (let hops = 0; family.has(current) && hops < articles.length; hops += 1) current = family.get(current) ?? current;
    return current;
  };
  const sentenceCount = new Map(articles.map((article) => [article.id, article.sentences.length]));
  const indexOf = new Map(articles.flatMap((article) => article.sentences.map((s) => [s.id, s.index] as const)));
  const position = (i: number): number => {
    const f = candidates[i];
    if (f === undefined) return 0;
    return (indexOf.get(f.id) ?? 0) / Math.max(1, (sentenceCount.get(f.articleId) ?? 1) - 1);
  };
  const n = candidates.length;
  // Identical sentences are scored once; the pairs worth scoring come from an inverted index over
  // distinctive tokens, so a long story costs about its length rather than its length squared.
  const identical = collapseIdentical(candidates);
  const { representative, copies } = identical;
  const scores = new Map<number, PairScore>();
  const neighbours = new Map<number, number[]>();
  const pair = (i: number, j: number): PairScore | undefined => {
    const ri = representative[i] ?? i;
    const rj = representative[j] ?? j;
    if (ri === rj) return IDENTICAL;
    return scores.get(ri < rj ? ri * n + rj : rj * n + ri);
  };
  const edges: { i: number; j: number; score: number }[] = [];
  for (const [i, j] of candidatePairs(candidates, identical.representatives, articles.length)) {
    const a = candidates[i];
    const b = candidates[j];
    if (a === undefined || b === undefined) continue;
    const result = scorePair(a, b, idf);
    // Rewrites of one report keep its order: a paraphrase at the same place in a sibling rewrite
    // is more likely the same fact than the words alone show.
    const ra = rootOf(a.articleId);
    if (ra === rootOf(b.articleId) && a.articleId !== b.articleId && Math.abs(position(i) - position(j)) <= ORDER_WINDOW && result.topical >= 0.25) {
      result.score = Math.min(1, result.score + ORDER_BONUS);
    }
    scores.set(i * n + j, result);
    for (const [from, to] of [[i, j], [j, i]] as const) {
      const list = neighbours.get(from);
      if (list === undefined) neighbours.set(from, [to]);
      else list.push(to);
    }
  }
  // The first sentence of each report states the event the story is about; the clusterer has
  // already judged the reports to be about one event, so their leads are one claim when they share
  // its words at all, even where a name in them differs (that difference is kept as a conflict).
  const leads = leadSentences(candidates, indexOf);
  const leadPairs = new Set<number>();
  for (let x = 0; x < leads.length; x += 1) {
    for (let y = x + 1; y < leads.length; y += 1) {
      const [i, j] = [Math.min(leads[x] as number, leads[y] as number), Math.max(leads[x] as number, leads[y] as number)];
      const a = candidates[i];
      const b = candidates[j];
      if (a === undefined || b === undefined || (representative[i] ?? i) !== i || (representative[j] ?? j) !== j) continue;
      let result = scores.get(i * n + j);
      if (result === undefined) {
        result = scorePair(a, b, idf);
        scores.set(i * n + j, result);
        for (const [from, to] of [[i, j], [j, i]] as const) {
          const list = neighbours.get(from);
          if (list === undefined) neighbours.set(from, [to]);
          else list.push(to);
        }
      }
      const figuresOrDates = result.figures === 'disagree' || result.dates === 'disagree';
      // Openings that tell two kinds of act ("won court approval to proceed" / "completed the
      // takeover") report two steps of one story, not one fact in other words.
      if (result.score >= LEAD_THRESHOLD && result.topical >= LEAD_TOPICAL && !figuresOrDates && sharedEventWords(a, b) >= 2 && !otherMainActs(a.text, b.text)) leadPairs.add(i * n + j);
    }
  }
  // What two sentences assert can differ where their words agree ("outperforms" / "does not
  // surpass"); checked only for pairs that score close to joining, once per pair of texts.
  const stances = new Map<number, StanceDifference | null>();
  const stanceOf = (i: number, j: number): StanceDifference | undefined => {
    const ri = representative[i] ?? i;
    const rj = representative[j] ?? j;
    if (ri === rj) return undefined;
    const key = ri < rj ? ri * n + rj : rj * n + ri;
    let known = stances.get(key);
    if (known === undefined) {
      known = stanceDifference(candidates[Math.min(ri, rj)]?.text ?? '', candidates[Math.max(ri, rj)]?.text ?? '') ?? null;
      stances.set(key, known);
    }
    return known ?? undefined;
  };
  const quoteMemo = new Map<number, boolean>();
  const quotesAlike = (ri: number, rj: number): boolean => {
    const a = candidates[ri];
    const b = candidates[rj];
    if (a === undefined || b === undefined || !a.quoted || !b.quoted) return false;
    const key = ri < rj ? ri * n + rj : rj * n + ri;
    let known = quoteMemo.get(key);
    if (known === undefined) {
      known = sharedQuotation(a.text, b.text) !== undefined;
      quoteMemo.set(key, known);
    }
    return known;
  };
  /** The score two sentences are grouped on; undefined when they may not be grouped at all. */
  const linkScore = (i: number, j: number): number | undefined => {
    const score = wordScore(i, j);
    // Opposite or clearly weaker statements of one fact are a disagreement, never one claim.
    if (score !== undefined && score >= settings.threshold * MIN_LINK_SHARE && stanceOf(i, j) !== undefined) return undefined;
    return score;
  };
  /** The score on words and anchors alone, before what the sentences assert is compared. */
  const wordScore = (i: number, j: number): number | undefined => {
    const result = pair(i, j);
    if (result === undefined) return undefined;
    const ri = representative[i] ?? i;
    const rj = representative[j] ?? j;
    if (leadPairs.has(ri < rj ? ri * n + rj : rj * n + ri)) return Math.max(result.score, settings.threshold);
    if (anchorsDisagree(result)) return undefined;
    // Two reports quoting the same words report one statement, whatever words surround the quote.
    if (candidates[i]?.articleId !== candidates[j]?.articleId && quotesAlike(ri, rj)) return Math.max(result.score, settings.threshold);
    // Two sentences of one article are one fact only when they plainly say it twice.
    if (candidates[i]?.articleId === candidates[j]?.articleId && result.score < settings.threshold + SAME_ARTICLE_MARGIN) return undefined;
    // A shared figure is evidence of one fact only when neither sentence brings figures of its own.
    if (result.figures === 'agree' && eachAddsFigure(candidates[i], candidates[j])) return result.score - SHARED_FIGURE_BONUS;
    return result.score;
  };
  for (const key of scores.keys()) {
    const i = Math.floor(key / n);
    const j = key % n;
    const score = linkScore(i, j);
    if (score !== undefined && score >= settings.threshold) edges.push({ i, j, score });
  }
  // Strongest pairs first; ties by position so the result does not depend on sort stability.
  edges.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);

  // Copies of one sentence start as one group: they say the same thing in the same words.
  const groupOf = candidates.map((_, index) => representative[index] ?? index);
  const members = new Map<number, number[]>([...copies].map(([rep, all]) => [rep, [...all]]));
  const canJoin = (left: number[], right: number[]): boolean => {
    let total = 0;
    for (const i of left) {
      for (const j of right) {
        const score = linkScore(i, j);
        // Every member must at least resemble every other: one weak link is enough to refuse.
        if (score === undefined || score < settings.threshold * MIN_LINK_SHARE) return false;
        total += score;
      }
    }
    return total / (left.length * right.length) >= settings.threshold * settings.linkage;
  };
  joinGroups(edges, groupOf, members, canJoin);

  // An evaluation only one source makes, with nothing checkable in it, is commentary, not a fact:
  // it is left out before anything else is cited for it or folded into it.
  const sentencesOf = (indices: number[]) => indices.map((index) => candidates[index]).filter((f): f is SentenceFeatures => f !== undefined);
  const opinionLeftOut = new Set<number>();
  for (const [key, own] of [...members.entries()].sort((a, b) => (a[1][0] ?? 0) - (b[1][0] ?? 0))) {
    const ownSentences = sentencesOf(own);
    const onlyOpinion =
      new Set(ownSentences.map((f) => f.articleId)).size === 1 &&
      ownSentences.every((f) => OPINION_CUE.test(f.text) && !ATTRIBUTION.test(f.text) && f.figures.length === 0 && f.dates.length === 0 && !f.quoted);
    if (!onlyOpinion) continue;
    for (const index of own) opinionLeftOut.add(index);
    for (const f of ownSentences) leftOut.push({ sentenceId: f.id, reason: LEFT_OUT_REASONS.opinion });
    members.delete(key);
  }

  // A short claim can sit whole inside a longer sentence of another source that also says more
  // ("Founded in 1921, the firm was sold in 2019" contains "The firm was founded in 1921"); that
  // source states the claim too, so it is cited, without merging the two claims.
  const covering = new Map<number, number[]>();
  // Per group, the sentences cited for one clause only: they back the claim, but are not its
  // sources when deciding whether another claim may be folded into it.
  const clauseOnly = new Map<number, Set<number>>();
  for (const [key, indices] of members) {
    const articlesIn = new Set(indices.map((index) => candidates[index]?.articleId));
    // Only pairs that share distinctive tokens were scored; no other sentence can contain a claim.
    const scoredWith = new Set<number>();
    for (const index of indices) for (const other of neighbours.get(representative[index] ?? index) ?? []) scoredWith.add(other);
    const extra: number[] = [];
    for (const other of [...scoredWith].sort((x, y) => x - y)) {
      for (const k of copies.get(other) ?? []) {
        const outside = candidates[k];
        if (outside === undefined || articlesIn.has(outside.articleId) || opinionLeftOut.has(k)) continue;
        const comparable = indices.filter((index) => candidates[index] !== undefined && pair(index, k) !== undefined && stanceOf(index, k) === undefined);
        const contained = comparable.some((index) => containedIn(candidates[index] as SentenceFeatures, outside, idf));
        const sharesClause = !contained && comparable.some((index) => sharesFactClause(candidates[index] as SentenceFeatures, outside, idf, settings.threshold + CLAUSE_MARGIN, n));
        if (contained || sharesClause) {
          extra.push(k);
          articlesIn.add(outside.articleId);
          if (sharesClause) clauseOnly.set(key, (clauseOnly.get(key) ?? new Set()).add(k));
        }
      }
    }
    if (extra.length > 0) covering.set(key, extra.sort((x, y) => x - y));
  }

  // A sentence that restates one clause of another claim ("…, and committed billions to startups"
  // split off by a rewrite as "It also deployed billions in startups") is that fact a second time.
  // When every source of the smaller claim is already cited on the larger one, folding it in adds
  // no credit anyone did not earn, and the story no longer states the fact twice.
  const sourcesOf = (key: number): Set<string> =>
    new Set([...(members.get(key) ?? []), ...(covering.get(key) ?? []).filter((index) => !clauseOnly.get(key)?.has(index))].map((index) => candidates[index]?.articleId ?? ''));
  const received = new Set<number>();
  for (const key of [...members.keys()].sort((x, y) => x - y)) {
    const own = members.get(key) ?? [];
    if (received.has(key) || own.length === 0) continue;
    const mine = sourcesOf(key);
    const targets = new Set<number>();
    for (const index of own) for (const other of neighbours.get(representative[index] ?? index) ?? []) for (const copy of copies.get(other) ?? []) targets.add(groupOf[copy] ?? copy);
    targets.delete(key);
    const into = [...targets]
      .sort((x, y) => x - y)
      .find((target) => {
        if (!members.has(target)) return false;
        const theirs = sourcesOf(target);
        if (![...mine].every((source) => theirs.has(source))) return false;
        const larger = [...(members.get(target) ?? []), ...(covering.get(target) ?? [])];
        return own.every(
          (index) => larger.some((other) => stanceOf(index, other) === undefined && restatesClause(candidates[index], candidates[other], idf, settings.threshold)),
        );
      });
    if (into === undefined) continue;
    members.set(into, [...(members.get(into) ?? []), ...own].sort((x, y) => x - y));
    covering.set(into, [...(covering.get(into) ?? []), ...(covering.get(key) ?? [])]);
    for (const index of clauseOnly.get(key) ?? []) clauseOnly.set(into, (clauseOnly.get(into) ?? new Set()).add(index));
    members.delete(key);
    covering.delete(key);
    clauseOnly.delete(key);
    received.add(into);
    for (const index of own) groupOf[index] = into;
  }

  const byId = new Map<string, Sentence>(articles.flatMap((article) => article.sentences.map((s) => [s.id, s] as const)));
  const groups: ClaimGroup[] = [];
  const ordered = [...members.entries()].sort((a, b) => (a[1][0] ?? 0) - (b[1][0] ?? 0));
  for (const [key, own] of ordered) {
    const extra = (covering.get(key) ?? []).filter((index) => !own.includes(index));
    const group = sentencesOf([...own, ...new Set(extra)]);
    const coveringIds = sentencesOf(extra).map((f) => f.id).sort((a, b) => compareSentenceIds(a, b, byId));
    groups.push({
      sentenceIds: group.map((f) => f.id).sort((a, b) => compareSentenceIds(a, b, byId)),
      sourceIds: [...new Set(group.map((f) => f.articleId))].sort(),
      ...(coveringIds.length === 0 ? {} : { coveringIds }),
    });
  }

  // Pairs that would have been one claim on their words but assert it differently.
  const stancePairs: StancePair[] = [];
  for (const key of [...scores.keys()].sort((x, y) => x - y)) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (candidates[i]?.articleId === candidates[j]?.articleId) continue;
    // Only a pair that would be one claim on its own, about one subject, is shown as a disagreement:
    // weaker pairs refused above are often two facts that share a few words.
    const score = wordScore(i, j);
    const topical = scores.get(key)?.topical ?? 0;
    const difference = score !== undefined && score >= settings.threshold && topical >= settings.conflictTopical ? stanceOf(i, j) : undefined;
    if (difference !== undefined) stancePairs.push({ i, j, difference });
  }

  const conflicts = findConflicts({
    features: candidates,
    stancePairs,
    pair,
    groupOf: groupOf.map((g, index) => (opinionLeftOut.has(index) ? -1 - index : g)),
    derivatives,
    topicalThreshold: settings.conflictTopical,
  });

  return {
    groups: withoutDisputedCitations(groups, conflicts, new Map([...byId].map(([id, sentence]) => [id, sentence.text])), (a, b) => compareSentenceIds(a, b, byId)),
    conflicts,
    leftOut: leftOut.sort((a, b) => compareSentenceIds(a.sentenceId, b.sentenceId, byId)),
  };
}

/**
 * True when `part` states what one clause of `whole` states: some clause of each scores at least
 * `threshold`, and every figure, date and name `part` gives is in `whole`, so nothing of its own
 * would be lost by citing `whole` in its place.
 */
function restatesClause(part: SentenceFeatures | undefined, whole: SentenceFeatures | undefined, idf: IdfTable, threshold: number): boolean {
  if (part === undefined || whole === undefined) return false;
  if (!part.figures.every((f) => whole.figures.some((g) => compatibleFigures(f, g)))) return false;
  if (!part.dates.every((d) => whole.dates.some((e) => compatibleDates(d, e)))) return false;
  if (!part.names.every((name) => whole.names.includes(name))) return false;
  // A quotation states its words; who spoke and how they are described is its credit, not a clause.
  const pieces = (f: SentenceFeatures) =>
    clauses(quotedWords(f.text) ?? f.text)
      .map((text) => sentenceFeatures(f.id, f.articleId, text))
      .filter((c) => c.terms.length >= 3);
  const wholeClauses = pieces(whole);
  if (wholeClauses.length < 2) return false;
  return pieces(part).some((a) => wholeClauses.some((b) => {
    const result = scorePair(a, b, idf);
    return result.score >= threshold && !anchorsDisagree(result);
  }));
}

/** Fact clauses by text: one sentence is compared with many others. */
const clausesOf = memoizeByText(factClauses, 5_000);

/**
 * True when `outside` and `member` state one fact in a clause of either: a fact clause of
 * `outside`, a sentence that joins two facts ("…is closed source, and is sold only in Norway"),
 * states what `member` or one of its fact clauses states, or `outside` whole states one fact
 * clause of a two-fact `member`. The two pieces score at least `threshold` on their own, share two
 * distinctive words, give every figure of `member`'s piece, and differ in no anchor and no stance.
 * The source of `outside` then states that fact too, so it is cited on the claim as well as on its
 * own (as partial support, when it states only part of the claim).
 */
function sharesFactClause(member: SentenceFeatures, outside: SentenceFeatures, idf: IdfTable, threshold: number, sentences: number): boolean {
  // The IDF (ln(1 + n/df)) of a term at the most sentences a distinctive term may be in.
  const minIdf = Math.log(1 + sentences / Math.max(3, sentences * DISTINCTIVE_SHARE));
  // Splitting at every comma as well finds more such clauses on real coverage, but joins more
  // that are not one fact (measured on eval/*/sentence-pairs.json): fact joints only.
  // Two clauses share no more distinctive words than their sentences do: most pairs stop here.
  if (sharedFactTerms(member, outside).filter((term) => (idf.get(term) ?? 0) >= minIdf).length < 2) return false;
  const outsideClauses = clausesOf(outside.text);
  const memberClauses = clausesOf(member.text);
  // One of the two must join facts: otherwise the whole sentences were already compared.
  if (outsideClauses.length < 2 && memberClauses.length < 2) return false;
  const pieces = (f: SentenceFeatures, texts: string[]) => texts.map((text) => sentenceFeatures(f.id, f.articleId, text)).filter((c) => c.terms.length >= 3);
  const mine = pieces(member, memberClauses.length < 2 ? [member.text] : [member.text, ...memberClauses]);
  return pieces(outside, outsideClauses).some((b) =>
    mine.some((a) => {
      // Two short clauses of one shape ("X is a multimodal model" / "X is a reasoning model") share
      // the story's everyday words; a shared fact needs two words of its own that few of the
      // story's sentences use.
      const distinctive = sharedFactTerms(a, b).filter((term) => (idf.get(term) ?? 0) >= minIdf);
      if (distinctive.length < 2) return false;
      // The source is credited with the claim's figures, so its clause must give each of them.
      if (!a.figures.every((f) => b.figures.some((g) => compatibleFigures(f, g)))) return false;
      const result = scorePair(a, b, idf);
      return result.score >= threshold && !anchorsDisagree(result) && stanceDifference(a.text, b.text) === undefined;
    }),
  );
}

/**
 * True when each sentence states a figure the other does not ("89.5 on one test and 86.4 on
 * another" / "89.5, behind a rival's 94.3"). Their one shared figure then does not show they state
 * one fact: whichever became the claim's text, the other source would be credited with a figure it
 * never gave, so the words alone must carry the match.
 */
function eachAddsFigure(a: SentenceFeatures | undefined, b: SentenceFeatures | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const missing = (x: SentenceFeatures, y: SentenceFeatures) => x.figures.some((f) => !y.figures.some((g) => compatibleFigures(f, g)));
  return missing(a, b) && missing(b, a);
}

/** Words that open a report with background rather than the news ("For years, the firm…"). */
const BACKGROUND_OPENING = /\b(?:for (?:years|decades|months)|in the past|previously|historically|(?:years|decades) ago|long (?:been|known))\b/iu;

/**
 * The first claim-bearing sentence of each article that is not background (indices into
 * `features`), in article order: what the report says happened.
 */
function leadSentences(features: SentenceFeatures[], indexOf: Map<string, number>): number[] {
  const first = new Map<string, number>();
  features.forEach((f, index) => {
    if (BACKGROUND_OPENING.test(f.text)) return;
    const known = first.get(f.articleId);
    if (known === undefined || (indexOf.get(f.id) ?? 0) < (indexOf.get(features[known]?.id ?? '') ?? 0)) first.set(f.articleId, index);
  });
  return [...first.values()].sort((a, b) => a - b);
}

/**
 * True when two opening sentences tell different kinds of act: the main act (`mainAct`) of each
 * differs ("received court approval to proceed" / "completed the takeover"). Exported for its
 * tests.
 */
export function otherMainActs(a: string, b: string): boolean {
  const mine = mainAct(a);
  const theirs = mainAct(b);
  return mine !== undefined && theirs !== undefined && mine !== theirs;
}

/** Content terms two sentences share outside the names in them: the words of the event itself. */
function sharedEventWords(a: SentenceFeatures, b: SentenceFeatures): number {
  const names = new Set([...a.nameTerms, ...b.nameTerms]);
  const other = new Set(b.terms);
  return a.terms.filter((term) => other.has(term) && !names.has(term)).length;
}

/** What two copies of one sentence score against each other. */
const IDENTICAL: PairScore = { score: 1, topical: 1, figures: 'agree', dates: 'agree', names: 'agree' };

/** Article id, then position in the article. */
function compareSentenceIds(a: string, b: string, byId: Map<string, Sentence>): number {
  const sa = byId.get(a);
  const sb = byId.get(b);
  if (sa === undefined || sb === undefined) return a.localeCompare(b);
  return sa.articleId.localeCompare(sb.articleId) || sa.index - sb.index;
}
