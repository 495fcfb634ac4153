import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignClaims } from '../../src/pipeline/align/align-claims.ts';
import { dateMentions } from '../../src/pipeline/align/claim-features.ts';
import { nameKey, nameSpans, rivalNames, shorterForm } from '../../src/pipeline/align/find-conflicts/name-roles.ts';
import { periodContains, periodOf, periodsOverlap } from '../../src/pipeline/align/find-conflicts/period-overlap.ts';
import { lastDigitUnit, possibleRounding } from '../../src/pipeline/align/find-conflicts/rounding.ts';
import { countsAndFigures, spelledCounts } from '../../src/pipeline/align/find-conflicts/spelled-counts.ts';
import { dayConflicts, withConflicts } from '../../src/pipeline/align/find-conflicts/day-disagreements.ts';
import { timesOfDay } from '../../src/pipeline/align/find-conflicts/time-of-day.ts';
import { figures } from '../../src/pipeline/text-features.ts';
import type { ArticleMeta, ConflictKind, DerivativeLink } from '../../src/types.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

/** One case of tests/fixtures/merge/conflicts/: a small story and the conflicts it must give. */
interface ConflictCase {
  about: string;
  articles: { id: string; outlet: string; published: ArticleMeta['published']; paragraphs: string[][] }[];
  derivatives?: DerivativeLink[];
  expected: { kind: ConflictKind; variants: [string, string[]][] }[];
}

const folder = new URL('../fixtures/merge/conflicts/', import.meta.url);
const cases = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ name: file.replace(/\.json$/u, ''), fixture: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as ConflictCase }));

function conflictsOf(fixture: ConflictCase) {
  const articles = fixture.articles.map((a) => makeArticle(a.id, a.paragraphs, { outlet: a.outlet, published: a.published }));
  return alignClaims(articles, fixture.derivatives ?? []).conflicts;
}

describe('conflicts on invented stories, one per pattern (tests/fixtures/merge/conflicts/)', () => {
  it('has a case for every false-conflict pattern and every real one', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'bound-and-value-that-agree',
      'clock-time-against-part-of-day',
      'compatible-dates',
      'count-left-out-after-another',
      'counts-of-different-charges',
      'death-toll',
      'different-benchmarks',
      'distances-in-two-directions',
      'kinds-and-sayings-of-one-party',
      'launch-day',
      'left-out-count-of-another-party',
      'models-on-one-benchmark',
      'name-forms-not-rivals',
      'nearly-is-just-short',
      'one-measure-at-two-times',
      'plain-numbers-of-different-things',
      'rounding',
      'spellings-of-one-name',
      'stock-move-four-outlets',
      'times-of-two-happenings',
      'two-happenings-of-the-subject',
      'two-names-for-one-lab',
      'unrelated-names',
      'word-count-against-digits',
      'years-that-name-things',
    ]);
  });

  for (const { name, fixture } of cases) {
    it(`${name}: ${fixture.about}`, () => {
      const found = conflictsOf(fixture).map((c) => ({ kind: c.kind, variants: c.variants.map((v) => [v.text, v.sourceIds]) }));
      expect(found).toEqual(fixture.expected);
    });
  }

  it('names each conflict with words from its sources, never with a keyword label', () => {
    for (const { fixture } of cases) {
      const sourceWords = new Set(fixture.articles.flatMap((a) => a.paragraphs.flat().join(' ').toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? []));
      for (const conflict of conflictsOf(fixture)) {
        expect(conflict.topic).not.toMatch(/\((?:name|figure|date)\)/u);
        const own = conflict.topic.replace(/^The name (?:of )?/u, '').toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? [];
        expect(own.filter((word) => !sourceWords.has(word)), conflict.topic).toEqual([]);
      }
    }
  });

  it('words the stock move from the sentences that state it, the figure left out', () => {
    const stock = cases.find((c) => c.name === 'stock-move-four-outlets')!;
    expect(conflictsOf(stock.fixture)[0]?.topic).toBe('Halvard Labs shares closed … higher on Tuesday');
  });

  it('counts a rewrite and its original as one independent report in a variant', () => {
    const launch = cases.find((c) => c.name === 'launch-day')!;
    const rewritten = { ...launch.fixture, derivatives: [{ articleId: 'digest', derivativeOf: 'ledger', evidence: 'same facts in the same order' }] };
    const [conflict] = conflictsOf(rewritten);
    expect(conflict?.variants.map((v) => [v.text, v.independentSourceCount])).toEqual([
      ['April 8, 2026', 1],
      ['April 9, 2026', 1],
    ]);
  });
});

