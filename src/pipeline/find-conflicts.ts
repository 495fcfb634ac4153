/**
 * Finds where the sources of one story disagree: the same subject stated with a different figure,
 * date or name. Each disagreement becomes a `Conflict` listing every variant with the sources that
 * state it, so the story shows the disagreement instead of silently picking one side.
 */
import type { Conflict, ConflictVariant, DerivativeLink } from '../types.ts';
import {
  compatibleDates,
  compatibleFigures,
  comparableFigures,
  nameVariant,
  type DateMention,
  type IdfTable,
  type PairScore,
  type SentenceFeatures,
} from './claim-features.ts';
import { contentTerms, words, type Figure } from './text-features.ts';

/** One value a sentence states: the unit of disagreement. */
interface ValueNode {
  key: string;
  kind: 'figure' | 'date' | 'name';
  /** How the value is written, from the first sentence that states it. */
  text: string;
  /** Indices (into the features array) of the sentences stating this value. */
  sentences: Set<number>;
}

/** What `findConflicts` needs from the align stage. */
export interface ConflictInput {
  features: SentenceFeatures[];
  /** Score of the pair (i, j), i < j, or undefined when the pair was not scored. */
  pair: (i: number, j: number) => PairScore | undefined;
  /**
   * The pairs that were scored (i < j); only these can conflict. When absent every pair is asked
   * for its score, which costs the square of the sentence count.
   */
  scoredPairs?: [number, number][];
  /** Claim group index of each sentence (same order as `features`). */
  groupOf: number[];
  idf: IdfTable;
  derivatives: DerivativeLink[];
  /** Minimum topic overlap (content terms, anchors excluded) for two sentences to be about one subject. */
  topicalThreshold: number;
}

function figureKey(figure: Figure): string {
  return `figure|${figure.unit}|${figure.value}`;
}

function dateKey(date: DateMention): string {
  return `date|${date.year}|${date.month ?? ''}|${date.day ?? ''}|${date.part ?? ''}`;
}

/**
 * A letter or digit, case-insensitively as a `u`-flag pattern reads it: the word boundary of
 * `surfaceName`. Compiled once: a class of Unicode properties under `iu` costs about a millisecond
 * to compile, which a pattern made per name paid on every call.
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/iu;

/**
 * The words as the sentence writes them (original capitals), falling back to the lowercased form.
 * The first case-insensitive occurrence of `name` not touching a letter or digit on either side,
 * as `(?<![\p{L}\p{N}])name(?![\p{L}\p{N}])` with flags `iu` finds it: candidates in text order,
 * the code point before and after each checked with `LETTER_OR_DIGIT`.
 */
function surfaceName(text: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(escaped, 'giu');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!LETTER_OR_DIGIT.test(codePointBefore(text, start)) && !LETTER_OR_DIGIT.test(codePointAt(text, end))) return match[0];
    // Not at a word boundary: look again from the next code point, as the one pattern would.
    pattern.lastIndex = start + Math.max(1, codePointAt(text, start).length);
  }
  return name;
}

/** The code point (one or two UTF-16 units) that ends at `index`, or '' at the start. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(index - (pair ? 2 : 1), index);
}

/** The code point (one or two UTF-16 units) that starts at `index`, or '' at the end. */
function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
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

/**
 * Lists the disagreements between the sentences of one story. Two sentences from different
 * articles conflict when they share a subject (topic overlap at or above the threshold) and each
 * states a figure or date the other contradicts, or names look-alike names ("Northfield Climate
 * Institute" / "Northfield Ocean Institute"). A name spelled two ways across the story
 * ("Meta Intelligence Labs" / "Meta Superintelligence Labs") is a conflict wherever it occurs.
 * Values linked by any such pair form one conflict, so three outlets with three figures give one
 * conflict of three variants. Sorted by topic.
 */
