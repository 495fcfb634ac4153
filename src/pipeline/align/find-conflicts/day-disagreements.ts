/**
 * Turns the timeline stage's day disagreements (one happening dated to different days by different
 * sources, relative days resolved) into conflicts of the story. The conflict finder compares only
 * the dates a sentence states outright; a report that dates an approval "a day after" the regulator
 * signed off is read only once the timeline has counted from its publication day.
 */
import type { Conflict, ConflictVariant, DerivativeLink } from '../../../types.ts';
import type { DayDisagreement } from '../../timeline/extract-timeline.ts';
import { independentCount } from './find-conflicts.ts';

/**
 * One `contradiction` per disagreement, a variant per day (as the timeline labels it), with its
 * sources, how many are independent and the first statement of it. Takes the timeline's
 * disagreements and the story's rewrite links; returns the conflicts, most sources first within each.
 */
export function dayConflicts(disagreements: DayDisagreement[], derivatives: DerivativeLink[]): Conflict[] {
  return disagreements.map((disagreement) => {
    const variants: ConflictVariant[] = disagreement.days.map((day) => ({
      text: day.label,
      sourceIds: day.articleIds,
      independentSourceCount: independentCount(day.articleIds, derivatives),
      example: day.example,
    }));
    variants.sort((a, b) => b.sourceIds.length - a.sourceIds.length || a.text.localeCompare(b.text));
    return { topic: disagreement.topic, kind: 'contradiction', variants };
  });
}

/** Adds `extra` to a story's conflicts in the finder's order: contradictions and stances before roundings, then by topic. */
export function withConflicts(conflicts: Conflict[], extra: Conflict[]): Conflict[] {
  if (extra.length === 0) return conflicts;
  const rank = (conflict: Conflict): number => (conflict.kind === 'rounding' ? 1 : 0);
  return [...conflicts, ...extra].sort((a, b) => rank(a) - rank(b) || a.topic.localeCompare(b.topic) || (a.variants[0]?.text ?? '').localeCompare(b.variants[0]?.text ?? ''));
}