describe('names', () => {
  it('gives spellings, plurals and possessives of one name one key', () => {
    expect(nameKey('Halvard’s Frontier Labs')).toBe(nameKey('Halvard Frontier Lab'));
    expect(nameKey('Halvard Frontier Labs')).not.toBe(nameKey('Halvard Horizon Labs'));
    expect(nameKey('Inés Várga')).toBe(nameKey('Ines Varga'));
    expect(rivalNames('Inés Várga', 'Ines Varga')).toBeNull();
  });

  it('takes a shorter form that drops the owner for the same name', () => {
    expect(shorterForm(nameKey('Frontier Lab'), nameKey('Halvard’s Frontier Labs'))).toBe(true);
    expect(shorterForm(nameKey('Labs'), nameKey('Halvard Frontier Labs'))).toBe(false);
  });

  it('calls two names rivals only when one word is respelled, or another word takes a middle place', () => {
    expect(rivalNames('Halvard Intelligence Labs', 'Halvard Superintelligence Labs')).toBe('spelling');
    expect(rivalNames('Coastal Climate Institute', 'Coastal Ocean Institute')).toBe('word');
    expect(rivalNames('Pellam AI', 'Halvard AI')).toBeNull();
    expect(rivalNames('Halvard Platforms', 'Halvard AI')).toBeNull();
    expect(rivalNames('Halvard Frontier Labs', 'Halvard Frontier Lab')).toBeNull();
  });

  it('reads who a name is in a sentence: the party, what it is measured on, or who reports it', () => {
    const spans = nameSpans('Business Insider reports Halvard Labs invested $2 billion in Pellam AI on April 8, 2026.');
    expect(spans.map((s) => [s.text, s.role])).toEqual([
      ['Business Insider', 'source'],
      ['Halvard Labs', 'subject'],
      ['Pellam AI', 'object'],
    ]);
    expect(nameSpans('Corvid 2 trails Vesper 3.1 Pro’s 88.4%.').map((s) => [s.text, s.possessive])).toEqual([
      ['Corvid 2', false],
      ['Vesper 3.1 Pro', true],
    ]);
  });
});

describe('dates as ranges', () => {
  const [april, early, year, day8, day9] = dateMentions('April 2025, early 2025, 2025, April 8, 2026 and April 9, 2026').map(periodOf);

  it('lets a month overlap the part of the year and the year that hold it', () => {
    expect(periodsOverlap(april!, early!)).toBe(true);
    expect(periodsOverlap(early!, year!)).toBe(true);
    expect(periodContains(early!, april!)).toBe(true);
    expect(periodContains(april!, april!)).toBe(false);
  });

  it('keeps two different days apart', () => {
    expect(periodsOverlap(day8!, day9!)).toBe(false);
  });
});

describe('rounding', () => {
  const figure = (text: string) => figures(text)[0]!;

  it('reads the size of the last digit a figure states', () => {
    expect(lastDigitUnit(figure('$14.3 billion'))).toBeCloseTo(0.1e9);
    expect(lastDigitUnit(figure('$14 billion'))).toBe(1e9);
    expect(lastDigitUnit(figure('1,200 jobs'))).toBe(100);
  });

  it('calls figures a possible rounding only when each lies within half its last digit of the most precise one', () => {
    expect(possibleRounding([figure('$14.3 billion'), figure('$14 billion')])).toBe(true);
    expect(possibleRounding([figure('6.5%'), figure('7%'), figure('8%'), figure('9%')])).toBe(false);
    expect(possibleRounding([figure('1,200 jobs'), figure('800 jobs')])).toBe(false);
  });
});

describe('times of day', () => {
  const minutes = (text: string) => timesOfDay(text).map((t) => [t.raw, t.period.start, t.period.end]);

  it('reads a clock time as the half hour either side of it', () => {
    expect(minutes('The ferry sank at 7:40 p.m. near the pier.')).toEqual([['7:40 p.m.', 19 * 60 + 10, 20 * 60 + 10]]);
    expect(minutes('Crews arrived by 6 am on Friday.')).toEqual([['6 am', 330, 390]]);
  });

  it('reads parts of the day as overlapping spans, the night running past midnight', () => {
    expect(minutes('It hit in the afternoon and again that night.')).toEqual([
      ['afternoon', 720, 1080],
      ['night', 1140, 1800],
    ]);
    expect(minutes('The bridge closed early Tuesday.')).toEqual([['early Tuesday', 0, 660]]);
  });

  it('reads no time in a version number or a ratio', () => {
    expect(minutes('Release 2:1 of the app shipped in 3 parts.')).toEqual([]);
  });
});

describe('counts written as words', () => {
  it('reads two to twenty as counts, but not "one" or a part of a fraction', () => {
    expect(spelledCounts('One crew saw Twelve boats, two-thirds of them small, and three tugs.').map((c) => [c.figure.raw, c.figure.value, c.index])).toEqual([
      ['Twelve', 12, 13],
      ['three', 3, 57],
    ]);
  });

  it('reads a number word before "million" or "thousand" as that many, beside the figures in digits', () => {
    expect(countsAndFigures('About three million homes and 4,500 businesses lost power; twelve thousand crews helped.').map((f) => [f.raw, f.value])).toEqual([
      ['4,500', 4500],
      ['three million', 3_000_000],
      ['twelve thousand', 12_000],
    ]);
  });
});

describe('days the timeline finds in disagreement', () => {
  it('become one contradiction, a variant per day, most sources first, a rewrite counted with its original', () => {
    const [conflict] = dayConflicts(
      [
        {
          topic: 'The harbour board signed off on the deal',
          days: [
            { label: '4 June 2026', start: '2026-06-04', articleIds: ['ledger'], example: 'signed off a day before' },
            { label: '5 June 2026', start: '2026-06-05', articleIds: ['courier', 'wire'], example: 'signed off on Friday' },
          ],
        },
      ],
      [{ articleId: 'wire', derivativeOf: 'courier', evidence: 'same facts in the same order' }],
    );
    expect(conflict?.kind).toBe('contradiction');
    expect(conflict?.variants.map((v) => [v.text, v.sourceIds, v.independentSourceCount])).toEqual([
      ['5 June 2026', ['courier', 'wire'], 1],
      ['4 June 2026', ['ledger'], 1],
    ]);
  });

  it('join the story’s conflicts in the finder’s order, roundings last', () => {
    const rounding = { topic: 'A', kind: 'rounding' as const, variants: [] };
    const day = { topic: 'B', kind: 'contradiction' as const, variants: [] };
    expect(withConflicts([rounding], [day]).map((c) => c.topic)).toEqual(['B', 'A']);
  });
});
