import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/errors.ts';
import { parseTimelineLabels, scoreTimeline, type TimelineLabels } from '../../src/eval/score-timeline.ts';
import type { TimelineEvent } from '../../src/types.ts';

const entry = (start: string, text: string, sourceIds = ['a']): TimelineEvent =>
  ({ id: `${start}-${text.length}`, start, end: start, label: start, text, upcoming: false, sourceIds, storySlug: 'ardent' }) as TimelineEvent;

const labels: TimelineLabels = {
  event: 'ardent-landfall',
  about: 'invented',
  entries: [
    { start: '2025-09-17', words: ['came ashore'], happening: 'landfall', reason: 'the landfall' },
    { start: '2025-09-17', words: ['made landfall', 'pell'], happening: 'landfall', reason: 'the landfall in other words' },
    { start: '2025-09-17', words: ['on wednesday night'], happening: 'landfall', fragment: true, reason: 'a date alone' },
    { start: '2025-09-17', words: ['squall'], happening: 'squall', reason: 'another happening that day' },
  ],
};

describe('scoreTimeline', () => {
  it('counts entries beyond the first for one happening as repeats, and date-only entries as fragments', () => {
    const score = scoreTimeline(
      [entry('2025-09-17', 'Storm Ardent came ashore at Pell Harbor'), entry('2025-09-17', 'Ardent made landfall near Pell'), entry('2025-09-17', 'On Wednesday night'), entry('2025-09-17', 'A squall line struck Corran')],
      labels,
    );
    expect([score.happenings, score.repeats, score.fragments, score.unlabelled.length]).toEqual([2, 2, 1, 0]);
  });

  it('matches a label only on its first day and when every key word is in the text', () => {
    const score = scoreTimeline([entry('2025-09-18', 'Storm Ardent came ashore'), entry('2025-09-17', 'Ardent made landfall')], labels);
    expect(score.unlabelled.map((e) => e.text)).toEqual(['Storm Ardent came ashore', 'Ardent made landfall']);
    expect(score.repeats).toBe(0);
  });

  it('refuses a label whose day is not written yyyy-mm-dd, naming the field', () => {
    const bad = JSON.stringify({ ...labels, entries: [{ ...labels.entries[0], start: '17 Sept' }] });
    expect(() => parseTimelineLabels(bad, 'eval/x/timeline-labels.json')).toThrow(ManifestError);
    expect(() => parseTimelineLabels(bad, 'eval/x/timeline-labels.json')).toThrow(/entries\.0\.start/);
  });
});
