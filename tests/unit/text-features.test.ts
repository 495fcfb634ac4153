import { describe, expect, it } from 'vitest';
import { contentTerms, entities, figures, isStopWord, sameFigure, words } from '../../src/pipeline/text-features.ts';

describe('words', () => {
  it('keeps versions, decimals and amounts as single tokens', () => {
    expect(words('The Orbit-7.2 model scored 81.5% for $2.4 billion.')).toEqual([
      'the', 'orbit-7.2', 'model', 'scored', '81.5%', 'for', '$2.4', 'billion',
    ]);
  });
});

describe('contentTerms', () => {
  it('drops function words and stems the rest so inflections match', () => {
    expect(contentTerms('The regulators were investigating')).toEqual(contentTerms('a regulator investigates'));
    expect(isStopWord('The')).toBe(true);
  });
});

describe('figures', () => {
  it('reads amounts, percentages and counts with their scale', () => {
    const found = figures('The council spent $3.5 billion, 40 percent of it on 2,500 new buses and 12.5% on trams.');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [3.5e9, '$'],
      [40, '%'],
      [2500, ''],
      [12.5, '%'],
    ]);
  });

  it('does not read version numbers, product names or bare years as figures', () => {
    expect(figures('Orbit-7.2 beat Falcon 9 and Nimbus v3 in 2024.')).toEqual([]);
  });

  it('reads a unit of measure after a number, so a speed is never compared with a distance', () => {
    const found = figures('Winds reached 120 mph, or 193 kilometers per hour, some 70 miles from the coast, with 85 miles an hour inland and 6 feet of water.');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [120, 'mph'],
      [193, 'kph'],
      [70, 'mi'],
      [85, 'mph'],
      [6, 'ft'],
    ]);
  });

  it('does not read a clock time as a figure', () => {
    expect(figures('The ferry left at 8:30 p.m. and docked by 11 pm with 40 cars.').map((f) => f.value)).toEqual([40]);
  });

  it('treats the same amount written two ways as one figure', () => {
    const [a] = figures('a $14.3 billion deal');
    const [b] = figures('a $14.3bn deal');
    expect(a && b && sameFigure(a, b)).toBe(true);
    const [c] = figures('a $14 billion deal');
    expect(a && c && sameFigure(a, c)).toBe(false);
  });
});

describe('entities', () => {
  it('finds multi-word names and ignores an ordinary capitalized first word', () => {
    expect(entities('Yesterday the mayor of Port Elwin, Dana Kowalczyk, met the Harbor Trust.')).toEqual([
      'dana kowalczyk',
      'harbor trust',
      'port elwin',
    ]);
  });

  it('leaves a closing quote mark out of a name', () => {
    expect(entities('Fans say ‘Star Harbour’ is now owned by Kelby Games.')).toEqual(['kelby games', 'star harbour']);
  });
});
