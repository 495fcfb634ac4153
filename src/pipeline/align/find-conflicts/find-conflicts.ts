/**
 * Finds where the sources of one story disagree: two statements about the same subject and
 * attribute that cannot both be true. Each disagreement becomes a `Conflict` listing every value
 * reported for it, each with the sources that state it, so the story shows the disagreement
 * instead of silently picking one side.
 *
 * - Figures are compared only when they measure the same thing (`value-frames.ts`): the same party,
 *   metric and unit. A model's scores on two benchmarks, or three models' scores on one, are not
 *   rival values. Figures that differ only as roundings of one value ("$2 billion" / "$2.4
 *   billion") are listed with `kind: 'rounding'`.
 * - Dates are compared as ranges at their own precision (`period-overlap.ts`), and only when they
 *   date the same happening: "April 2025" and "early 2025" can both be true; 8 and 9 April cannot.
 * - Names are compared only as rival versions of one name (`name-roles.ts`); spellings, plurals and
 *   possessives of one name, and its shorter forms, are one variant.
 * - Stances: sentences the align stage found to state one fact in shared words but to assert it
 *   differently (`claim-stance.ts`: one denies it, or states it more weakly) are `kind: 'stance'`,
 *   the stronger statement against the weaker, each in its sources' words (`stance-wording.ts`).
 */
import type { Conflict, ConflictVariant, DerivativeLink } from '../../../types.ts';
import type { StanceDifference } from '../claim-stance.ts';
import { stanceSide, stanceTopic } from './stance-wording.ts';
import { comparableFigures, compatibleFigures, type PairScore, type SentenceFeatures } from '../claim-features.ts';
import type { Figure } from '../../text-features.ts';
import { nameSpans, rivalNames, sameParty, shorterForm, type NameSpan } from './name-roles.ts';
import { periodContains, periodsOverlap } from './period-overlap.ts';
import { joinGroups } from '../join-groups.ts';
import { possibleRounding } from './rounding.ts';
import { isSpelled } from './spelled-counts.ts';
import { asDateMention, timesOfDay } from './time-of-day.ts';
import { nameTopic, valueTopic, type NameMention } from './topic-phrase.ts';
import {
  boundsAgree,
  dateFrames,
  differentHappenings,
  differentMeasures,
  figureFrames,
  sameHappening,
  sameMeasure,
  shareParty,
  sharedMeaningTerms,
  type DateFrame,
  type FigureFrame,
} from './value-frames.ts';

/** What `findConflicts` needs from the align stage. */
export interface ConflictInput {
  features: SentenceFeatures[];
  /** Score of the pair (i, j), i < j, or undefined when the pair was not scored. */
  pair: (i: number, j: number) => PairScore | undefined;
  /** Claim group index of each sentence (same order as `features`): group-mates state one fact. */
  groupOf: number[];
  derivatives: DerivativeLink[];
  /** Topic overlap (content terms, anchors excluded) at or above which two sentences are about one subject. */
  topicalThreshold: number;
  /** Pairs of sentences from different articles that state one fact but assert it differently; none when absent. */
  stancePairs?: StancePair[];
}

/** Two sentences (indices into `features`, i < j) whose words state one fact and whose stances differ. */
export interface StancePair {
  i: number;
  j: number;
  /** How they differ; its `a` is sentence i, its `b` sentence j. */
  difference: StanceDifference;
}

/** Follows `derivativeOf` links to the original report, so rewrites of one report count once. */
export function independentCount(sourceIds: string[], derivatives: DerivativeLink[]): number {
  const parent = new Map(derivatives.map((link) => [link.articleId, link.derivativeOf]));
  const roots = new Set<string>();
  for (const id of sourceIds) {
    let root = id;
    const seen = new Set<string>();
    while (parent.has(root) && !seen.has(root)) {
      seen.add(root);
      root = parent.get(root) ?? root;
    }
    roots.add(root);
  }
  return roots.size;
}

/** Stories with fewer articles than this have no subject names (`subjectNames`). */
const SUBJECT_STORY_SIZE = 8;

