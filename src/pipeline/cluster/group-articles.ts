/**
 * Groups articles into stories by average linkage over a sparse graph of candidate pairs.
 *
 * Two groups are as similar as the mean cosine of every article of one with every article of the
 * other, which for unit vectors is the dot product of the groups' summed vectors divided by the
 * product of their sizes, so no pair has to be enumerated: a large story is compared with a short
 * report through its sum, whatever pairs were scored. The most similar pair of groups merges
 * first, until no pair of neighbouring groups reaches the threshold. Unlike single linkage, one
 * article that mentions two events cannot chain them together (it moves the mean only by its
 * share); unlike centroid cosine, a loose group does not become an attractor for everything near
 * its centre (its mean similarity stays low).
 *
 * Publication dates are evidence: the similarity of two groups is multiplied by a factor that is 1
 * while their date ranges are at most `graceDays` apart and falls off exponentially after that, so
 * reports of two events of the same actors months apart stay apart. An article whose date is not
 * stated is no evidence either way.
 *
 * Groups are only compared when some pair of their articles is a candidate (shares signature keys);
 * each merge compares the new group with its neighbours once, spreading its sum into one dense
 * array, so the cost grows with the candidate pairs and the groups' sizes, not with the square of
 * the corpus. Ties are broken by the groups' smallest article index, so the result depends only on
 * the order of the input, which the caller fixes.
 */

/** The articles and candidate pairs to group. */
export interface GroupInput {
  /** Feature ids of every article's unit vector, end to end; article i's are `starts[i]` to `starts[i + 1]`. */
  ids: Int32Array;
  /** The weights beside `ids`; each article's are of unit length (or all zero). */
  weights: Float64Array;
  /** Where each article's features start, and after the last article where they end. */
  starts: Int32Array;
  /** One more than the largest feature id. */
  dimension: number;
  /** Publication day of each article (days since 1970-01-01), or NaN when not stated. */
  days: Float64Array;
  /** Candidate pairs, flat (`[a0, b0, a1, b1, …]`); only these articles' groups are compared. */
  pairs: ArrayLike<number>;
}

/** Tuning of `groupArticles`. */
export interface GroupOptions {
  /** Minimum average similarity (0–1) for two groups to merge. */
  threshold: number;
  /** Date ranges at most this many days apart are no evidence against a merge. */
  graceDays: number;
  /** Beyond the grace, the similarity is multiplied by e^(−extra days / decayDays). */
  decayDays: number;
}

interface Group {
  /** Smallest article index: the group's name in tie-breaks and in the result order. */
  first: number;
  members: number[];
  /** The summed vector once the group has merged; a single article's is read from the input arrays. */
  sum: Map<number, number> | undefined;
  /** Earliest and latest stated publication day, NaN when none is stated. */
  from: number;
  to: number;
  neighbours: Set<number>;
  /** Bumped on every merge, so queued similarities of an older state are recognised and skipped. */
  version: number;
  alive: boolean;
}