export function findConflicts(input: ConflictInput): Conflict[] {
  const { features } = input;
  const nodes = new Map<string, ValueNode>();
  const parent = new Map<string, string>();
  const topicPairs = new Map<string, [number, number, number]>();

  const node = (key: string, kind: ValueNode['kind'], text: string): ValueNode => {
    let found = nodes.get(key);
    if (found === undefined) {
      found = { key, kind, text, sentences: new Set() };
      nodes.set(key, found);
      parent.set(key, key);
    }
    return found;
  };
  const root = (key: string): string => {
    let current = key;
    while (parent.get(current) !== current) current = parent.get(current) ?? current;
    return current;
  };
  const link = (a: string, b: string, i: number, j: number, topical: number): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    const key = [a, b].sort().join(' ~ ');
    const best = topicPairs.get(key);
    if (best === undefined || topical > best[2]) topicPairs.set(key, [i, j, topical]);
  };

  for (const [i, j] of input.scoredPairs ?? allPairs(features.length)) {
    const a = features[i];
    const b = features[j];
    if (a === undefined || b === undefined || a.articleId === b.articleId) continue;
    const score = input.pair(i, j);
    if (score === undefined) continue;

    // A name spelled alike two ways is one name in dispute, whatever the sentences say around it.
    for (const x of a.names) {
      for (const y of b.names) {
        const variant = nameVariant(x, y);
        const topicalEnough = score.topical >= input.topicalThreshold && !b.names.includes(x) && !a.names.includes(y);
        if (variant === 'spelling' || (variant === 'word' && topicalEnough)) {
          node(`name|${x}`, 'name', surfaceName(a.text, x)).sentences.add(i);
          node(`name|${y}`, 'name', surfaceName(b.text, y)).sentences.add(j);
          link(`name|${x}`, `name|${y}`, i, j, score.topical);
        }
      }
    }
    if (score.figures === 'disagree') {
      const onlyA = a.figures.filter((x) => !b.figures.some((y) => compatibleFigures(x, y)));
      const onlyB = b.figures.filter((y) => !a.figures.some((x) => compatibleFigures(x, y)));
      for (const x of onlyA) {
        for (const y of onlyB) {
          if (!comparableFigures(x, y)) continue;
          // Long sentences can share a subject only around the figure: compare the words next to it too.
          // Amounts within a quarter of each other, with words in common next to them, are rival
          // reports of one quantity even when the sentences around them differ.
          const context = contextOverlap(a.text, x, b.text, y, input.idf);
          const close = Math.abs(x.value - y.value) / Math.max(Math.abs(x.value), Math.abs(y.value)) <= 0.25;
          const sameSubject = score.topical >= input.topicalThreshold || context.overlap >= 0.5 || (close && context.shared >= 2);
          if (!sameSubject) continue;
          node(figureKey(x), 'figure', x.raw).sentences.add(i);
          node(figureKey(y), 'figure', y.raw).sentences.add(j);
          link(figureKey(x), figureKey(y), i, j, score.topical);
        }
      }
    }
    if (score.topical < input.topicalThreshold) continue;
    if (score.dates === 'disagree') {
      const onlyA = a.dates.filter((x) => !b.dates.some((y) => compatibleDates(x, y)));
      const onlyB = b.dates.filter((y) => !a.dates.some((x) => compatibleDates(x, y)));
      for (const x of onlyA) {
        for (const y of onlyB) {
          node(dateKey(x), 'date', x.raw).sentences.add(i);
          node(dateKey(y), 'date', y.raw).sentences.add(j);
          link(dateKey(x), dateKey(y), i, j, score.topical);
        }
      }
    }
  }

  // Group-mates of a sentence state the same fact; those that also state the value back it.
  const membersOf = new Map<number, number[]>();
  input.groupOf.forEach((group, index) => {
    const list = membersOf.get(group);
    if (list === undefined) membersOf.set(group, [index]);
    else list.push(index);
  });
  for (const value of nodes.values()) {
    for (const sentence of [...value.sentences]) {
      for (const mate of membersOf.get(input.groupOf[sentence] ?? -1) ?? []) {
        if (statesValue(features[mate], value)) value.sentences.add(mate);
      }
    }
  }

  const components = new Map<string, ValueNode[]>();
  for (const value of nodes.values()) {
    const r = root(value.key);
    components.set(r, [...(components.get(r) ?? []), value]);
  }

  // Names most sentences mention (the story's subject) say nothing about which fact a sentence states.
  const nameCount = new Map<string, number>();
  for (const sentence of features) for (const name of sentence.names) nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  const rare = features.map((sentence) => sentence.names.filter((name) => (nameCount.get(name) ?? 0) <= Math.max(2, features.length * 0.1)));

  // Other sentences stating one of the values about the same subject back that variant too.
  for (const values of components.values()) {
    const involved = new Set(values.flatMap((value) => [...value.sentences]));
    for (const value of values) {
      features.forEach((sentence, k) => {
        if (value.sentences.has(k) || !statesValue(sentence, value)) return;
        const names = rare[k] ?? [];
        const related = [...involved].some(
          (m) =>
            m !== k &&
            ((input.pair(Math.min(k, m), Math.max(k, m))?.topical ?? 0) >= input.topicalThreshold * 0.6 ||
              (rare[m] ?? []).some((name) => names.includes(name))),
        );
        if (related) value.sentences.add(k);
      });
    }
  }

  const conflicts: Conflict[] = [];
  for (const [componentRoot, values] of components) {
    const variants: ConflictVariant[] = values
      .map((value) => {
        const sourceIds = [...new Set([...value.sentences].map((index) => features[index]?.articleId ?? ''))].sort();
        // The first sentence stating the value, so a reader sees it in context, not as a bare figure.
        const example = features[Math.min(...value.sentences)]?.text;
        return {
          text: value.text,
          sourceIds,
          independentSourceCount: independentCount(sourceIds, input.derivatives),
          ...(example === undefined ? {} : { example }),
        };
      })
      .sort((a, b) => b.sourceIds.length - a.sourceIds.length || a.text.localeCompare(b.text));
    if (variants.length < 2) continue;
    const kind = values[0]?.kind ?? 'figure';
    conflicts.push({ topic: topicOf(componentRoot, values, kind, topicPairs, input), variants });
  }
  return conflicts.sort((a, b) => a.topic.localeCompare(b.topic) || (a.variants[0]?.text ?? '').localeCompare(b.variants[0]?.text ?? ''));
}