/** A bucket of frames larger than this shares a key too common to tell measures apart; it is not searched. */
const BUCKET_LIMIT = 80;

/**
 * Lists the disagreements between the sentences of one story, sorted with contradictions before
 * possible roundings, then by topic.
 */
export function findConflicts(input: ConflictInput): Conflict[] {
  const { features } = input;
  const known = new Set(features.flatMap((sentence) => sentence.names));
  const spans = features.map((sentence) => nameSpans(sentence.text, known));
  const rare = rareNames(spans, features.length);
  const conflicts = [
    ...figureConflicts(input, spans, rare),
    ...dateConflicts(input, spans),
    ...timeConflicts(input, spans),
    ...nameConflicts(input, spans),
    ...stanceConflicts(input),
  ];
  // A stance disagreement weighs as a contradiction: one source denies or weakens what another states.
  const rank = (conflict: Conflict): number => (conflict.kind === 'rounding' ? 1 : 0);
  return conflicts.sort(
    (a, b) => rank(a) - rank(b) || a.topic.localeCompare(b.topic) || (a.variants[0]?.text ?? '').localeCompare(b.variants[0]?.text ?? ''),
  );
}

/**
 * Name keys that at least half the story's articles use, in a story of eight or more articles: its
 * own subject, named whatever is reported. In a smaller story a shared name still tells facts
 * apart (five reports naming the firm a lab invested in mostly name it for that investment).
 */
function subjectNames(spans: NameSpan[][], features: SentenceFeatures[]): Set<string> {
  const articles = new Map<string, Set<string>>();
  spans.forEach((list, index) => {
    const articleId = features[index]?.articleId ?? '';
    for (const span of list) articles.set(span.key, (articles.get(span.key) ?? new Set()).add(articleId));
  });
  const count = new Set(features.map((sentence) => sentence.articleId)).size;
  if (count < SUBJECT_STORY_SIZE) return new Set();
  const limit = count / 2;
  return new Set([...articles].filter(([, ids]) => ids.size >= limit).map(([key]) => key));
}

/** Name keys of each sentence that few sentences share: unlike the story's subject, they say which fact a sentence states. */
function rareNames(spans: NameSpan[][], sentences: number): Set<string>[] {
  const count = new Map<string, number>();
  for (const list of spans) for (const key of new Set(list.map((span) => span.key))) count.set(key, (count.get(key) ?? 0) + 1);
  const limit = Math.max(2, sentences * 0.1);
  return spans.map((list) => new Set(list.map((span) => span.key).filter((key) => (count.get(key) ?? 0) <= limit)));
}

// ---------------------------------------------------------------- linking frames into one attribute

/**
 * Joins frames along the given edges, strongest first, into groups that each hold one attribute.
 * Two groups join only if no member of one is known to be about something else than a member of
 * the other, so a vague statement cannot chain two attributes together.
 */
function linkFrames(count: number, edges: { i: number; j: number; strength: number }[], different: (a: number, b: number) => boolean): number[][] {
  const groupOf = Array.from({ length: count }, (_, i) => i);
  const members = new Map<number, number[]>(groupOf.map((i) => [i, [i]]));
  edges.sort((x, y) => y.strength - x.strength || x.i - y.i || x.j - y.j);
  joinGroups(edges, groupOf, members, (left, right) => !left.some((x) => right.some((y) => different(x, y))));
  return [...members.values()].filter((group) => group.length > 1);
}

