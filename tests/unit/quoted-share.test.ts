import { describe, expect, it } from 'vitest';
import { quotedShares } from '../../src/pipeline/derivatives/quoted-share.ts';

const sentence = (text: string, paragraph = 0) => ({ text, paragraph });

describe('quotedShares', () => {
  it('counts the words inside quotation marks as a share of the sentence', () => {
    const [share] = quotedShares([sentence('“We will reopen on Friday,” the mayor said.')]);
    expect(share).toBeCloseTo(20 / 32, 3);
  });

  it('carries a quotation left open into the next sentences of its paragraph', () => {
    const shares = quotedShares([sentence('She wrote: "The sale may go ahead.', 0), sentence('The request is refused."', 0), sentence('Shares rose.', 0)]);
    expect(shares[0]).toBeGreaterThan(0.5);
    expect(shares.slice(1)).toEqual([1, 0]);
  });

  it('closes an open quotation at the end of its paragraph', () => {
    expect(quotedShares([sentence('He said: "The port will stay shut', 0), sentence('Lorries queued for miles.', 1)])[1]).toBe(0);
  });

  it('reads curly single marks as quotation, and a ’ inside a word as an apostrophe', () => {
    const [quoted, apostrophe] = quotedShares([sentence('‘It’s a good day to play,’ he wrote.'), sentence('The union’s leaders met the operator’s board.')]);
    expect(quoted).toBeGreaterThan(0.6);
    expect(apostrophe).toBe(0);
  });
});
