import { describe, expect, it } from 'vitest';
import { buildIdf, sentenceFeatures, type SentenceFeatures } from '../../src/pipeline/align/claim-features.ts';
import { claimSupport, factClauses, supportedParts } from '../../src/pipeline/align/claim-support.ts';

const claim = 'The Quill reader is not sold in shops outside Norway, though its maker hopes to offer an export version of the reader next year.';
const others = {
  full: 'Its maker does not sell the Quill reader in shops beyond Norway but hopes to offer an export version of the reader next year.',
  half: 'The maker of the Quill reader hopes to offer an export version next year.',
  filler: ['The Quill reader weighs 180 grams.', 'Shops in Oslo stock three colours.', 'Reviewers praised its screen.'],
};

/** The support of each source (its cited sentences by id) for `claimText`, weighed with a few unrelated sentences. */
function supportOf(claimText: string, sources: Record<string, string[]>) {
  const features = new Map(Object.entries(sources).map(([id, texts]) => [id, texts.map((text, i) => sentenceFeatures(`${id}#${i}`, id, text))]));
  const idf = buildIdf([...features.values()].flat().concat(others.filler.map((t, i) => sentenceFeatures(`f#${i}`, 'f', t))));
  return claimSupport(claimText, features as Map<string, SentenceFeatures[]>, idf);
}

const support = (sources: Record<string, string[]>) => supportOf(claim, sources);

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

  it('splits before " as a …" with a figure and before " as " opening a clause of its own, but not in "such as" or "known as"', () => {
    expect(factClauses('The storm reached the coast near Kell Point on Tuesday evening as a category 2 hurricane.')).toEqual([
      'The storm reached the coast near Kell Point on Tuesday evening',
      'category 2 hurricane.',
    ]);
    expect(factClauses('The river broke its banks at Dunmore on Friday night as hundreds of families waited in the lower town.')).toEqual([
      'The river broke its banks at Dunmore on Friday night',
      'hundreds of families waited in the lower town.',
    ]);
    expect(factClauses('The festival sold out quickly, helped by local bands such as those signed in March.')).toHaveLength(1);
    expect(factClauses('The ferry operator is known as the largest employer on the island of Kell.')).toHaveLength(1);
  });

  it('splits before " and " with a figure, and at ", with" or ", and" after a closing quotation mark', () => {
    expect(factClauses('The ferry scored 91 on the noise test and 78 on the comfort survey.')).toEqual([
      'The ferry scored 91 on the noise test',
      '78 on the comfort survey.',
    ]);
    expect(factClauses('The mayor said “the new ferry now serves Kell and the two outer islands,” with a night service to the mainland planned next.')).toEqual([
      'The mayor said “the new ferry now serves Kell and the two outer islands',
      'a night service to the mainland planned next.',
    ]);
  });

  it('keeps the words that joined a small piece back to its clause', () => {
    expect(factClauses('Fares on the Kell ferry rose by 9% as passengers complained.')).toEqual(['Fares on the Kell ferry rose by 9% as passengers complained.']);
  });

  it('keeps a short opener with the fact it introduces rather than calling it a fact', () => {
    expect(factClauses('In June, the city council sold its old bus depot and bought two electric ferries for the harbour.')).toEqual([
      'In June, the city council sold its old bus depot',
      'bought two electric ferries for the harbour.',
    ]);
    expect(factClauses('In June, the city sold the depot.')).toEqual(['In June, the city sold the depot.']);
  });
});

describe('supportedParts', () => {
  it('reads a quotation credited to its speaker as its sentences, however short, leaving out the credit', () => {
    expect(supportedParts('“It was loud. The roof of the barn went first,” said Ana Ruiz, a farmer in Kell Valley.')).toEqual([
      'It was loud.',
      'The roof of the barn went first',
    ]);
  });

  it('reads any other sentence as its fact clauses', () => {
    expect(supportedParts(claim)).toEqual(factClauses(claim));
    // A clause of its own after the speaker states more than the quotation.
    const noting = '“The barn is gone. So is the roof,” she said, noting that crews had not yet reached Kell Valley.';
    expect(supportedParts(noting)).toEqual(factClauses(noting));
  });
});

describe('claimSupport', () => {
  it('marks a source that quotes one sentence of a longer quotation partial, naming that sentence', () => {
    const quote = '“It was loud. The roof of the barn went first. We hid in the cellar until morning,” said Ana Ruiz, a farmer in Kell Valley.';
    expect(supportOf(quote, { a: [quote], b: ['“It was loud,” said Ana Ruiz, 62.'] })).toEqual([
      { sourceId: 'a', part: 'full' },
      { sourceId: 'b', part: 'partial', span: 'It was loud.' },
    ]);
  });

  it('marks a source partial when all it shares with one of the claim’s facts is a name', () => {
    const hire = 'In May the Kell Ferry Company bought a 40% stake in Harbour Lines and brought in its founder, Ana Ruiz, as head of operations.';
    const stake = 'The Kell Ferry Company took a 40% stake in Harbour Lines, a rival firm founded by Ana Ruiz.';
    const both = 'The Kell Ferry Company bought 40% of Harbour Lines in May and hired Ana Ruiz, its founder, to head operations.';
    expect(supportOf(hire, { a: [hire], b: [stake], c: [both] })).toEqual([
      { sourceId: 'a', part: 'full' },
      { sourceId: 'b', part: 'partial', span: 'In May the Kell Ferry Company bought a 40% stake in Harbour Lines' },
      { sourceId: 'c', part: 'full' },
    ]);
  });

  it('marks a source partial when it gives only some of a list the claim states', () => {
    const ferry = 'The Kell ferry now runs on batteries, carrying cars, bicycles, and freight across the strait.';
    const texts = {
      a: [ferry],
      b: ['The Kell ferry has switched to batteries and carries cars and bicycles across the strait.'],
      c: ['Running on batteries, the Kell ferry takes cars, bicycles and freight over the strait.'],
    };
    expect(supportOf(ferry, texts)).toEqual([
      { sourceId: 'a', part: 'full' },
      { sourceId: 'b', part: 'partial', span: 'The Kell ferry now runs on batteries' },
      { sourceId: 'c', part: 'full' },
    ]);
  });

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

  it('marks a source partial when the claim states one fact with a figure and the source gives none of its figures', () => {
    const oneFact = 'At least 12 people died in the county after the storm spawned tornadoes, officials said.';
    const parts = (text: string) => supportOf(oneFact, { a: [oneFact], b: [text] }).find((s) => s.sourceId === 'b')?.part;
    // Another count, or no count at all: the deaths, not the toll.
    expect(parts('Five people from one retirement park died after a tornado touched down.')).toBe('partial');
    expect(parts('A tornado tore through a retirement park, killing several residents.')).toBe('partial');
    // The same figure in words, or rounded at its own precision, is the figure.
    expect(parts('Twelve people died in the county after tornadoes, the sheriff said.')).toBe('full');
    const millions = 'More than three million homes lost power after the storm.';
    expect(supportOf(millions, { a: [millions], b: ['More than 3.2 million homes were without power on Thursday.'] }).find((s) => s.sourceId === 'b')?.part).toBe('full');
  });
});
