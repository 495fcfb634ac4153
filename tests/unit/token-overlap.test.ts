import { describe, expect, it } from 'vitest';
import { tokenOverlap, wordTokens } from '../../src/bench/token-overlap.ts';

describe('wordTokens', () => {
  it('splits into lowercase runs of letters and digits, dropping punctuation', () => {
    expect(wordTokens('Won’t, 9.5% — “Café”!')).toEqual(['won', 't', '9', '5', 'café']);
  });
});

describe('tokenOverlap', () => {
  it('scores the shared words over the extracted words (precision) and over the expected ones (recall)', () => {
    const scores = tokenOverlap('the ferry left the quay', 'the ferry left the quay at dawn said the captain');
    expect(scores.recall).toBe(1);
    expect(scores.precision).toBe(5 / 10);
  });

  it('counts a repeated word only as often as the expected text has it', () => {
    expect(tokenOverlap('rain rain', 'rain rain rain rain').precision).toBe(0.5);
  });

  it('ignores word order and layout', () => {
    expect(tokenOverlap('one two\n\nthree', 'three  one two').f1).toBe(1);
  });

  it('scores an empty extraction zero recall, and an empty pair one', () => {
    expect(tokenOverlap('some words', '').recall).toBe(0);
    expect(tokenOverlap('', '').f1).toBe(1);
  });
});