function* allPairs(n: number): Generator<[number, number]> {
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) yield [i, j];
}

/** Content terms within a few words of a figure: what the figure measures. */
function figureContext(text: string, figure: Figure): string[] {
  const at = text.indexOf(figure.raw);
  if (at < 0) return [];
  const window = `${text.slice(Math.max(0, at - 50), at)} ${text.slice(at + figure.raw.length, at + figure.raw.length + 50)}`;
  return [...new Set(contentTerms(window).filter((term) => !/\d/.test(term)))];
}

/**
 * How far the words around two figures coincide: the IDF-weighted overlap coefficient (0–1, zero
 * unless two terms are shared, so one common word cannot make two figures rivals) and the count of
 * shared terms.
 */
function contextOverlap(aText: string, a: Figure, bText: string, b: Figure, idf: IdfTable): { overlap: number; shared: number } {
  const left = figureContext(aText, a);
  const right = new Set(figureContext(bText, b));
  const weightOf = (term: string): number => idf.get(term) ?? Math.log(2);
  const shared = left.filter((term) => right.has(term));
  if (shared.length < 2) return { overlap: 0, shared: shared.length };
  const smaller = Math.min(left.reduce((sum, t) => sum + weightOf(t), 0), [...right].reduce((sum, t) => sum + weightOf(t), 0));
  return { overlap: smaller === 0 ? 0 : shared.reduce((sum, t) => sum + weightOf(t), 0) / smaller, shared: shared.length };
}

