/**
 * Guarded union of items into groups, shared by the align stage (sentences into claims) and the
 * conflict finder (value frames into attributes): edges are taken in the order given (strongest
 * first, by the callers), and two groups join only when `canJoin` accepts their members, so one
 * strong pair cannot pull two groups together that do not belong together as a whole.
 */

/**
 * Joins the groups of each edge's two items when `canJoin(left, right)` accepts their members.
 * `groupOf[i]` is item i's group and `members` each group's items in ascending order; both are
 * updated in place, the joined group keeping the lower of the two group numbers.
 */
export function joinGroups(
  edges: Iterable<{ i: number; j: number }>,
  groupOf: number[],
  members: Map<number, number[]>,
  canJoin: (left: number[], right: number[]) => boolean,
): void {
  for (const { i, j } of edges) {
    const gi = groupOf[i] ?? i;
    const gj = groupOf[j] ?? j;
    if (gi === gj) continue;
    const left = members.get(gi) ?? [];
    const right = members.get(gj) ?? [];
    if (!canJoin(left, right)) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    const merged = [...left, ...right].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    for (const index of merged) groupOf[index] = keep;
  }
}
