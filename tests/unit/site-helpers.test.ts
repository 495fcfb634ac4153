/**
 * The site's pure helpers: how metadata is worded, the safe JSON-LD serializer, the timeline's
 * grouping, "what each source adds", and the similarity matrix drawn on the method page.
 */
import { describe, expect, it } from 'vitest';
import { codePoints, firstSentence, formatDate, outletLabel, titleLabel } from '../../src/site/format.ts';
import { serializeJsonLd } from '../../src/site/json-ld.ts';
import { claimsOnlyFrom, groupEvents, sentenceFates, withSourceMarks } from '../../src/site/digest-views.ts';
import { similarityMatrix } from '../../src/pipeline/similarity-matrix.ts';
import type { Claim } from '../../src/types.ts';

const claim = (id: string, sourceIds: string[], sentenceIds: string[] = []): Claim => ({
  id,
  text: id,
  section: 'details',
  sourceIds,
  sentenceIds,
  support: sourceIds.map((sourceId) => ({ sourceId, part: 'full' as const })),
});

describe('firstSentence', () => {
  it('takes the first sentence of a summary, not cut at an abbreviation or a decimal', () => {
    expect(firstSentence('Dr. Ilse Varnak, 14, won the open with 8.5 points. She beat two grandmasters.')).toBe('Dr. Ilse Varnak, 14, won the open with 8.5 points.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});

describe('metadata wording', () => {
  it('writes a known date in words and says so when the date is not stated', () => {
    expect(formatDate('2026-03-05')).toBe('5 March 2026');
    expect(formatDate('unknown')).toBe('date not stated');
  });

  it('names an unknown title honestly, with the start of its lead', () => {
    expect(titleLabel('unknown', 'The mayor opened the new bridge across the river on a windy Sunday morning.')).toBe(
      'Untitled (lead: “The mayor opened the new bridge across the…”)',
    );
    expect(titleLabel('Bridge opens', 'ignored')).toBe('Bridge opens');
    expect(outletLabel('unknown')).toBe('Outlet not stated');
  });
});

describe('codePoints', () => {
  it('spells out the characters of a short repair and stays quiet for longer text', () => {
    expect(codePoints('\u0e42')).toBe('U+0E42');
    expect(codePoints('â€™')).toBe('U+00E2 U+20AC U+2122');
    expect(codePoints('a longer phrase')).toBe('');
  });
});

describe('serializeJsonLd', () => {
  it('keeps article text from closing the script element while the JSON stays the same', () => {
    const value = { headline: 'Before </script><script>alert(1)</script> & after', note: 'line\u2028break' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('groupEvents', () => {
  it('groups by year and month, and keeps events that span months out of any single month', () => {
    const events = [
      { id: 'a', start: '2025-01-01', end: '2025-12-31' },
      { id: 'b', start: '2025-04-08', end: '2025-04-08' },
      { id: 'c', start: '2025-04-01', end: '2025-04-30' },
      { id: 'd', start: '2026-07-01', end: '2026-09-30' },
    ];
    expect(groupEvents(events)).toEqual([
      { year: 2025, months: [{ month: null, events: [events[0]] }, { month: 4, events: [events[1], events[2]] }] },
      { year: 2026, months: [{ month: null, events: [events[3]] }] },
    ]);
  });
});

describe('what each source adds', () => {
  it('lists for each source only the claims no other source states', () => {
    const only = claimsOnlyFrom({ sourceIds: ['x', 'y', 'z'], claims: [claim('c1', ['x', 'y']), claim('c2', ['y']), claim('c3', ['y']), claim('c4', ['z'])] });
    expect(only.get('x')).toEqual([]);
    expect(only.get('y')?.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(only.get('z')?.map((c) => c.id)).toEqual(['c4']);
  });

  it('tells a sentence that supports a claim from one left out, with the reason', () => {
    const fates = sentenceFates([{ claims: [claim('c1', ['x'], ['x#0'])], leftOut: [{ sentenceId: 'x#1', reason: 'depends on the sentence before it' }] }]);
    expect(fates.get('x#0')).toMatchObject({ kind: 'claim', claim: { id: 'c1' } });
    expect(fates.get('x#1')).toEqual({ kind: 'left-out', reason: 'depends on the sentence before it' });
    expect(fates.get('x#2')).toBeUndefined();
  });
});

describe('similarityMatrix', () => {
  it('scores two reports of one event above either against an unrelated article, symmetrically', () => {
    const { ids, values } = similarityMatrix([
      { id: 'ferry-a', text: 'The harbour ferry returned to service after engine repairs, the port authority said on Tuesday.' },
      { id: 'ferry-b', text: 'After repairs to both engines, the harbour ferry is back in service, according to the port authority.' },
      { id: 'library', text: 'Eleven public libraries will open on Sundays from January after a survey of readers.' },
    ]);
    expect(ids).toEqual(['ferry-a', 'ferry-b', 'library']);
    const [a, b, c] = values as [number[], number[], number[]];
    expect(a[0]).toBe(1);
    expect(a[1]).toBe(b[0]);
    expect(a[1]).toBeGreaterThan(0.3);
    expect(a[2]).toBeLessThan(0.1);
    expect(c[1]).toBeLessThan(0.1);
  });

  it('gives an empty text zero similarity instead of dividing by zero', () => {
    const { values } = similarityMatrix([{ id: 'empty', text: '' }, { id: 'text', text: 'Some words here.' }]);
    expect(values[0]?.[1]).toBe(0);
  });
});

describe('withSourceMarks', () => {
  it('replaces source ids with their citation marks, longer ids first so a prefix never splits one', () => {
    const numbers = new Map([
      ['harbor-report', 1],
      ['harbor-report-update', 2],
    ]);
    expect(withSourceMarks('harbor-report-update and harbor-report state no date', numbers)).toBe('[2] and [1] state no date');
  });

  it('leaves text without ids unchanged', () => {
    expect(withSourceMarks('counted from 9 April 2026', new Map([['x-1', 1]]))).toBe('counted from 9 April 2026');
  });
});