function statesValue(sentence: SentenceFeatures | undefined, value: ValueNode): boolean {
  if (sentence === undefined) return false;
  if (value.kind === 'name') return sentence.names.includes(value.key.slice('name|'.length));
  if (value.kind === 'figure') return sentence.figures.some((figure) => figureKey(figure) === value.key);
  return sentence.dates.some((date) => dateKey(date) === value.key);
}

/**
 * A few words saying what the disagreement is about: the highest-weighted content words both
 * sentences of the closest conflicting pair share, in the order the first sentence uses them.
 */
function topicOf(
  componentRoot: string,
  values: ValueNode[],
  kind: ValueNode['kind'],
  topicPairs: Map<string, [number, number, number]>,
  input: ConflictInput,
): string {
  const keys = new Set(values.map((value) => value.key));
  let best: [number, number, number] | undefined;
  for (const [pairKey, pair] of topicPairs) {
    const [left] = pairKey.split(' ~ ');
    if (left === undefined || !keys.has(left)) continue;
    if (best === undefined || pair[2] > best[2]) best = pair;
  }
  const prefix = kind === 'name' ? 'name' : kind === 'date' ? 'date' : 'figure';
  if (kind === 'name') {
    // "Meta … Labs": the words every variant shares, the differing one elided.
    const first = values[0]?.text.split(/\s+/) ?? [];
    const others = values.slice(1).map((value) => value.text.toLowerCase().split(/\s+/));
    const common = first.map((word, i) => (others.every((o) => o[i] === word.toLowerCase()) ? word : '…'));
    return `${common.join(' ').replace(/(… )+…/g, '…')} (name)`;
  }
  if (best === undefined) return `${prefix}: ${componentRoot}`;
  const a = input.features[best[0]];
  const b = input.features[best[1]];
  if (a === undefined || b === undefined) return prefix;
  // A name both sentences share (other than the values in dispute) says best what they are about.
  const valueKeys = new Set(values.map((value) => value.text.toLowerCase()));
  const sharedNames = a.names.filter((name) => b.names.includes(name) && !valueKeys.has(name));
  const nameCounts = new Map<string, number>();
  for (const sentence of input.features) for (const name of sentence.names) nameCounts.set(name, (nameCounts.get(name) ?? 0) + 1);
  const subjectName = sharedNames.sort((x, y) => (nameCounts.get(x) ?? 0) - (nameCounts.get(y) ?? 0) || x.localeCompare(y))[0];
  const nameTerms = new Set(subjectName === undefined ? [] : contentTerms(subjectName));
  const shared = new Set(a.terms.filter((term) => b.terms.includes(term) && !nameTerms.has(term)));
  const valueWords = new Set(values.flatMap((value) => words(value.text)));
  // The shared words nearest the disputed value say what it measures ("invested", "launched").
  const tokens = words(a.text);
  const valuePositions = tokens.map((word, position) => (valueWords.has(word) ? position : -1)).filter((p) => p >= 0);
  const distance = (position: number): number =>
    valuePositions.length === 0 ? position : Math.min(...valuePositions.map((p) => Math.abs(p - position)));
  const nameWords = new Set([...a.names, ...b.names].flatMap((name) => words(name)));
  const seen = new Set<string>();
  const picked = tokens
    .map((word, position) => ({ word, position, term: contentTerms(word)[0] }))
    .filter((c) => c.term !== undefined && shared.has(c.term) && !valueWords.has(c.word) && !/\d/.test(c.word))
    .filter((c) => (seen.has(c.term ?? '') ? false : (seen.add(c.term ?? ''), true)))
    .sort((x, y) => distance(x.position) - distance(y.position) || x.position - y.position)
    .slice(0, subjectName === undefined ? 3 : 2)
    .sort((x, y) => x.position - y.position)
    // Ordinary words in lower case, names as written.
    .map((c) => (nameWords.has(c.word) ? surfaceName(a.text, c.word) : c.word));
  const subject = [...(subjectName === undefined ? [] : [surfaceName(a.text, subjectName)]), ...picked].join(' ');
  return subject === '' ? prefix : `${subject} (${prefix})`;
}
