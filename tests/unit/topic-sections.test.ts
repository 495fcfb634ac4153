import { describe, expect, it } from 'vitest';
import { groupByTopic, onlyInsideNames, phrases, type TopicItem } from '../../src/pipeline/merge/topic-sections.ts';

/** A claim at `position` in its sources, stated by `sources` independent sources. */
function item(id: string, text: string, position: number, sources = 1, follows?: string): TopicItem {
  return { id, text, position, independentSources: sources, ...(follows === undefined ? {} : { follows }) };
}

// A made-up story about a ferry line: its subject (Pellam Ferries) is in every claim; three topics
// (the Norrvik terminal, the fare increase, the crew strike) each share a phrase.
const story: TopicItem[] = [
  item('t1', 'Pellam Ferries will open the Norrvik Terminal in May, with four berths.', 0.1, 3),
  item('f1', 'Pellam Ferries raised the fare increase cap for island residents to 12%.', 0.2, 1),
  item('s1', 'Pellam Ferries crews began a crew strike over rest periods on Monday.', 0.3, 2),
  item('t2', 'The Norrvik Terminal cost Pellam Ferries 90 million crowns to build.', 0.4, 1),
  item('f2', 'Pellam Ferries says the fare increase covers fuel costs.', 0.5, 1),
  item('s2', 'The crew strike has cancelled 40 Pellam Ferries sailings so far.', 0.6, 1),
  item('t3', 'Pellam Ferries expects the Norrvik Terminal to handle 2 million passengers a year.', 0.7, 1),
  item('f3', 'Commuter groups called the fare increase unfair to Pellam Ferries’ regular riders.', 0.8, 1),
  item('s3', 'Union leaders said the crew strike would last until Pellam Ferries hires more staff.', 0.9, 1),
  item('x1', 'Pellam Ferries repainted its oldest vessel in bright yellow.', 0.95, 1),
];

describe('phrases', () => {
  it('finds runs of one to four content words, broken by stop words and punctuation', () => {
    const found = phrases('The Norrvik Terminal opens, with four berths.');
    expect([...found.keys()]).toContain('norrvik terminal');
    expect([...found.keys()]).toContain('four berth');
    expect([...found.keys()]).not.toContain('terminal open four');
  });

  it('keeps "of" and "and" inside a name, and starts or ends no phrase with them', () => {
    const found = phrases('Shareholders of Bank of Kell wrote to the Ferries and Harbours Board on Monday.');
    expect(found.get('bank of kell')?.surface).toBe('Bank of Kell');
    expect(found.get('ferrie and harbour board')?.surface).toBe('Ferries and Harbours Board');
    expect(found.has('of kell')).toBe(false);
    expect(found.has('bank of')).toBe(false);
    // Between lowercase words "of" still ends a phrase.
    expect(found.has('shareholder of bank')).toBe(false);
  });

  it('keeps a short abbreviation or an initial inside a name, so the name is not cut at its full stop', () => {
    expect(phrases('Two homes burned in St. Ives County on Monday.').get('st ives county')?.surface).toBe('St. Ives County');
    expect(phrases('The U.K. Harbour Authority agreed.').has('harbour authority')).toBe(true);
    expect(phrases('The U.K. Harbour Authority agreed.').has('u.k harbour authority')).toBe(true);
  });

  it('writes a phrase as the text does and folds plurals and possessives into one key', () => {
    expect(phrases('Pellam’s crew strikes')?.get('pellam crew strike')?.surface).toBe('Pellam crew strikes');
    expect(phrases('a crew strike').has('crew strike')).toBe(true);
  });
});

