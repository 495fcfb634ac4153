/**
 * Reports of one happening, put together: those of one date that tell the same happening become
 * one group (`groupReports`), and a vaguer dating of a happening another group dates more
 * precisely is listed under it (`nestLessPrecise`: "early 2025" under "April 2025").
 */
import type { IsoDate } from '../../types.ts';
import type { DateRange } from './date-expressions.ts';
import type { Report } from './dated-reports.ts';
import { tellsTheSameAct } from './lone-tellings.ts';
import { actsOf, mainActs, sameHappening } from './same-happening.ts';
import type { Vocabulary } from './story-vocabulary.ts';

/**
 * True when two dated statements are lines of one speaker's statement: both in the first or
 * second person, in one paragraph of one article ("…today is a good day to play. … We believe
 * our news today will unlock …"). What a statement says is the saying of it, one happening.
 */
function linesOfOneStatement(a: Report, b: Report): boolean {
  return a.spoken && b.spoken && a.articleId === b.articleId && a.paragraph === b.paragraph;
}


/** Reports of one happening: the same words with the same date, or the same happening (`sameHappening`). */
export function groupReports(all: Report[], overlap: number, vocabulary: Vocabulary): Report[][] {
  // The same words with the same date from the same article are one report (a repeated line).
  const seen = new Set<string>();
  const reports = all.filter((r) => {
    const key = `${r.range.start}|${r.range.end}|${r.articleId}|${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  // Only reports with the same range are grouped here: compare within each range, not all pairs.
  const byRange = new Map<string, number[]>();
  reports.forEach((r, i) => byRange.set(`${r.range.start}|${r.range.end}`, [...(byRange.get(`${r.range.start}|${r.range.end}`) ?? []), i]));
  const links: { i: number; j: number; strength: number }[] = [];
  for (const members of byRange.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] ?? 0;
        const j = members[y] ?? 0;
        const a = reports[i];
        const b = reports[j];
        if (a === undefined || b === undefined) continue;
        if (sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm) || sameWordsRun(a, b) || linesOfOneStatement(a, b)) {
          links.push({ i, j, strength: likeness(a, b) });
        }
      }
    }
  }
  // The likest pairs join first, and two groups join only when no statement of one names a main
  // act that no statement of the other shares: a statement that names two acts ("won final
  // approval, completing the purchase") or none ("we welcome the team") must not chain a
  // regulator's approval and the buyer's completion into one happening.
  // Each group keeps its members' distinct sets of main acts (few, however many members): the check stays cheap.
  const actsOfGroup = new Map<number, string[][]>(
    reports.map((r, i) => {
      const acts = mainActs(r.telling);
      return [i, acts.length > 0 ? [acts] : []];
    }),
  );
  links.sort((p, q) => q.strength - p.strength || p.i - q.i || p.j - q.j);
  for (const { i, j } of links) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const left = actsOfGroup.get(ri) ?? [];
    const right = actsOfGroup.get(rj) ?? [];
    if (left.some((x) => right.some((y) => !y.some((act) => x.includes(act))))) continue;
    const root = Math.min(ri, rj);
    parent[Math.max(ri, rj)] = root;
    const kinds = new Map([...left, ...right].map((acts) => [[...acts].sort().join(' '), acts]));
    actsOfGroup.set(root, [...kinds.values()]);
  }
  const groups = new Map<number, Report[]>();
  reports.forEach((report, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), report]);
  });
  return [...groups.values()];
}

/** Share of the shorter telling's terms that two reports share: how alike they are, for the order in which they join. */
function likeness(a: Report, b: Report): number {
  const shared = [...a.telling.terms].filter((t) => b.telling.terms.has(t)).length;
  return shared / Math.max(1, Math.min(a.telling.terms.size, b.telling.terms.size));
}

/** Words in a row two tellings of one date must share to be one statement quoted by both. */
const SHARED_RUN = 6;

/** Lowercased words of a text, punctuation and quotation marks left out. */
function plainWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}’'-]+/gu) ?? [];
}

/**
 * True when two reports of one date share `SHARED_RUN` words in a row ("today is a good day to
 * play"): one statement quoted by both, however differently the rest of each clause runs, unless
 * each names another kind of act.
 */
function sameWordsRun(a: Report, b: Report): boolean {
  const acts = actsOf(a.telling);
  const otherActs = actsOf(b.telling);
  if (acts.length > 0 && otherActs.length > 0 && !otherActs.some((act) => acts.includes(act))) return false;
  const left = plainWords(a.text);
  const right = plainWords(b.text);
  if (left.length < SHARED_RUN || right.length < SHARED_RUN) return false;
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_RUN <= left.length; i += 1) runs.add(left.slice(i, i + SHARED_RUN).join(' '));
  for (let i = 0; i + SHARED_RUN <= right.length; i += 1) if (runs.has(right.slice(i, i + SHARED_RUN).join(' '))) return true;
  return false;
}

/** Precisions that name a stretch of the calendar; "the coming weeks" and counted spans are not nested. */
export const NESTABLE = new Set(['day', 'week', 'month', 'part-of-month', 'quarter', 'half', 'part-of-year', 'year']);

export function width(range: { start: IsoDate; end: IsoDate }): number {
  return Date.parse(range.end) - Date.parse(range.start);
}

/**
 * For each group of reports, the group it is a less precise telling of, if any: a group whose
 * range lies strictly inside its own ("April 2025" inside "early 2025" inside "2025") and that
 * tells the same happening. The most precise such group is chosen; when two equally precise groups
 * fit equally well, the mention is ambiguous and stays an entry of its own.
 */
export function nestLessPrecise(groups: Report[][], overlap: number, vocabulary: Vocabulary): Map<number, number> {
  const rangeOf = (g: number): DateRange => (groups[g]?.[0] as Report).range;
  const parentOf = new Map<number, number>();
  const fit = (g: number, h: number): number => {
    let best = 0;
    for (const a of groups[g] ?? []) {
      for (const b of groups[h] ?? []) {
        if (!sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm)) continue;
        const shared = [...a.telling.terms].filter((t) => b.telling.terms.has(t)).length;
        best = Math.max(best, shared / Math.max(1, Math.min(a.telling.terms.size, b.telling.terms.size)) + 1);
      }
    }
    return best;
  };
  groups.forEach((_, g) => {
    const outer = rangeOf(g);
    if (!NESTABLE.has(outer.precision)) return;
    const candidates = groups
      .map((__, h) => h)
      .filter((h) => {
        const inner = rangeOf(h);
        return h !== g && NESTABLE.has(inner.precision) && outer.start <= inner.start && inner.end <= outer.end && width(inner) < width(outer);
      });
    const inside = candidates
      .map((h) => ({ h, width: width(rangeOf(h)), fit: fit(g, h) }))
      .filter((c) => c.fit > 0)
      .sort((a, b) => a.width - b.width || b.fit - a.fit || rangeOf(a.h).start.localeCompare(rangeOf(b.h).start));
    const [first, second] = inside;
    if (first === undefined) {
      // No shared words, but the same act ("went bankrupt in November" / "filed for bankruptcy on
      // 11 November"): listed under the one more precise entry of that act, when only one fits.
      const sameAct = candidates.filter((h) => tellsTheSameAct(groups[g] ?? [], groups[h] ?? [], vocabulary));
      if (sameAct.length === 1) parentOf.set(g, sameAct[0] as number);
      return;
    }
    if (second !== undefined && second.width === first.width && second.fit === first.fit) return;
    parentOf.set(g, first.h);
  });
  return parentOf;
}

