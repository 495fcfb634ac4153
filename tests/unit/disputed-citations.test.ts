import { describe, expect, it } from 'vitest';
import { alignClaims } from '../../src/pipeline/align/align-claims.ts';
import { withoutDisputedCitations } from '../../src/pipeline/align/disputed-citations.ts';
import type { ClaimGroup, Conflict } from '../../src/types.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

const byId = (a: string, b: string): number => a.localeCompare(b);

/** A contradiction between counts, each variant with the sentences the finder read it in. */
function countConflict(kind: Conflict['kind'], variants: [string, string[]][]): Conflict {
  return {
    topic: 'Residents killed at the village',
    kind,
    variants: variants.map(([text, sentenceIds]) => ({
      text,
      sourceIds: [...new Set(sentenceIds.map((id) => id.split('#')[0] ?? ''))],
      independentSourceCount: 1,
      sentenceIds,
    })),
  };
}

describe('withoutDisputedCitations', () => {
  const texts = new Map([
    ['a#0', 'Five people died at the Pinecrest village, the county said.'],
    ['b#0', 'A tornado struck the Pinecrest village and killed six residents.'],
    ['c#0', 'Six residents of the Pinecrest village were killed by the tornado.'],
    ['d#0', 'The tornado hit the Pinecrest village on Thursday.'],
  ]);

  it('moves the sentence of a rival count out of the claim into a claim of its own', () => {
    const groups: ClaimGroup[] = [{ sentenceIds: ['a#0', 'b#0', 'c#0', 'd#0'], sourceIds: ['a', 'b', 'c', 'd'] }];
    const conflicts = [countConflict('contradiction', [['six', ['c#0']], ['five', ['a#0']]])];
    expect(withoutDisputedCitations(groups, conflicts, texts, byId)).toEqual([
      // "six" in b#0 is the value the finder read in c#0: the claim's own, two sentences to one.
      { sentenceIds: ['b#0', 'c#0', 'd#0'], sourceIds: ['b', 'c', 'd'] },
      { sentenceIds: ['a#0'], sourceIds: ['a'] },
    ]);
  });

  it('leaves a claim whole when the values differ only as a possible rounding', () => {
    const groups: ClaimGroup[] = [{ sentenceIds: ['a#0', 'c#0'], sourceIds: ['a', 'c'] }];
    const conflicts = [countConflict('rounding', [['six', ['c#0']], ['five', ['a#0']]])];
    expect(withoutDisputedCitations(groups, conflicts, texts, byId)).toEqual(groups);
  });

  it('stops citing a covering sentence of the rival value without making it a second claim', () => {
    const groups: ClaimGroup[] = [
      { sentenceIds: ['a#0', 'c#0', 'd#0'], sourceIds: ['a', 'c', 'd'], coveringIds: ['a#0'] },
      { sentenceIds: ['a#0'], sourceIds: ['a'] },
    ];
    const conflicts = [countConflict('contradiction', [['six', ['c#0']], ['five', ['a#0']]])];
    // A tie goes to the value the conflict lists first (more sources report it).
    expect(withoutDisputedCitations(groups, conflicts, texts, byId)).toEqual([
      { sentenceIds: ['c#0', 'd#0'], sourceIds: ['c', 'd'] },
      { sentenceIds: ['a#0'], sourceIds: ['a'] },
    ]);
  });

  it('keeps the claim’s own sentences when the value most citations give would leave none of them', () => {
    const groups: ClaimGroup[] = [{ sentenceIds: ['a#0', 'c#0'], sourceIds: ['a', 'c'], coveringIds: ['c#0'] }];
    const conflicts = [countConflict('contradiction', [['six', ['c#0']], ['five', ['a#0']]])];
    expect(withoutDisputedCitations(groups, conflicts, texts, byId)).toEqual([{ sentenceIds: ['a#0'], sourceIds: ['a'] }]);
  });
});

describe('alignClaims with counts that disagree', () => {
  it('never cites a source for a count it reports differently; the conflict shows both counts', () => {
    const county = makeArticle('county', [
      ['Five people died in Harlow County when a tornado struck the Pinecrest retirement village, county spokesman Dan Webb said.', 'Crews cleared fallen trees from the main road.'],
    ]);
    const local = makeArticle('local', [['A tornado tore through the Pinecrest retirement village in Harlow County and killed six residents.', 'The village has 300 homes for people over 55.']]);
    const wire = makeArticle('wire', [
      ['Six people were killed at the Pinecrest retirement village when a tornado hit Harlow County, officials said on Thursday.', 'Power was cut to 4,000 homes.'],
    ]);
    const { groups, conflicts } = alignClaims([county, local, wire], []);
    expect(groups.find((g) => g.sentenceIds.includes('wire#0'))?.sentenceIds).toEqual(['local#0', 'wire#0']);
    expect(groups.find((g) => g.sentenceIds.includes('county#0'))?.sentenceIds).toEqual(['county#0']);
    expect(conflicts.map((c) => c.variants.map((v) => v.text))).toEqual([['five', 'six']]);
  });
});