/** Pairs of items that share a key, each pair once (i < j), skipping keys held by too many items. */
function pairsSharingKey(keysOf: string[][]): [number, number][] {
  const buckets = new Map<string, number[]>();
  keysOf.forEach((keys, index) => {
    for (const key of new Set(keys)) {
      const list = buckets.get(key);
      if (list === undefined) buckets.set(key, [index]);
      else list.push(index);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = keysOf.length;
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > BUCKET_LIMIT) continue;
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** One variant of a conflict from the sentences that state it. */
function variantOf(text: string, sentences: number[], input: ConflictInput): ConflictVariant {
  const sourceIds = [...new Set(sentences.map((index) => input.features[index]?.articleId ?? ''))].sort();
  // The first sentence stating the value, so a reader sees it in context, not as a bare value.
  const example = input.features[Math.min(...sentences)]?.text;
  const sentenceIds = [...new Set(sentences)].sort((a, b) => a - b).map((index) => input.features[index]?.id ?? '');
  return {
    text,
    sourceIds,
    independentSourceCount: independentCount(sourceIds, input.derivatives),
    ...(example === undefined ? {} : { example }),
    sentenceIds,
  };
}

/** Most sources first, then by text. */
function byWeight(a: ConflictVariant, b: ConflictVariant): number {
  return b.sourceIds.length - a.sourceIds.length || a.text.localeCompare(b.text);
}

/** True when the variants come from more than one article: one article cannot disagree with itself here. */
function acrossArticles(variants: ConflictVariant[]): boolean {
  return new Set(variants.flatMap((variant) => variant.sourceIds)).size > 1;
}

// ---------------------------------------------------------------- figures

function figureConflicts(input: ConflictInput, spans: NameSpan[][], rare: Set<string>[]): Conflict[] {
  // The story's subject (a name in half its articles) is what the story is about,
  // not what one figure is measured on: two figures near "Idris" need more than that in common.
  const subject = subjectNames(spans, input.features);
  const frames = input.features
    .flatMap((sentence, index) => figureFrames(index, sentence.articleId, sentence.text, sentence.figures, spans[index] ?? []))
    .map((frame) => ({ ...frame, metrics: frame.metrics.filter((metric) => ![...subject].some((key) => sameParty(key, metric.key))) }));
  const keysOf = frames.map((frame) => {
    const unit = frame.figure.unit;
    return [
      `v:${frame.figure.value}`,
      ...(frame.who === undefined ? [] : [`w:${unit}:${frame.who.key}`]),
      ...frame.metrics.flatMap((metric) => metric.key.split(' ').filter((word) => word.length > 1).map((word) => `m:${unit}:${word}`)),
      ...frame.terms.map((term) => `t:${unit}:${term}`),
    ];
  });
  const edges: { i: number; j: number; strength: number }[] = [];
  for (const [i, j] of pairsSharingKey(keysOf)) {
    const a = frames[i] as FigureFrame;
    const b = frames[j] as FigureFrame;
    const strength = figureLink(a, b, input, rare);
    if (strength > 0) edges.push({ i, j, strength });
  }
  const groups = linkFrames(frames.length, edges, (x, y) => differentMeasures(frames[x] as FigureFrame, frames[y] as FigureFrame));
  const conflicts: Conflict[] = [];
  for (const group of groups) {
    const members = group.map((index) => frames[index] as FigureFrame);
    const values = valueClusters(members);
    if (values.length < 2 || values.every((x) => values.every((y) => x === y || boundsAgree(x[0] as FigureFrame, y[0] as FigureFrame)))) continue;
    const variants = values.map((cluster) => variantOf(shownFigure(cluster[0]?.figure), cluster.map((frame) => frame.sentence), input)).sort(byWeight);
    if (!acrossArticles(variants)) continue;
    const topic = valueTopic(
      members.map((frame) => ({
        text: input.features[frame.sentence]?.text ?? '',
        index: frame.index,
        length: frame.figure.raw.length,
        ...(frame.who === undefined ? {} : { who: frame.who }),
        names: (spans[frame.sentence] ?? []).filter((span) => span.role !== 'source'),
      })),
    );
    // A count given as a floor ("at least 10") is not a rounding of another count.
    const bounded = members.some((frame) => frame.bound !== 'exact');
    const kind = !bounded && possibleRounding(values.map((cluster) => cluster[0]?.figure as Figure)) ? 'rounding' : 'contradiction';
    conflicts.push({ topic, kind, variants });
  }
  return conflicts;
}

/** A figure as a variant shows it: as written, a number word lowercased ("Five" opening a sentence is "five"). */
function shownFigure(figure: Figure | undefined): string {
  if (figure === undefined) return '';
  return isSpelled(figure) ? figure.raw.toLowerCase() : figure.raw;
}

/**
 * How strongly two figure frames are one attribute (0: not linked). Rival values must come from
 * different articles, be within a factor of four, and measure the same thing. Equal values link
 * more easily: also when their sentences are one claim or share a rare name.
 */
function figureLink(a: FigureFrame, b: FigureFrame, input: ConflictInput, rare: Set<string>[]): number {
  if (differentMeasures(a, b)) return 0;
  const strength = shareParty(a.metrics, b.metrics) ? 3 : sameMeasure(a, b) ? 2 : unnamedMeasure(a, b, input) || oneSideUnnamed(a, b, input) ? 1 : 0;
  if (compatibleFigures(a.figure, b.figure)) {
    if (strength > 0) return strength;
    const sameClaim = input.groupOf[a.sentence] !== undefined && input.groupOf[a.sentence] === input.groupOf[b.sentence];
    const sharedRare = [...(rare[a.sentence] ?? [])].some((key) => rare[b.sentence]?.has(key));
    return sameClaim || sharedRare ? 1 : 0;
  }
  if (a.articleId === b.articleId || !comparableFigures(a.figure, b.figure) || boundsAgree(a, b)) return 0;
  return strength;
}

/**
 * Two figures whose sentences name no party and no metric ("Some 7,500 people took part in the
 * study") measure the same thing when the sentences are about one subject and the words around
 * the figures share at least two that say what is counted.
 */
function unnamedMeasure(a: FigureFrame, b: FigureFrame, input: ConflictInput): boolean {
  if (a.who !== undefined || b.who !== undefined || a.metrics.length > 0 || b.metrics.length > 0) return false;
  return unnamedMeasureWords(a, b, input);
}

/** Two more words than the counted one in common, and sentences about one subject. */
function unnamedMeasureWords(a: FigureFrame, b: FigureFrame, input: ConflictInput): boolean {
  // The counted word ("feet") is already known to agree; two more words must say what is counted.
  const without = (frame: FigureFrame): string[] => frame.terms.filter((term) => term !== frame.counted?.split('/')[0]);
  if (sharedMeaningTerms(without(a), without(b)) < 2) return false;
  const score = input.pair(Math.min(a.sentence, b.sentence), Math.max(a.sentence, b.sentence));
  return score !== undefined && score.topical >= input.topicalThreshold;
}

/**
 * A figure whose clause names no party and no metric ("and nearly 116 in the state overall") against
 * one whose clause does ("The weather service issued 126 tornado warnings … for the state"): one
 * measure when they count the same thing, their words of what is counted share at least two, and
 * the sentences are about one subject. Naming nothing, the first cannot be shown to be about another party.
 */
function oneSideUnnamed(a: FigureFrame, b: FigureFrame, input: ConflictInput): boolean {
  const unnamed = (frame: FigureFrame): boolean => frame.who === undefined && frame.metrics.length === 0;
  if (unnamed(a) === unnamed(b) || a.counted === undefined || a.counted !== b.counted) return false;
  return unnamedMeasureWords(a, b, input);
}

/** The frames of one attribute grouped by the value they state ("$2.4 billion" and "$2.4bn" are one), most precise first within a value. */
function valueClusters(frames: FigureFrame[]): FigureFrame[][] {
  const clusters: FigureFrame[][] = [];
  for (const frame of [...frames].sort((a, b) => a.figure.value - b.figure.value || a.sentence - b.sentence)) {
    const home = clusters.find((cluster) => cluster.some((other) => compatibleFigures(other.figure, frame.figure)));
    if (home === undefined) clusters.push([frame]);
    else home.push(frame);
  }
  return clusters.map((cluster) => cluster.sort((a, b) => a.sentence - b.sentence));
}

// ---------------------------------------------------------------- dates

function dateConflicts(input: ConflictInput, spans: NameSpan[][]): Conflict[] {
  const frames = input.features.flatMap((sentence, index) => dateFrames(index, sentence.articleId, sentence.text, sentence.dates, spans[index] ?? []));
  return periodConflicts(frames, input, spans);
}

/**
 * Times of day of one happening that cannot all be true: "around 8:30 p.m." against "during the
 * afternoon". Each time is framed like a date (what happened then, who did it), its period the
 * minutes of the day it may fall in (`time-of-day.ts`).
 */
function timeConflicts(input: ConflictInput, spans: NameSpan[][]): Conflict[] {
  const frames = input.features.flatMap((sentence, index) => {
    const times = timesOfDay(sentence.text);
    if (times.length === 0) return [];
    const periods = new Map(times.map((time) => [time.index, time.period]));
    // An aside in brackets ("near Kell Point (Maine) during the afternoon") does not end the clause that states when.
    const text = blankAsides(sentence.text, times.map((time) => time.index));
    return dateFrames(index, sentence.articleId, text, times.map(asDateMention), spans[index] ?? []).flatMap((frame) => {
      const period = periods.get(frame.index);
      return period === undefined ? [] : [{ ...frame, period }];
    });
  });
  // A time of day is a narrow claim: two clauses sharing a place and one word ("without power
  // early Thursday" / "made landfall late Thursday night … power") are not one happening. Most of
  // the shorter clause's words must be shared as well.
  return periodConflicts(frames, input, spans, (a, b) => {
    const shared = sharedMeaningTerms(a.terms, b.terms);
    const shorter = Math.max(1, Math.min(a.terms.length, b.terms.length));
    return shared >= Math.min(2, shorter) && shared / shorter >= 0.5;
  });
}

/** `text` with each bracketed aside that holds none of the offsets `keep` turned into spaces, offsets unchanged. */
function blankAsides(text: string, keep: number[]): string {
  return text.replace(/\([^()]*\)/gu, (aside, at: number) => (keep.some((k) => k >= at && k < at + aside.length) ? aside : ' '.repeat(aside.length)));
}

/**
 * Groups frames that date one happening and lists each group whose periods cannot all be true;
 * `alsoSame`, when given, is a further test two frames must pass to be one happening.
 */
function periodConflicts(frames: DateFrame[], input: ConflictInput, spans: NameSpan[][], alsoSame: (a: DateFrame, b: DateFrame) => boolean = () => true): Conflict[] {
  const subject = subjectNames(spans, input.features);
  const isSubject = (key: string): boolean => [...subject].some((name) => sameParty(name, key));
  const keysOf = frames.map((frame) => [...frame.names.map((name) => `n:${name.key}`), ...frame.terms.map((term) => `t:${term}`)]);
  const edges: { i: number; j: number; strength: number }[] = [];
  for (const [i, j] of pairsSharingKey(keysOf)) {
    const a = frames[i] as DateFrame;
    const b = frames[j] as DateFrame;
    if (!sameHappening(a, b, isSubject) || !alsoSame(a, b)) continue;
    const overlap = periodsOverlap(a.period, b.period);
    if (!overlap && a.articleId === b.articleId) continue;
    edges.push({ i, j, strength: shareParty(a.names, b.names) ? 2 : 1 });
  }
  const groups = linkFrames(frames.length, edges, (x, y) => differentHappenings(frames[x] as DateFrame, frames[y] as DateFrame));
  const conflicts: Conflict[] = [];
  for (const group of groups) {
    const members = group.map((index) => frames[index] as DateFrame);
    const byPeriod = new Map<string, DateFrame[]>();
    for (const frame of members) {
      const key = `${frame.period.start}-${frame.period.end}`;
      byPeriod.set(key, [...(byPeriod.get(key) ?? []), frame]);
    }
    const periods = [...byPeriod.values()].map((list) => ({ period: (list[0] as DateFrame).period, frames: list }));
    // A vaguer date that covers a more precise one says nothing against it: keep the more precise.
    const precise = periods.filter((p) => !periods.some((q) => q !== p && periodContains(p.period, q.period)));
    if (!precise.some((p) => precise.some((q) => !periodsOverlap(p.period, q.period)))) continue;
    const variants = precise
      .map((p) => variantOf(p.frames[0]?.date.raw ?? '', p.frames.map((frame) => frame.sentence), input))
      .sort(byWeight);
    if (variants.length < 2 || !acrossArticles(variants)) continue;
    const keptFrames = precise.flatMap((p) => p.frames);
    const topic = valueTopic(
      keptFrames.map((frame) => ({ text: input.features[frame.sentence]?.text ?? '', index: frame.index, length: frame.date.raw.length, names: frame.names })),
    );
    conflicts.push({ topic, kind: 'contradiction', variants });
  }
  return conflicts;
}

// ---------------------------------------------------------------- names

/** Every sentence that writes one name (one key), and how it is written there. */
interface NameUse {
  key: string;
  /** Written forms, in the order first met; the most frequent is shown. */
  forms: Map<string, number>;
  /** Indices of the sentences using it. */
  sentences: Set<number>;
  mentions: NameMention[];
}

function nameConflicts(input: ConflictInput, spans: NameSpan[][]): Conflict[] {
  const uses = new Map<string, NameUse>();
  spans.forEach((list, sentence) => {
    const articleId = input.features[sentence]?.articleId ?? '';
    const text = input.features[sentence]?.text ?? '';
    for (const span of list) {
      let use = uses.get(span.key);
      if (use === undefined) {
        use = { key: span.key, forms: new Map(), sentences: new Set(), mentions: [] };
        uses.set(span.key, use);
      }
      use.forms.set(span.text, (use.forms.get(span.text) ?? 0) + 1);
      use.sentences.add(sentence);
      use.mentions.push({ text, index: span.index, end: span.end, articleId });
    }
  });
  const list = [...uses.values()].sort((a, b) => a.key.localeCompare(b.key));
  // The form most sources write; on a tie the plain one (no possessive), then the longer.
  const possessives = (form: string): number => (form.match(/[’']s\b/gu) ?? []).length;
  const shown = (use: NameUse): string =>
    [...use.forms.entries()].sort((a, b) => b[1] - a[1] || possessives(a[0]) - possessives(b[0]) || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? use.key;
  // Rival names have as many words and differ in one: they share the key with that word masked.
  const masks = list.map((use) => {
    const words = use.key.split(' ');
    return words.length < 2 ? [] : words.map((_, i) => `${words.length}:${words.map((w, k) => (k === i ? '*' : w)).join(' ')}`);
  });
  const together = (a: NameUse, b: NameUse): boolean => [...a.sentences].some((s) => b.sentences.has(s));
  const edges: { i: number; j: number; strength: number }[] = [];
  for (const [i, j] of pairsSharingKey(masks)) {
    const a = list[i] as NameUse;
    const b = list[j] as NameUse;
    if (together(a, b)) continue;
    const rival = rivalNames(shown(a), shown(b));
    if (rival === 'spelling') edges.push({ i, j, strength: 2 });
    else if (rival === 'word' && topicalAcross(a, b, input)) edges.push({ i, j, strength: 1 });
  }
  // A sentence naming both is about two things, so they are not one name written two ways.
  const groups = linkFrames(list.length, edges, (x, y) => together(list[x] as NameUse, list[y] as NameUse));

  const conflicts: Conflict[] = [];
  const inGroups = new Set(groups.flat());
  for (const group of groups) {
    // The full forms of the group; a shorter form ("Research Lab" of "Orland Research Lab") joins its full form.
    const full = group.map((index) => list[index] as NameUse).filter((use) => !group.some((other) => shorterForm(use.key, (list[other] as NameUse).key)));
    const variantsUses = full.map((use) => ({ use, members: [use] }));
    const attach = (use: NameUse): void => {
      const homes = variantsUses.filter((v) => shorterForm(use.key, v.use.key));
      if (homes.length === 1) homes[0]?.members.push(use);
    };
    for (const index of group) if (!full.includes(list[index] as NameUse)) attach(list[index] as NameUse);
    list.forEach((use, index) => {
      if (!inGroups.has(index)) attach(use);
    });
    const variants = variantsUses
      .map(({ use, members }) => variantOf(shown(use), members.flatMap((m) => [...m.sentences]), input))
      .sort(byWeight);
    if (variants.length < 2 || !acrossArticles(variants)) continue;
    const topic = nameTopic(
      variants.map((variant) => variant.text),
      variantsUses.flatMap(({ members }) => members.flatMap((m) => m.mentions)),
    );
    conflicts.push({ topic, kind: 'contradiction', variants });
  }
  return conflicts;
}

/** Two names used in sentences of different articles that are about one subject (topic overlap at the threshold). */
function topicalAcross(a: NameUse, b: NameUse, input: ConflictInput): boolean {
  for (const i of a.sentences) {
    for (const j of b.sentences) {
      if (input.features[i]?.articleId === input.features[j]?.articleId) continue;
      const score = input.pair(Math.min(i, j), Math.max(i, j));
      if (score !== undefined && score.topical >= input.topicalThreshold) return true;
    }
  }
  return false;
}


// ---------------------------------------------------------------- stances

/**
 * One conflict per set of linked stance pairs: the stronger statements (with the claim-mates that
 * assert them alike) against the weaker or denying ones, each variant worded from its first sentence.
 */
function stanceConflicts(input: ConflictInput): Conflict[] {
  const pairs = input.stancePairs ?? [];
  if (pairs.length === 0) return [];
  const root = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((root.get(r) ?? r) !== r) r = root.get(r) ?? r;
    root.set(x, r);
    return r;
  };
  const side = new Map<number, { strong: boolean; cue: StanceDifference['a'] }>();
  for (const { i, j, difference } of pairs) {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) root.set(Math.max(ri, rj), Math.min(ri, rj));
    if (!side.has(i)) side.set(i, { strong: difference.weaker === 'b', cue: difference.a });
    if (!side.has(j)) side.set(j, { strong: difference.weaker === 'a', cue: difference.b });
  }
  const components = new Map<number, number[]>();
  for (const index of [...side.keys()].sort((x, y) => x - y)) {
    const r = find(index);
    components.set(r, [...(components.get(r) ?? []), index]);
  }
  const conflicts: Conflict[] = [];
  for (const members of components.values()) {
    const strong = members.filter((index) => side.get(index)?.strong === true);
    const weak = members.filter((index) => side.get(index)?.strong === false);
    const first = (list: number[]) => list[0];
    const strongFirst = first(strong);
    const weakFirst = first(weak);
    if (strongFirst === undefined || weakFirst === undefined) continue;
    // Sentences grouped as one claim with a side assert what it asserts.
    const withMates = (list: number[], other: number[]): number[] => {
      const groups = new Set(list.map((index) => input.groupOf[index]));
      const excluded = new Set(other);
      return input.groupOf.flatMap((group, index) => (groups.has(group) && !excluded.has(index) ? [index] : []));
    };
    const variants = [
      variantOf(stanceSide(input.features[strongFirst]?.text ?? '', side.get(strongFirst)?.cue), withMates(strong, weak), input),
      variantOf(stanceSide(input.features[weakFirst]?.text ?? '', side.get(weakFirst)?.cue), withMates(weak, strong), input),
    ];
    if (!acrossArticles(variants)) continue;
    // The example shows the sentence the side was worded from.
    variants[0] = { ...variants[0]!, example: input.features[strongFirst]?.text ?? '' };
    variants[1] = { ...variants[1]!, example: input.features[weakFirst]?.text ?? '' };
    conflicts.push({ topic: stanceTopic(input.features[strongFirst]?.text ?? '', side.get(strongFirst)?.cue), kind: 'stance', variants: variants.sort(byWeight) });
  }
  return conflicts;
}
