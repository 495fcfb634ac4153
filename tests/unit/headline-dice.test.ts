import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { headlineBigrams, headlineDice } from '../../src/pipeline/align/headline-dice.ts';

/** Headlines written for this test: near-copies, reorderings, repeats, odd spacing and scripts. */
const HEADLINES = [
  'Harbour bridge reopens after three-month repair',
  'Harbour Bridge reopens after a three month repair',
  'After three months of repairs, the harbour bridge reopens',
  'Council approves new budget for libraries',
  'Libraries get longer hours under new council budget',
  'aaaa bbbb aaaa',
  'aa aa aa',
  'a',
  '',
  '   ',
  'x y',
  'xy',
  'Frost\tdamages\norchards   across the valley',
  'Frost damages orchards across the valley',
  'Café owners protest rent rise — again',
  'Cafe owners protest rent rise - again',
  'Ölpreis steigt um 3 % nach Förderkürzung',
  '東京で新しい橋が開通',
  '🙂🙂 emoji headline 🙂',
  'emoji headline 🙂🙂',
  'AAAA',
  'aaaa',
];

describe('headlineDice', () => {
  it('removes exactly the code units a regular expression calls whitespace, as compareTwoStrings does', () => {
    const plain = headlineBigrams('harbour');
    for (let unit = 0; unit <= 0xffff; unit += 1) {
      const text = `har${String.fromCharCode(unit)}bour`;
      const expected = stringSimilarity.compareTwoStrings(text, 'harbour');
      if (headlineDice(headlineBigrams(text), plain) !== expected) expect.fail(`U+${unit.toString(16).padStart(4, '0')}: ${headlineDice(headlineBigrams(text), plain)}, not ${expected}`);
    }
  });


  it('gives exactly the number compareTwoStrings gives, for every pair of a varied set of headlines', () => {
    const prepared = HEADLINES.map(headlineBigrams);
    for (let i = 0; i < HEADLINES.length; i += 1) {
      for (let j = 0; j < HEADLINES.length; j += 1) {
        const expected = stringSimilarity.compareTwoStrings(HEADLINES[i] as string, HEADLINES[j] as string);
        expect(headlineDice(prepared[i]!, prepared[j]!), `${JSON.stringify(HEADLINES[i])} vs ${JSON.stringify(HEADLINES[j])}`).toBe(expected);
      }
    }
  });

  it('gives exactly the number compareTwoStrings gives on 2,000 random pairs over a small alphabet with repeats, spaces and surrogates', () => {
    // A fixed linear congruential generator: the same pairs on every run.
    let state = 12345;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const alphabet = ['a', 'b', 'c', 'A', ' ', '\t', 'é', '😀', '-', '1'];
    const text = () => Array.from({ length: next(14) }, () => alphabet[next(alphabet.length)]).join('');
    for (let k = 0; k < 2000; k += 1) {
      const a = text();
      const b = text();
      expect(headlineDice(headlineBigrams(a), headlineBigrams(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(stringSimilarity.compareTwoStrings(a, b));
    }
  });

  it('counts repeated bigrams as a multiset, so a repeat only matches as often as the other side has it', () => {
    // "aaaa" has the bigram "aa" three times, "aa" once: 2·1 / (4 + 2 − 2) = 0.5.
    expect(headlineDice(headlineBigrams('aaaa'), headlineBigrams('aa'))).toBe(0.5);
    expect(headlineDice(headlineBigrams('aa'), headlineBigrams('aaaa'))).toBe(0.5);
  });

  it('ignores whitespace, scores equal texts 1 and one-character texts 0', () => {
    expect(headlineDice(headlineBigrams('new bridge'), headlineBigrams('newbridge'))).toBe(1);
    expect(headlineDice(headlineBigrams(''), headlineBigrams(' '))).toBe(1);
    expect(headlineDice(headlineBigrams('a'), headlineBigrams('ab'))).toBe(0);
  });

  it('can compare one prepared headline many times without it changing', () => {
    const a = headlineBigrams('Council approves new budget');
    const b = headlineBigrams('New budget approved by council');
    const first = headlineDice(a, b);
    expect(headlineDice(a, b)).toBe(first);
    expect(headlineDice(b, a)).toBe(first);
    expect(first).toBe(stringSimilarity.compareTwoStrings('Council approves new budget', 'New budget approved by council'));
  });
});
