import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, isSoundRecord, snapshotName, type ClusterSnapshot } from '../../src/pipeline/cluster/cluster-snapshot.ts';

const ints = (values: number[]) => Int32Array.from(values);
const base64 = (values: number[]) => Buffer.from(ints(values).buffer).toString('base64');

/** Two articles over a table that also holds a feature neither uses any more (`en stale`). */
const articles = [
  { contentHash: 'aaa', file: 'content/articles/harbour.md' },
  { contentHash: 'bbb', file: 'content/articles/bridge.md' },
];
const keyOf = ['en stale', 'en harbour', 'en @port authority', 'en bridge', 'en #pct12'];
const snapshot = encodeSnapshot(articles, keyOf, ints([1, 2, 3, 1, 4]), ints([2, 1, 1, 3, 1]), ints([0, 2, 5]))!;
const names = (...list: string[]) => list.join('\u0000');

describe('encodeSnapshot', () => {
  it('keeps only the features some article holds, numbered in the order first seen', () => {
    expect(snapshot.articles).toBe(names(...articles.map(snapshotName)));
    expect(snapshot.vocabulary).toBe(names('en harbour', 'en @port authority', 'en bridge', 'en #pct12'));
    const decoded = decodeSnapshot(snapshot);
    expect(decoded!.vocabulary).toEqual(['en harbour', 'en @port authority', 'en bridge', 'en #pct12']);
    expect([...decoded!.ids]).toEqual([0, 1, 2, 0, 3]);
    expect([...decoded!.counts]).toEqual([2, 1, 1, 3, 1]);
    expect([...decoded!.offsets]).toEqual([0, 2, 5]);
  });

  it('names an article by its content hash and its path', () => {
    expect(snapshotName(articles[0]!)).toBe('aaa\ncontent/articles/harbour.md');
  });

  it('stores nothing when a name holds the separator, rather than a snapshot that reads back wrong', () => {
    expect(encodeSnapshot(articles, ['en a\u0000b', 'en harbour', 'en @port authority', 'en bridge', 'en #pct12'], ints([0, 2, 3, 1, 4]), ints([1, 1, 1, 1, 1]), ints([0, 2, 5]))).toBeUndefined();
    expect(encodeSnapshot([{ contentHash: 'c', file: 'a\u0000b.md' }], ['en x'], ints([0]), ints([1]), ints([0, 1]))).toBeUndefined();
  });

  it('stores an empty corpus as one that reads back empty', () => {
    const empty = encodeSnapshot([], [], ints([]), ints([]), ints([0]))!;
    expect(decodeSnapshot(empty)).toMatchObject({ articles: [], vocabulary: [] });
  });
});

describe('decodeSnapshot', () => {
  it('survives a trip through JSON and finds each article by name', () => {
    const decoded = decodeSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(decoded?.slotOf.get(snapshotName(articles[1]!))).toBe(1);
    expect(decoded?.languages).toEqual(['en']);
  });

  const damaged: [string, unknown][] = [
    ['no record', undefined],
    ['not an object', 'snapshot'],
    ['a vocabulary that is not a string', { ...snapshot, vocabulary: ['en harbour', 'en bridge'] }],
    ['ids that are not base64', { ...snapshot, ids: 'not base64!' }],
    ['ids that are not whole 32-bit integers', { ...snapshot, ids: Buffer.from([1, 2, 3]).toString('base64') }],
    ['an id outside the vocabulary', { ...snapshot, ids: base64([0, 1, 2, 0, 9]) }],
    ['a negative id', { ...snapshot, ids: base64([0, 1, 2, -1, 3]) }],
    ['a count of zero', { ...snapshot, counts: base64([2, 1, 0, 3, 1]) }],
    ['fewer counts than ids', { ...snapshot, counts: base64([2, 1, 1, 3]) }],
    ['offsets that do not start at 0', { ...snapshot, offsets: base64([1, 2, 5]) }],
    ['offsets that do not reach the end', { ...snapshot, offsets: base64([0, 2, 4]) }],
    ['offsets that go back', { ...snapshot, offsets: base64([0, 4, 2, 5]) }],
    ['one offset per article too few', { ...snapshot, offsets: base64([0, 5]) }],
    ['a feature named twice', { ...snapshot, vocabulary: names('en harbour', 'en harbour', 'en bridge', 'en #pct12') }],
    ['a feature without a language', { ...snapshot, vocabulary: names('harbour', 'en @port authority', 'en bridge', 'en #pct12') }],
    ['fewer features than the ids name', { ...snapshot, vocabulary: names('en harbour', 'en bridge') }],
    ['an article named twice', { ...snapshot, articles: names(snapshotName(articles[0]!), snapshotName(articles[0]!)) }],
    ['one article name too few', { ...snapshot, articles: snapshotName(articles[0]!) }],
  ];
  for (const [what, value] of damaged) {
    it(`refuses ${what}`, () => {
      expect(decodeSnapshot(value)).toBeUndefined();
    });
  }
});

describe('isSoundRecord', () => {
  const decoded = decodeSnapshot(snapshot)!;

  it('accepts an article whose features are distinct and of its language', () => {
    expect(isSoundRecord(decoded, 1, 'en', 0, new Int32Array(4).fill(-1))).toBe(true);
  });

  it('refuses an article of another language than its features', () => {
    expect(isSoundRecord(decoded, 1, 'de', 0, new Int32Array(4).fill(-1))).toBe(false);
  });

  it('refuses an article that names one feature twice', () => {
    const twice: ClusterSnapshot = { ...snapshot, ids: base64([0, 0, 2, 0, 3]) };
    expect(isSoundRecord(decodeSnapshot(twice)!, 0, 'en', 0, new Int32Array(4).fill(-1))).toBe(false);
  });
});
