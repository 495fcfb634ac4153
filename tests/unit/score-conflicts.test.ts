import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/errors.ts';
import { parseConflictLabels, scoreConflicts, type ConflictLabels } from '../../src/eval/score-conflicts.ts';
import type { Conflict, Story } from '../../src/types.ts';

const conflict = (kind: Conflict['kind'], ...values: string[]): Conflict => ({
  topic: 'a topic',
  kind,
  variants: values.map((text) => ({ text, sourceIds: ['a'], independentSourceCount: 1 })),
});
const story = (conflicts: Conflict[]): Story => ({ slug: 'ardent', conflicts }) as unknown as Story;
const labels: ConflictLabels = {
  event: 'ardent-landfall',
  about: 'invented',
  conflicts: [
    { topic: 'death toll', values: ['7', '9'], label: 'real', reason: 'two counts of one toll' },
    { topic: 'speed and distance', values: ['60', '105'], label: 'false', reason: 'two measures' },
    { topic: 'customers', values: ['3.2 million', '3,245,549'], label: 'rounding', reason: 'one rounded' },
    { topic: 'landfall day', values: ['17 September', '18 September'], label: 'real', reason: 'two days for one landfall' },
  ],
};

describe('scoreConflicts', () => {
  it('matches a shown conflict to its label by its values in any order and counts precision over contradictions', () => {
    const score = scoreConflicts(story([conflict('contradiction', '9', '7'), conflict('contradiction', '105', '60'), conflict('rounding', '3,245,549', '3.2 million')]), labels);
    expect([score.precision, score.recall]).toEqual([0.5, 0.5]);
    expect(score.missed.map((m) => m.topic)).toEqual(['landfall day']);
    expect(score.unlabelled).toEqual([]);
  });

  it('lists a shown conflict no label matches as unlabelled, and counts it against precision', () => {
    const score = scoreConflicts(story([conflict('contradiction', '7', '9', '11')]), labels);
    expect(score.unlabelled.map((c) => c.values)).toEqual([['7', '9', '11']]);
    expect([score.precision, score.recall]).toEqual([0, 0]);
  });

  it('refuses a label file whose label is not real, false or rounding, naming the field', () => {
    const bad = JSON.stringify({ ...labels, conflicts: [{ ...labels.conflicts[0], label: 'maybe' }] });
    expect(() => parseConflictLabels(bad, 'eval/x/conflict-labels.json')).toThrow(ManifestError);
    expect(() => parseConflictLabels(bad, 'eval/x/conflict-labels.json')).toThrow(/conflicts\.0\.label/);
  });
});
