import { describe, expect, it } from 'vitest';
import { stanceClauses, stanceDifference } from '../../src/pipeline/align/claim-stance.ts';

describe('stanceDifference', () => {
  it('sees a denied comparison as weaker than the plain one, and names both cues', () => {
    const difference = stanceDifference(
      'The Vellum phone outperforms its rivals on battery life in the lab tests.',
      'The Vellum phone is competitive with its rivals on battery life, although it does not surpass them.',
    );
    expect(difference).toMatchObject({ aspect: 'comparison', weaker: 'b', a: { text: 'outperforms' } });
    expect(difference?.b?.text).toBe('competitive with its rivals on battery life, although it does not surpass');
  });

  it('counts "beats in some tests" as the same verdict as "outperforms", not a weaker one', () => {
    expect(stanceDifference('The Vellum phone outperforms its rivals on battery life.', 'The Vellum phone matches and in some tests beats its rivals on battery life.')).toBeUndefined();
  });

  it('finds a negation only in the clause that states the shared fact', () => {
    expect(stanceDifference('The atlas can be bought online and in two shops.', 'The atlas can be bought online, but it is not sold abroad.')).toBeUndefined();
    expect(stanceDifference('The atlas can be bought online.', 'The atlas cannot be bought online.')).toMatchObject({ aspect: 'negation', weaker: 'b' });
  });

  it('sees the same denial in both sentences as agreement, whichever clause each puts it in', () => {
    expect(stanceDifference('The flood was serious but "not the worst we feared", the mayor said.', 'The mayor called the flood serious but not the worst they had feared.')).toBeUndefined();
    expect(stanceDifference('“The flood was bad, but this was not the worst-case outcome,” the mayor said.', 'The mayor called it a grave flood but not the worst case outcome.')).toBeUndefined();
  });

  it('ignores a negation that denies only a word the other sentence does not use', () => {
    expect(stanceDifference('Two people died in Avon County and one in Brill.', 'Falling trees, not floods, killed two people in Avon County and one in Brill.')).toBeUndefined();
  });

  it('reads no denial inside a condition, and no hedge on a verb the other sentence does not use', () => {
    expect(stanceDifference('Fans will still be welcome, even if the stadium is not where they watch.', 'Fans will be welcome at the stadium where they watch.')).toBeUndefined();
    expect(stanceDifference('The merger could lift sales, since the games will be on the service.', 'The games will be on the service, the firm said.')).toBeUndefined();
  });

  it('does not read "not just" or "not only" as a denial', () => {
    expect(stanceDifference('The tool reads text and images.', 'The tool reads not just text but images.')).toBeUndefined();
  });

  it('sets a settled "will" against a "may" or "plans to", but not two hedges against each other', () => {
    expect(stanceDifference('The mill will reopen in spring.', 'The mill may reopen in spring.')).toMatchObject({ aspect: 'modality', weaker: 'b' });
    expect(stanceDifference('The owners hope to reopen the mill in spring.', 'The mill may reopen in spring.')).toBeUndefined();
  });

  it('sets "across the board" against "in some", but not "some" used for "about" before a figure', () => {
    expect(stanceDifference('Fares rose across the board this year.', 'Fares rose on some routes this year.')).toMatchObject({ aspect: 'scope', weaker: 'b' });
    expect(stanceDifference('All 40 staff were moved.', 'Some 40 staff were moved.')).toBeUndefined();
  });
});

describe('stanceClauses', () => {
  it('reads "pleaded not guilty" as a plea, not a denial of the verdict', () => {
    expect(stanceDifference('The ferry chief was found guilty on four counts of fraud.', 'The ferry chief had pleaded not guilty to four counts of fraud.')).toBeUndefined();
    expect(stanceDifference('The ferry chief was found guilty on four counts of fraud.', 'The ferry chief was found not guilty on four counts of fraud.')).toMatchObject({ aspect: 'negation', weaker: 'b' });
  });

  it('reads "a few hours" as a length of time, not as "some" against "all"', () => {
    expect(stanceDifference('After a few hours the jury convicted the ferry chief on all counts.', 'The jury convicted the ferry chief on all counts.')).toBeUndefined();
    expect(stanceDifference('The jury convicted the ferry chief on some counts.', 'The jury convicted the ferry chief on all counts.')).toMatchObject({ aspect: 'scope' });
  });

  it('reads a hedge under a condition as what would follow, not as a weaker statement', () => {
    expect(stanceDifference('If convicted, the ferry chief could face 20 years in prison.', 'The ferry chief will face 20 years in prison.')).toBeUndefined();
    expect(stanceDifference('The ferry chief could face 20 years in prison.', 'The ferry chief will face 20 years in prison.')).toMatchObject({ aspect: 'modality', weaker: 'a' });
  });

  it('splits at a concession so the qualifying clause stands apart', () => {
    expect(stanceClauses('It is fast, although it is not cheap.').map((c) => c.text)).toEqual(['It is fast', 'it is not cheap.']);
  });
});
