/**
 * A claim never cites a source for a value that source disputes. Words alone can join "five
 * people died in the county" and "a tornado killed six residents there" into one claim, yet the
 * conflict finder reads the two counts as a contradiction. A reader who follows the second mark
 * would find another number, so the sentences of a disputed value leave the claim and state it
 * as a claim of their own; the disagreement shows both values with their sources.
 */
import type { ClaimGroup, Conflict, ConflictVariant } from '../../types.ts';
import { countsAndFigures } from './find-conflicts/spelled-counts.ts';
import { sameFigure, type Figure } from '../text-features.ts';

/**
 * Takes the align stage's claim groups and the story's conflicts; returns the groups with every
 * sentence that states another value of a contradiction than the group's own moved out, the
 * moved sentences of each value forming a group of their own (after the group they left); a
 * covering sentence (a claim of its own elsewhere) is only no longer cited here.
 *
 * A group's own value is the one most of its sentences state, ties going to the value more
 * sources report (a conflict lists its variants most sources first); when that value would leave
 * the group none of its members (its sentences not cited for one clause only, `coveringIds`), it
 * is the value most of its members state. Only
 * contradictions split a group: a possible rounding may be the same value, and a stance pair never
 * joins one claim.
 * A sentence that states the group's value too stays. `order` sorts sentence ids as the
 * group's are sorted (article order).
 */
export function withoutDisputedCitations(
  groups: ClaimGroup[],
  conflicts: Conflict[],
  textOf: ReadonlyMap<string, string>,
  order: (a: string, b: string) => number,
): ClaimGroup[] {
  const contradictions = conflicts.filter(
    (conflict) => conflict.kind === 'contradiction' && conflict.variants.every((variant) => countsAndFigures(variant.text).length === 1),
  );
  const figuresOf = (id: string): Figure[] => countsAndFigures(textOf.get(id) ?? '');
  const result: ClaimGroup[] = [];
  for (const group of groups) {
    let kept = group;
    const moved: string[][] = [];
    for (const conflict of contradictions) {
      const stating = conflict.variants.map((variant) => kept.sentenceIds.filter((id) => states(variant, id, figuresOf)));
      if (stating.filter((ids) => ids.length > 0).length < 2) continue;
      // The claim's own value is the one most of the sentences it cites state, unless that would
      // leave none of its members (the sentences its words may come from): then its members'.
      const covering = new Set(kept.coveringIds);
      const members = (ids: string[]): number => ids.filter((id) => !covering.has(id)).length;
      const most = (count: (ids: string[]) => number): number =>
        stating.reduce((best, ids, index) => (count(ids) > count(stating[best] ?? []) ? index : best), 0);
      const byCitations = most((ids) => ids.length);
      const leavesMembers = kept.sentenceIds.some(
        (id) => !covering.has(id) && (stating[byCitations]?.includes(id) === true || !stating.some((ids) => ids.includes(id))),
      );
      const own = leavesMembers ? byCitations : most(members);
      const ownIds = new Set(stating[own]);
      for (const [index, ids] of stating.entries()) {
        const leaving = index === own ? [] : ids.filter((id) => !ownIds.has(id));
        if (leaving.length === 0) continue;
        // A covering sentence is a claim of its own elsewhere: it only stops being cited here.
        if (leaving.some((id) => !covering.has(id))) moved.push(leaving.filter((id) => !covering.has(id)));
        kept = regroup(kept.sentenceIds.filter((id) => !leaving.includes(id)), kept.coveringIds);
      }
    }
    result.push(kept);
    for (const ids of moved) result.push(regroup([...ids].sort(order), undefined));
  }
  return result;
}

/**
 * True when the sentence states the variant: the finder read the value there, or the variant is
 * a figure and the sentence gives it (the finder links only the frames it can tell measure one
 * thing; within a claim, the words already say the sentences are about one thing).
 */
function states(variant: ConflictVariant, id: string, figuresOf: (id: string) => Figure[]): boolean {
  if (variant.sentenceIds?.includes(id) === true) return true;
  const values = countsAndFigures(variant.text);
  return values.length === 1 && figuresOf(id).some((figure) => sameFigure(figure, values[0] as Figure));
}

/** A group of the given sentences, its sources read from their ids (`<article>#<index>`). */
function regroup(sentenceIds: string[], coveringIds: string[] | undefined): ClaimGroup {
  const covering = (coveringIds ?? []).filter((id) => sentenceIds.includes(id));
  return {
    sentenceIds,
    sourceIds: [...new Set(sentenceIds.map((id) => id.slice(0, id.lastIndexOf('#'))))].sort(),
    ...(covering.length === 0 ? {} : { coveringIds: covering }),
  };
}
