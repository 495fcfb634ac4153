import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_MENTIONS_PER_SENTENCE,
  findDateMentions,
  partOfYearRange,
  readNumber,
  type MentionContext,
} from '../../src/pipeline/timeline/date-expressions.ts';
import { soundsPlanned } from '../../src/pipeline/timeline/event-clause.ts';

interface ExpressionCase {
  group: string;
  sentence: string;
  lastYear?: number;
  expect: [string, string, string][];
}

const fixtures = new URL('../fixtures/timeline/', import.meta.url);
const expressions = JSON.parse(readFileSync(new URL('expressions.json', fixtures), 'utf8')) as { anchor: string; cases: ExpressionCase[] };
const traps = JSON.parse(readFileSync(new URL('traps.json', fixtures), 'utf8')) as { anchor: string; sentences: string[] };

function context(anchor: string | undefined, lastYear?: number, sentence = ''): MentionContext {
  return { anchor, lastYear, lastRange: undefined, future: soundsPlanned(sentence) };
}

/** [label, start, end] of each resolved date in a sentence. */
function datesIn(sentence: string, anchor: string | undefined, lastYear?: number): [string, string, string][] {
  return findDateMentions(sentence, context(anchor, lastYear, sentence))
    .mentions.filter((m) => m.range !== null)
    .map((m) => [m.range?.label ?? '', m.range?.start ?? '', m.range?.end ?? '']);
}

describe('findDateMentions on the written expressions', () => {
  for (const group of [...new Set(expressions.cases.map((c) => c.group))]) {
    describe(group, () => {
      for (const c of expressions.cases.filter((x) => x.group === group)) {
        it(`reads “${c.sentence}” as ${c.expect.map((e) => e[0]).join(' and ')}`, () => {
          expect(datesIn(c.sentence, expressions.anchor, c.lastYear)).toEqual(c.expect);
        });
      }
    });
  }
});

describe('findDateMentions on traps', () => {
  for (const sentence of traps.sentences) {
    it(`finds no date in “${sentence}”`, () => {
      expect(datesIn(sentence, traps.anchor)).toEqual([]);
    });
  }
});

describe('anchoring and anaphora', () => {
  it('leaves relative expressions unresolved when there is nothing to count from, never guessing', () => {
    const { mentions } = findDateMentions('On Wednesday, last year and nine months ago the firm grew.', context(undefined));
    expect(mentions.length).toBe(3);
    expect(mentions.every((m) => m.range === null)).toBe(true);
  });

  it('still resolves absolute dates without an anchor', () => {
    expect(datesIn('The pier opened in June 2025.', undefined)).toEqual([['June 2025', '2025-06-01', '2025-06-30']]);
  });

  it('leaves “that year” unresolved when no year was named before it', () => {
    const { mentions } = findDateMentions('By Q3 of that year sales had doubled.', context('2026-04-09'));
    expect(mentions.map((m) => m.range)).toEqual([null]);
  });

  it('carries the last named year and range to the next sentence', () => {
    const first = findDateMentions('The firm listed its shares in June 2023.', context('2026-04-09'));
    expect(first.context.lastYear).toBe(2023);
    const second = findDateMentions('Three months later, the board resigned.', { ...first.context, future: false });
    expect(second.mentions.map((m) => m.range?.label)).toEqual(['September 2023']);
  });

  it('marks forward spans as ahead and offsets as dating the phrase that follows', () => {
    const ahead = findDateMentions('Trams will return in the coming weeks.', context('2026-04-09', undefined, 'will'));
    expect(ahead.mentions.map((m) => m.ahead)).toEqual([true]);
    const offset = findDateMentions('The tunnel opened 10 months after the council approved it.', context('2026-04-09'));
    expect(offset.mentions.map((m) => m.datesFollowingPhrase)).toEqual([true]);
  });

  it('counts an offset from a full date named in the same sentence rather than the anchor', () => {
    expect(datesIn('The bridge opened on 2 May 2026, two years after the council voted for it.', '2026-09-30')).toEqual([
      ['2 May 2026', '2026-05-02', '2026-05-02'],
      ['2024', '2024-01-01', '2024-12-31'],
    ]);
  });

  it('drops dates that only bound a period (“since 2019”, “before this week”)', () => {
    expect(datesIn('Traffic has doubled since 2019 and fell before this week.', '2026-04-09')).toEqual([]);
  });
});

describe('long input', () => {
  it('reads dates past the first thousand characters of a long sentence, with their true offsets', () => {
    const sentence = `${'The ferry ran late again, '.repeat(80)}and the pier closed in June 2025.`;
    const { mentions } = findDateMentions(sentence, context('2026-04-09'));
    expect(mentions.map((m) => [m.text, m.index])).toEqual([['June 2025', sentence.indexOf('June 2025')]]);
  });

  it('stays fast on a 140,000-character run-on line and reads at most the capped number of dates', () => {
    const sentence = 'Sales fell in May and June and July '.repeat(4000);
    const started = performance.now();
    const { mentions } = findDateMentions(sentence, context('2026-04-09'));
    expect(mentions.length).toBe(MAX_MENTIONS_PER_SENTENCE);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('helpers', () => {
  it('reads numbers written as digits or words', () => {
    expect([readNumber('nine'), readNumber('Twenty-one'), readNumber('a'), readNumber('12'), readNumber('many')]).toEqual([9, 21, 1, 12, undefined]);
  });

  it('splits a year into early (Jan–Apr), mid (May–Aug) and late (Sep–Dec) thirds', () => {
    expect(['early', 'mid', 'late'].map((p) => partOfYearRange(2025, p as 'early').start + '..' + partOfYearRange(2025, p as 'early').end)).toEqual([
      '2025-01-01..2025-04-30',
      '2025-05-01..2025-08-31',
      '2025-09-01..2025-12-31',
    ]);
  });
});