describe('groupByTopic', () => {
  const groups = groupByTopic(story);

  it('puts claims that share a distinctive phrase in one group, headed by that phrase as written', () => {
    const byHeading = Object.fromEntries(groups.map((g) => [g.heading ?? '(none)', [...g.itemIds].sort()]));
    expect(byHeading['Norrvik Terminal']).toEqual(['t1', 't2', 't3']);
    expect(byHeading['Fare increase']).toEqual(['f1', 'f2', 'f3']);
    expect(byHeading['Crew strike']).toEqual(['s1', 's2', 's3']);
  });

  it('never heads a group with the story’s subject, which every claim names', () => {
    expect(groups.map((g) => g.heading)).not.toContain('Pellam Ferries');
  });

  it('leaves a claim that shares no topic in a last group without a heading', () => {
    expect(groups.at(-1)).toEqual({ heading: undefined, itemIds: ['x1'] });
  });

  it('orders groups by the most independent sources of a claim, then by position in the sources', () => {
    expect(groups.map((g) => g.heading)).toEqual(['Norrvik Terminal', 'Crew strike', 'Fare increase', undefined]);
  });

  it('orders claims within a group by their position in the sources', () => {
    expect(groups[0]?.itemIds).toEqual(['t1', 't2', 't3']);
  });

  it('places a claim that points back right after its antecedent, in the antecedent’s group', () => {
    const withDependent = [...story, item('d1', 'It will be the largest on the coast.', 0.05, 1, 't3')];
    const terminal = groupByTopic(withDependent).find((g) => g.heading === 'Norrvik Terminal');
    expect(terminal?.itemIds).toEqual(['t1', 't2', 't3', 'd1']);
  });

  it('makes no topic of fewer claims than the minimum', () => {
    const two = groupByTopic(story.filter((c) => c.id !== 't3'), { minGroupSize: 3 });
    expect(two.map((g) => g.heading)).not.toContain('Norrvik Terminal');
  });

  it('gives the same groups whatever order the claims come in', () => {
    expect(groupByTopic([...story].reverse())).toEqual(groups);
  });

  it('makes no topic of a lone common word when its claims share nothing else', () => {
    const loose = [
      item('a', 'Harbour pilots trained on the core simulator in Tromsø.', 0.1),
      item('b', 'Bakers voted to keep the core recipe for rye bread.', 0.2),
      item('c', 'The museum moved its core collection to Bergen.', 0.3),
      item('d', 'A storm closed Leirvik bridge overnight.', 0.4),
    ];
    expect(groupByTopic(loose)).toEqual([{ heading: undefined, itemIds: ['a', 'b', 'c', 'd'] }]);
  });

  it('heads a group with the phrase most of its claims share, as they write it', () => {
    const terminal = [
      item('a', 'Work on the Norrvik Terminal passenger bridge began in 2024.', 0.1),
      item('b', 'The passenger bridge at Norrvik Terminal is 40 metres long.', 0.2),
      item('c', 'The Norrvik Terminal passenger bridge was built by Kvale Steel.', 0.3),
      item('d', 'Ferry crews painted the Sandøy harbour wall.', 0.4),
    ];
    expect(groupByTopic(terminal)[0]?.heading).toBe('Norrvik Terminal passenger bridge');
  });

  it('makes one topic of a name and its acronym, and none of a day, an abbreviation or a name of the subject', () => {
    const harbour: TopicItem[] = [
      item('a1', 'The Kell Harbour Authority approved the Norrvik Terminal plan on Monday.', 0.1),
      item('a2', 'The KHA said the Norrvik Terminal plan needs a new pier on Monday.', 0.2),
      item('a3', 'The Kell Harbour Authority will review the pier budget on Monday.', 0.3),
      item('a4', 'KHA inspectors visited St. Ives pier on Monday to check the pier budget.', 0.4),
      item('p1', 'Pellam Ferries and Pellam Ferries Group staff met St. Ives crews on Monday.', 0.5),
      item('p2', 'Pellam Ferries Group ships sailed from St. Ives on Monday.', 0.6),
      item('p3', 'Pellam Ferries Group shares rose on Monday at St. Ives.', 0.7),
      ...Array.from({ length: 14 }, (_, i) => item(`b${i + 1}`, `Pellam Ferries crews loaded cargo ship number ${i + 1}.`, 0.8 + i * 0.01)),
    ];
    const groups = groupByTopic(harbour);
    const headings = groups.map((group) => group.heading);
    const authority = groups.find((group) => group.heading === 'Kell Harbour Authority');
    expect(authority?.itemIds).toEqual(expect.arrayContaining(['a1', 'a2', 'a3', 'a4']));
    expect(headings).not.toContain('KHA');
    expect(headings).not.toContain('Monday');
    expect(headings).not.toContain('St');
    expect(headings).not.toContain('Pellam Ferries Group');
  });

  it('makes no topic of a word the claims write only inside longer names: a kind of place, a rating, a piece of a name', () => {
    const storm: TopicItem[] = [
      item('c1', 'Storm Vela flooded 200 homes in Ash County on Monday.', 0.1),
      item('c2', 'Schools in Pell County stayed shut after Storm Vela.', 0.2),
      item('c3', 'Dorn County opened three shelters for Storm Vela evacuees.', 0.3),
      item('r1', 'Storm Vela reached Category 4 strength over open water.', 0.4),
      item('r2', 'Storm Vela weakened to Category 2 before landfall.', 0.5),
      item('r3', 'Forecasters expect Storm Vela to stay at Category 3 through Tuesday.', 0.6),
      item('h1', 'The Kell Harbour Authority closed the Norrvik Terminal.', 0.7),
      item('h2', 'The Kell Harbour Authority will inspect every pier.', 0.8),
      item('h3', 'Ferry crews waited for word from the Kell Harbour Authority.', 0.9),
      ...Array.from({ length: 10 }, (_, i) => item(`b${i + 1}`, `Storm Vela brought rain gauge reading number ${i + 1}.`, 0.91 + i * 0.005)),
    ];
    const headings = groupByTopic(storm).map((group) => group.heading);
    expect(headings).not.toContain('County');
    expect(headings).not.toContain('Category');
    expect(headings).toContain('Kell Harbour Authority');
    expect(headings).not.toContain('Harbour Authority');
  });

  it('makes no topic of a kind of place written in lowercase ("the county", "across the state")', () => {
    const places: TopicItem[] = [
      item('p1', 'Flood water closed the county road to Kelby on Monday.', 0.1),
      item('p2', 'Schools across the county stayed shut after the flood.', 0.2),
      item('p3', 'The county opened three shelters for evacuees.', 0.3),
      ...Array.from({ length: 6 }, (_, i) => item(`b${i + 1}`, `Pumps at station ${i + 1} ran through the night.`, 0.4 + i * 0.05)),
    ];
    expect(groupByTopic(places).map((group) => group.heading)).not.toContain('County');
  });

  it('keeps a longer name that holds the subject’s words a topic: its pieces do not make its other words the subject', () => {
    // "Open Fleet" is the subject's system (in most claims); "Open Fleet Safety Code" names a rule
    // book of its own, and its piece "Fleet Safety" must not turn "Safety" and "Code" into the subject.
    const fleet: TopicItem[] = [
      item('s1', 'Orland introduced its Open Fleet Safety Code, a set of rules for self-driving trucks.', 0.1),
      item('s2', 'The Open Fleet Safety Code sets the checks Orland runs as its trucks drive farther alone.', 0.2),
      item('s3', 'Orland said Open Fleet trucks would follow the Open Fleet Safety Code from May.', 0.3),
      ...Array.from({ length: 9 }, (_, i) => item(`t${i + 1}`, `Orland trucks drove route ${i + 1} with the Open Fleet system.`, 0.4 + i * 0.01)),
      item('k1', 'Orland opened a new plant in Kelby.', 0.6),
      item('k2', 'Orland hired 300 workers for the Kelby plant.', 0.7),
      item('k3', 'Orland shares rose after the Kelby plant news.', 0.8),
    ];
    expect(groupByTopic(fleet).map((group) => group.heading)).toEqual(['Open Fleet Safety Code', 'Kelby plant', undefined]);
  });

  it('never heads a topic with another topic’s key phrase, so no two sections share a heading', () => {
    const rigs: TopicItem[] = [
      item('a1', 'Storm Vela moved into the Norrvik Sea and cut power to the gas rigs.', 0.1),
      item('a2', 'Over the Norrvik Sea, power failed on the gas rigs twice.', 0.2),
      item('a3', 'The Norrvik Sea swell knocked out power on two gas rigs.', 0.3),
      item('a4', 'Gas rigs waited for power and supply boats on Wednesday.', 0.4),
      item('a5', 'Supply boats restored power to the gas rigs by Friday.', 0.5),
      item('a6', 'Power to the gas rigs was cut again on Saturday.', 0.6),
      item('a7', 'Engineers flew to the gas rigs to check power lines.', 0.7),
      item('a8', 'The gas rigs will keep backup power until spring.', 0.8),
      ...Array.from({ length: 25 }, (_, i) => item(`z${i + 1}`, `Storm Vela dropped rain gauge reading ${i + 1} at Kelby.`, 0.9 + i * 0.001)),
    ];
    expect(groupByTopic(rigs).map((group) => group.heading)).toEqual(['Norrvik Sea', 'Gas rigs', undefined]);
  });

  it('makes no topic of a day and a part of it ("Monday night"), which dates its claims', () => {
    const night: TopicItem[] = [
      item('n1', 'Flood water reached the Kelby quay on Monday night.', 0.1),
      item('n2', 'Pumps failed at the Dunmore works on Monday night.', 0.2),
      item('n3', 'A ferry ran aground off Ash Point on Monday night.', 0.3),
      ...Array.from({ length: 10 }, (_, i) => item(`b${i + 1}`, `Storm Vela brought rain gauge reading number ${i + 1}.`, 0.4 + i * 0.01)),
    ];
    const headings = groupByTopic(night).map((group) => group.heading);
    expect(headings).not.toContain('Monday night');
    expect(headings).not.toContain('Night');
  });

  it('rejects options outside their range, naming the option and the value', () => {
    expect(() => groupByTopic(story, { minGroupSize: 0 })).toThrow(/minGroupSize .* got 0/);
    expect(() => groupByTopic(story, { subjectShare: 1.5 })).toThrow(/subjectShare .* got 1.5/);
  });
});

describe('onlyInsideNames', () => {
  it('is true when every use of the phrase is part of a longer name or comes before a number', () => {
    expect(onlyInsideNames('Rain fell on Pell County and on Ash County.', 'County')).toBe(true);
    expect(onlyInsideNames('The storm reached Category 4.', 'Category')).toBe(true);
    expect(onlyInsideNames('The Competition and Markets Authority agreed.', 'Markets Authority')).toBe(true);
    // The full stop of an abbreviation opening a name does not end the name.
    expect(onlyInsideNames('Six died in St. Ives County on Monday.', 'County')).toBe(true);
  });

  it('is false when the phrase stands alone once, follows a possessive, is a lowercase word after a name, or is not there', () => {
    expect(onlyInsideNames('Pell County and the rest of the County flooded.', 'County')).toBe(false);
    expect(onlyInsideNames('Britain’s Harbour Authority agreed.', 'Harbour Authority')).toBe(false);
    expect(onlyInsideNames('It led on the Diamond benchmark.', 'benchmark')).toBe(false);
    expect(onlyInsideNames('Nothing here.', 'County')).toBe(false);
  });
});
