import { describe, expect, it } from 'vitest';
import { buildIdf, sentenceFeatures, type SentenceFeatures } from '../../src/pipeline/claim-features.ts';
import { claimSupport, factClauses } from '../../src/pipeline/claim-support.ts';

const claim = 'The Quill reader is not sold in shops outside Norway, though its maker hopes to offer an export version of the reader next year.';
const others = {
  full: 'Its maker does not sell the Quill reader in shops beyond Norway but hopes to offer an export version of the reader next year.',
  half: 'The maker of the Quill reader hopes to offer an export version next year.',
  filler: ['The Quill reader weighs 180 grams.', 'Shops in Oslo stock three colours.', 'Reviewers praised its screen.'],
};

function support(sources: Record<string, string[]>) {
  const features = new Map(Object.entries(sources).map(([id, texts]) => [id, texts.map((text, i) => sentenceFeatures(`${id}#${i}`, id, text))]));
  const idf = buildIdf([...features.values()].flat().concat(others.filler.map((t, i) => sentenceFeatures(`f#${i}`, 'f', t))));
  return claimSupport(claim, features as Map<string, SentenceFeatures[]>, idf);
}

describe('factClauses', () => {
  it('splits a sentence at a concession and at an appended participle, keeping each fact in its own words', () => {
    expect(factClauses(claim)).toEqual(['The Quill reader is not sold in shops outside Norway', 'its maker hopes to offer an export version of the reader next year.']);
    expect(factClauses('The lab scored 91 on the test, placing it among the top three entrants in the region.')).toEqual([
      'The lab scored 91 on the test',
      'placing it among the top three entrants in the region.',
    ]);
  });

  it('splits at an absolute ", with …", at " and was …" and after a quote closed by an appended participle', () => {
    expect(factClauses('Rain, not wind, caused most of the damage, with forty homes flooded in Kell Valley.')).toHaveLength(2);
    expect(factClauses('By noon the ferry had carried 300 passengers and was stuck halfway across the windy strait near Dunmore.')).toHaveLength(2);
    expect(factClauses('The mayor said it was “time to stay home,” adding that crews would clear the roads by night.')).toHaveLength(2);
  });

  it('splits before a measured " with …" phrase and between two sentences of a quote, but not before an unmeasured " with"', () => {
    expect(factClauses('The storm came ashore near Kell Point on Tuesday night as a strong hurricane with gusts of 110 mph.')).toEqual([
      'The storm came ashore near Kell Point on Tuesday night as a strong hurricane',
      'gusts of 110 mph.',
    ]);
    expect(factClauses('“The river came over the wall in minutes. We lost the ground floor of the shop,” the baker told reporters.')).toEqual([
      '“The river came over the wall in minutes.',
      'We lost the ground floor of the shop,” the baker told reporters.',
    ]);
    expect(factClauses('“It was loud. We lost the ground floor of the shop,” the baker said.')).toEqual([
      '“It was loud. We lost the ground floor of the shop,” the baker said.',
    ]);
    expect(factClauses('The ferry company replaced its old boat with a quieter electric vessel built in Norway.')).toHaveLength(1);
  });

  it('keeps a short opener with the fact it introduces rather than calling it a fact', () => {
    expect(factClauses('In June, the city council sold its old bus depot and bought two electric ferries for the harbour.')).toEqual([
      'In June, the city council sold its old bus depot',
      'bought two electric ferries for the harbour.',
    ]);
    expect(factClauses('In June, the city sold the depot.')).toEqual(['In June, the city sold the depot.']);
  });
});

describe('claimSupport', () => {
  it('marks a source that states only the second of two facts partial, naming the part it supports', () => {
    expect(support({ a: [claim], b: [others.half] })).toEqual([
      { sourceId: 'a', part: 'full' },
      { sourceId: 'b', part: 'partial', span: 'its maker hopes to offer an export version of the reader next year.' },
    ]);
  });

  it('marks a source that states both facts in other words full', () => {
    expect(support({ a: [claim], c: [others.full] }).find((s) => s.sourceId === 'c')?.part).toBe('full');
  });

  it('counts two cited sentences of one source together', () => {
    const split = ['The Quill reader is not sold in shops outside Norway.', others.half];
    expect(support({ a: [claim], d: split }).find((s) => s.sourceId === 'd')?.part).toBe('full');
  });

  it('marks every source full when the claim states one fact', () => {
    const one = sentenceFeatures('x#0', 'x', 'The Quill reader is sold only in Norway.');
    const idf = buildIdf([one]);
    expect(claimSupport('The Quill reader is sold in Norway alone.', new Map([['x', [one]]]), idf)).toEqual([{ sourceId: 'x', part: 'full' }]);
  });
});
