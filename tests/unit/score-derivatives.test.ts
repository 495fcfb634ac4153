import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/errors.ts';
import { formatDerivativeScore, parseDerivativeLabels, scoreDerivatives, type DerivativeLabels } from '../../src/eval/score-derivatives.ts';
import type { Digest, DigestSource, Story } from '../../src/types.ts';

const source = (id: string, derivativeOf?: string, storySlug = 'gale'): DigestSource =>
  ({ id, storySlug, ...(derivativeOf === undefined ? {} : { derivativeOf }) }) as DigestSource;

function digest(sources: DigestSource[]): Digest {
  const slugs = [...new Set(sources.map((s) => s.storySlug))];
  const stories = slugs.map((slug) => {
    const members = sources.filter((s) => s.storySlug === slug);
    return { slug, sourceIds: members.map((s) => s.id), independentSourceCount: members.filter((s) => s.derivativeOf === undefined).length } as Story;
  });
  return { schemaVersion: 1, sources, stories, timeline: [] };
}

const labels: DerivativeLabels = {
  about: 'invented',
  stories: [
    {
      event: 'gale-landfall',
      articles: ['a', 'b', 'c', 'd', 'e', 'f'],
      families: [
        { ids: ['a', 'b', 'c'], reason: 'one wire story in three edits' },
        { ids: ['d', 'e'], reason: 'a rewrite of a paper report' },
      ],
      unsure: [{ ids: ['e', 'f'], reason: 'one sentence in common' }],
    },
  ],
};

describe('scoreDerivatives', () => {
  it('counts pairs in one built family against pairs in one labelled family, naming each wrong and missed pair', () => {
    // Built: a+b (right), c alone (two pairs missed), d+f (wrong), e alone (d+e missed).
    const score = scoreDerivatives(digest([source('a'), source('b', 'a'), source('c'), source('d'), source('e'), source('f', 'd')]), labels);
    const story = score.stories[0];
    expect(story?.agreed).toEqual([['a', 'b']]);
    expect(story?.wrong).toEqual([['d', 'f']]);
    expect(story?.missed).toEqual([['a', 'c'], ['b', 'c'], ['d', 'e']]);
    expect([score.precision, score.recall]).toEqual([0.5, 0.25]);
  });

  it('counts a family as one independent report, built against labelled', () => {
    const score = scoreDerivatives(digest([source('a'), source('b', 'a'), source('c', 'a'), source('d'), source('e'), source('f')]), labels);
    expect(score.independent).toEqual({ built: 4, labelled: 3 });
  });

  it('scores a pair labelled unsure neither as a wrong link nor as a miss', () => {
    const score = scoreDerivatives(digest([source('a'), source('b', 'a'), source('c', 'a'), source('d'), source('e', 'd'), source('f', 'd')]), labels);
    expect(score.stories[0]?.wrong).toEqual([['d', 'f']]);
    expect(score.recall).toBe(1);
  });

  it('never puts articles of two built stories in one family, whatever their links say', () => {
    const score = scoreDerivatives(digest([source('a'), source('b', 'a'), source('c', 'a', 'other'), source('d'), source('e', 'd'), source('f')]), labels);
    expect(score.stories[0]?.missed).toEqual([['a', 'c'], ['b', 'c']]);
  });

  it('prints each wrong and missed pair under its story', () => {
    const text = formatDerivativeScore(scoreDerivatives(digest([source('a'), source('b', 'a'), source('c'), source('d'), source('e'), source('f', 'd')]), labels));
    expect(text).toMatch(/precision 0\.50 {2}recall 0\.25/);
    expect(text).toMatch(/WRONG {3}d \+ f/);
    expect(text).toMatch(/MISSED {2}d \+ e/);
  });

  it('refuses a family naming an article the story does not list, naming the field', () => {
    const bad = JSON.stringify({ ...labels, stories: [{ ...labels.stories[0], families: [{ ids: ['a', 'z'], reason: 'typo' }] }] });
    expect(() => parseDerivativeLabels(bad, 'eval/x/derivative-labels.json')).toThrow(ManifestError);
    expect(() => parseDerivativeLabels(bad, 'eval/x/derivative-labels.json')).toThrow(/stories\.0\.families/);
  });

  it('refuses an article placed in two families', () => {
    const bad = JSON.stringify({ ...labels, stories: [{ ...labels.stories[0], families: [{ ids: ['a', 'b'], reason: 'x' }, { ids: ['b', 'c'], reason: 'y' }] }] });
    expect(() => parseDerivativeLabels(bad, 'eval/x/derivative-labels.json')).toThrow(/two families/);
  });
});
