import { describe, expect, it } from 'vitest';
import { longestCommonRun } from '../../src/pipeline/derivatives/common-run.ts';

const words = (text: string) => text.split(' ');

describe('longestCommonRun', () => {
  it('finds the longest run of words two texts share in a row, as the first writes it', () => {
    expect(longestCommonRun(words('the ferry left the harbour at noon on Friday'), words('on Friday the ferry left the harbour late'))).toEqual(
      words('the ferry left the harbour'),
    );
  });

  it('gives nothing when the texts share no word, and one word when no two share a row', () => {
    expect(longestCommonRun(words('a quiet harbour'), words('the busy port'))).toEqual([]);
    expect(longestCommonRun(words('ferry crews struck'), words('crews and ferry'))).toHaveLength(1);
  });
});
