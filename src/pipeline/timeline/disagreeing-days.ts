/**
 * Days sources disagree on: one happening dated to two days by different articles, at most one of
 * which can be right. The conflict finder shows them (`find-conflicts/day-disagreements.ts`).
 */
import type { IsoDate } from '../../types.ts';
import type { Report } from './dated-reports.ts';
import { actsOf, sameHappening } from './same-happening.ts';
import type { Vocabulary } from './story-vocabulary.ts';

/** One day that some sources give for a happening others date to another day. */
export interface DisagreeingDay {
  /** The day as the timeline labels it ("12 October 2023"). */
  label: string;
  start: IsoDate;
  /** The articles that date the happening to this day. */
  articleIds: string[];
  /** The first such statement, its date left in ("The regulator signed off on the deal"). */
  example: string;
}

/** Two or more days given for one happening by different articles: at most one can be right. */
export interface DayDisagreement {
  /** The shortest whole statement of the happening with its date taken out, in the source's words. */
  topic: string;
  /** The days, earliest first. */
  days: DisagreeingDay[];
}

/** Statements of one happening this many days apart or fewer are compared; further apart, they are more likely two happenings. */
const DISAGREEMENT_SPAN_DAYS = 7;

/**
 * Day-precise statements of one happening (`sameHappening`, and the same kind of act named in
 * both) from different articles that date it to different days. Only statements whose date does
 * not rest on a stand-in anchor count: a guessed publication date could make any "yesterday" a day
 * off. Relative days ("a day after", "yesterday") count once resolved from a known publication
 * date: this is where a report that dates an approval "a day after" another meets one that dates
 * it to the closing day. Takes the story's reports; returns the disagreements found.
 */
export function dayDisagreements(reports: Report[], overlap: number, vocabulary: Vocabulary): DayDisagreement[] {
  const dated = reports.filter((r) => r.direct && !r.upcoming && r.range.precision === 'day' && actsOf(r.telling).length > 0);
  const parent = dated.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const span = DISAGREEMENT_SPAN_DAYS * 86_400_000;
  // Only statements naming one kind of act, within the span of each other, are compared: a sweep
  // over each act's statements in date order, so a large story costs about its dated statements.
  const byAct = new Map<string, number[]>();
  dated.forEach((report, i) => {
    for (const act of actsOf(report.telling)) byAct.set(act, [...(byAct.get(act) ?? []), i]);
  });
  const time = dated.map((report) => Date.parse(report.range.start));
  for (const list of byAct.values()) {
    list.sort((x, y) => (time[x] ?? 0) - (time[y] ?? 0) || x - y);
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if ((time[j] ?? 0) - (time[i] ?? 0) > span) break;
        const a = dated[i] as Report;
        const b = dated[j] as Report;
        if (a.articleId === b.articleId || a.range.start === b.range.start || find(i) === find(j)) continue;
        if (sameHappening(a.telling, b.telling, overlap, vocabulary.distinctiveName, vocabulary.rareTerm)) parent[find(Math.max(i, j))] = find(Math.min(i, j));
      }
    }
  }
  const components = new Map<number, Report[]>();
  dated.forEach((report, i) => {
    const root = find(i);
    const list = components.get(root);
    if (list === undefined) components.set(root, [report]);
    else list.push(report);
  });
  const found: DayDisagreement[] = [];
  for (const members of components.values()) {
    const byDay = new Map<IsoDate, Report[]>();
    for (const report of members) byDay.set(report.range.start, [...(byDay.get(report.range.start) ?? []), report]);
    if (byDay.size < 2) continue;
    const days = [...byDay.entries()]
      .sort((x, y) => x[0].localeCompare(y[0]))
      .map(([start, list]) => {
        const first = [...list].sort((x, y) => x.articleId.localeCompare(y.articleId))[0] as Report;
        return { label: first.range.label, start, articleIds: [...new Set(list.map((r) => r.articleId))].sort(), example: first.text };
      });
    // The topic is the shortest whole telling, its date left out: the happening in the fewest words.
    const withoutDate = (r: Report) => r.text.replace(r.expression, ' ').replace(/\s+/gu, ' ').replace(/\s+([,.;:])/gu, '$1').trim();
    const topics = members.map((r) => ({ text: withoutDate(r), cut: r.text.endsWith('…'), id: r.articleId }));
    topics.sort((x, y) => Number(x.cut) - Number(y.cut) || x.text.length - y.text.length || x.id.localeCompare(y.id));
    found.push({ topic: topics[0]?.text ?? '', days });
  }
  return found.sort((x, y) => x.topic.localeCompare(y.topic));
}

