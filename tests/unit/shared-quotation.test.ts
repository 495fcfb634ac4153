import { describe, expect, it } from 'vitest';
import { alignClaims } from '../../src/pipeline/align/align-claims.ts';
import { sharedQuotation } from '../../src/pipeline/align/shared-quotation.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

describe('sharedQuotation', () => {
  it('finds the words two quotations share when five or more run together', () => {
    expect(
      sharedQuotation(
        '“The new ferry is the first step toward a quieter harbour,” the port authority wrote.',
        'Its statement called the boat “the first step toward a quieter harbour and a cleaner town.”',
      ),
    ).toBe('the first step toward a quieter harbour');
  });

  it('ignores a short shared phrase and words shared outside the quotation marks', () => {
    expect(sharedQuotation('The mayor called it “a storm of the century.”', 'Forecasters warned of “a storm of the century” on Monday.')).toBeUndefined();
    expect(sharedQuotation('The port authority said the ferry is the first step toward a quieter harbour.', '“We are proud,” the port authority said.')).toBeUndefined();
  });
});

describe('alignClaims with a quotation two reports share', () => {
  it('makes one claim of two reports that quote the same words around different sentences', () => {
    const port = makeArticle('port', [
      [
        'Kell’s first electric ferry entered service on Monday after two years of trials.',
        '“The new ferry is the first step toward a quieter harbour,” the Kell port authority wrote in a statement on Tuesday, pointing to its plan to replace every diesel engine in its fleet of tugs, pilot boats and cargo barges by 2030.',
      ],
    ]);
    const gazette = makeArticle('gazette', [['Dock workers in Kell voted on Friday to accept a new pay deal.', 'Officials called the boat “the first step toward a quieter harbour and a cleaner town for everyone.”']]);
    const { groups } = alignClaims([port, gazette], []);
    expect(groups.find((g) => g.sentenceIds.includes('port#1'))?.sentenceIds).toEqual(['gazette#1', 'port#1']);
  });
});