interface Queued {
  score: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Groups of article indices (each ascending), ordered by their first index. */
export function groupArticles(input: GroupInput, options: GroupOptions): number[][] {
  const count = input.starts.length - 1;
  const groups: Group[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = input.days[i] as number;
    groups.push({ first: i, members: [i], sum: undefined, from: day, to: day, neighbours: new Set(), version: 0, alive: true });
  }
  const dense = new Float64Array(input.dimension);
  const factor = (x: Group, y: Group): number => dateFactor(x, y, options);
  const heap = new QueueHeap();

  // Every candidate pair links two groups; the pairs above the threshold are queued.
  for (let k = 0; k + 1 < input.pairs.length; k += 2) {
    const a = input.pairs[k] as number;
    const b = input.pairs[k + 1] as number;
    if (a === b) continue;
    const ga = groups[a] as Group;
    const gb = groups[b] as Group;
    if (ga.neighbours.has(b)) continue;
    ga.neighbours.add(b);
    gb.neighbours.add(a);
    spread(ga, input, dense, 1);
    const score = dotWithDense(gb, input, dense) * factor(ga, gb);
    spread(ga, input, dense, 0);
    if (score >= options.threshold) heap.push({ score, x: a, y: b, vx: 0, vy: 0 });
  }

  for (let next = heap.pop(); next !== undefined; next = heap.pop()) {
    const gx = groups[next.x] as Group;
    const gy = groups[next.y] as Group;
    if (!gx.alive || !gy.alive || gx.version !== next.vx || gy.version !== next.vy) continue;
    const [keep, drop] = gx.members.length > gy.members.length || (gx.members.length === gy.members.length && gx.first < gy.first) ? [gx, gy] : [gy, gx];
    const keepId = keep === gx ? next.x : next.y;
    const dropId = keep === gx ? next.y : next.x;
    absorb(keep, drop, input);
    drop.alive = false;
    keep.version += 1;
    for (const other of drop.neighbours) {
      if (other === keepId) continue;
      keep.neighbours.add(other);
      const neighbour = groups[other] as Group;
      neighbour.neighbours.delete(dropId);
      neighbour.neighbours.add(keepId);
    }
    keep.neighbours.delete(dropId);
    drop.neighbours.clear();

    spread(keep, input, dense, 1);
    for (const other of keep.neighbours) {
      const neighbour = groups[other] as Group;
      const score = (dotWithDense(neighbour, input, dense) / (keep.members.length * neighbour.members.length)) * factor(keep, neighbour);
      if (score >= options.threshold) heap.push({ score, x: keepId, y: other, vx: keep.version, vy: neighbour.version });
    }
    spread(keep, input, dense, 0);
  }

  return groups
    .filter((group) => group.alive)
    .map((group) => group.members.sort((a, b) => a - b))
    .sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** 1 while two groups' date ranges are within the grace (or either has no date), decaying after. */
function dateFactor(x: Group, y: Group, options: GroupOptions): number {
  if (Number.isNaN(x.from) || Number.isNaN(y.from)) return 1;
  const gap = Math.max(0, x.from - y.to, y.from - x.to);
  return gap <= options.graceDays ? 1 : Math.exp(-(gap - options.graceDays) / options.decayDays);
}

/** Writes a group's summed vector into `dense` (`on` 1), or zeroes those places again (`on` 0). */
function spread(group: Group, input: GroupInput, dense: Float64Array, on: 0 | 1): void {
  if (group.sum !== undefined) {
    for (const [id, weight] of group.sum) dense[id] = on * weight;
    return;
  }
  const article = group.first;
  for (let i = input.starts[article] as number; i < (input.starts[article + 1] as number); i += 1) dense[input.ids[i] as number] = on * (input.weights[i] as number);
}

/** The dot product of a group's summed vector with the vector spread in `dense`. */
function dotWithDense(group: Group, input: GroupInput, dense: Float64Array): number {
  let sum = 0;
  if (group.sum !== undefined) {
    for (const [id, weight] of group.sum) sum += weight * (dense[id] as number);
    return sum;
  }
  const article = group.first;
  for (let i = input.starts[article] as number; i < (input.starts[article + 1] as number); i += 1) sum += (input.weights[i] as number) * (dense[input.ids[i] as number] as number);
  return sum;
}

/** Adds `drop`'s members, vector and dates to `keep`. */
function absorb(keep: Group, drop: Group, input: GroupInput): void {
  if (keep.sum === undefined) {
    const own = new Map<number, number>();
    addVector(own, keep, input);
    keep.sum = own;
  }
  addVector(keep.sum, drop, input);
  for (const member of drop.members) keep.members.push(member);
  keep.first = Math.min(keep.first, drop.first);
  if (!Number.isNaN(drop.from)) {
    keep.from = Number.isNaN(keep.from) ? drop.from : Math.min(keep.from, drop.from);
    keep.to = Number.isNaN(keep.to) ? drop.to : Math.max(keep.to, drop.to);
  }
}

function addVector(into: Map<number, number>, group: Group, input: GroupInput): void {
  if (group.sum !== undefined) {
    for (const [id, weight] of group.sum) into.set(id, (into.get(id) ?? 0) + weight);
    return;
  }
  const article = group.first;
  for (let i = input.starts[article] as number; i < (input.starts[article + 1] as number); i += 1) {
    const id = input.ids[i] as number;
    into.set(id, (into.get(id) ?? 0) + (input.weights[i] as number));
  }
}

/** A binary max-heap of queued similarities; ties go to the pair whose groups come first. */
class QueueHeap {
  private readonly items: Queued[] = [];

  push(item: Queued): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Queued, items[parent] as Queued)) break;
      [items[i], items[parent]] = [items[parent] as Queued, items[i] as Queued];
      i = parent;
    }
  }

  pop(): Queued | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && before(items[left] as Queued, items[best] as Queued)) best = left;
      if (right < items.length && before(items[right] as Queued, items[best] as Queued)) best = right;
      if (best === i) return top;
      [items[i], items[best]] = [items[best] as Queued, items[i] as Queued];
      i = best;
    }
  }
}

function before(a: Queued, b: Queued): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const a1 = Math.min(a.x, a.y);
  const b1 = Math.min(b.x, b.y);
  if (a1 !== b1) return a1 < b1;
  return Math.max(a.x, a.y) < Math.max(b.x, b.y);
}
