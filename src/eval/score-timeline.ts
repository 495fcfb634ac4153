/**
 * Scores the timeline of a real corpus's largest story against hand labels
 * (`eval/<corpus>/timeline-labels.json`): each entry the digest shows is matched to a label by its
 * date and a few key words, and the labels say which happening it tells and whether its text tells
 * any. Two numbers come out, the way a reader meets them:
 *
 * - repeats: entries beyond the first for one happening (the same happening in other words, or
 *   dated at another precision), summed over happenings;
 * - fragments: entries whose text does not say what happened ("On Wednesday night", "the chief
 *   executive said").
 *
 * Pure: the labels come in parsed; `scripts/eval-clusters.ts` reads the file.
 */
import { z } from 'zod';
import { parseEvalJson } from './corpus-manifest.ts';
import type { TimelineEvent } from '../types.ts';

/** One labelled timeline entry, matched by date and key words (never a copied sentence). */
const EntryLabelSchema = z.object({
  /** The entry's first day as the digest writes it (`yyyy-mm-dd`). */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  /** A few words the entry's text holds, lowercased; an entry matches when it holds every one. */
  words: z.array(z.string().min(1)).min(1),
  /** The happening it tells, as a short key of the labeller's own ("landfall"); entries sharing one are repeats. */
  happening: z.string().min(1),
  /** True when the entry's text does not say what happened (a date and a speaker, a piece of a quote). */
  fragment: z.boolean().optional(),
  /** Why, in one line, after reading the entry and its sentences. */
  reason: z.string().min(1),
});

/** The labels of one corpus: which story, and every timeline entry labelled in it. */
export const TimelineLabelsSchema = z.object({
  /** The manifest event whose largest story is labelled. */
  event: z.string().min(1),
  /** What was read and when, for whoever labels again. */
  about: z.string().min(1),
  entries: z.array(EntryLabelSchema),
});

export type TimelineEntryLabel = z.infer<typeof EntryLabelSchema>;
export type TimelineLabels = z.infer<typeof TimelineLabelsSchema>;

/** Parses timeline-labels.json; a malformed file is a `ManifestError` naming the field. */
export function parseTimelineLabels(text: string, file: string): TimelineLabels {
  return parseEvalJson(text, file, TimelineLabelsSchema, 'the timeline labels', 'TimelineLabelsSchema in src/eval/score-timeline.ts');
}

/** One shown entry with the label it matched (or none). */
export interface ScoredEntry {
  start: string;
  label: string;
  text: string;
  sources: number;
  matched?: TimelineEntryLabel;
}

/** What `scoreTimeline` measured on one story's timeline. */
export interface TimelineScore {
  entries: ScoredEntry[];
  /** Distinct happenings among the matched entries. */
  happenings: number;
  /** Entries beyond the first for each happening. */
  repeats: number;
  /** Entries labelled as not saying what happened. */
  fragments: number;
  /** Shown entries no label matches: label them before reading the scores. */
  unlabelled: ScoredEntry[];
}

/** True when `event` is the one `label` describes: the same first day and every key word in its text. */
function matches(event: TimelineEvent, label: TimelineEntryLabel): boolean {
  const text = event.text.toLowerCase();
  return event.start === label.start && label.words.every((word) => text.includes(word.toLowerCase()));
}

/**
 * Matches each of `events` (one story's timeline, in its order) to the first label it fits and
 * counts repeats and fragments. Takes the shown entries and the labels; returns the score.
 */
export function scoreTimeline(events: TimelineEvent[], labels: TimelineLabels): TimelineScore {
  const entries: ScoredEntry[] = events.map((event) => {
    const matched = labels.entries.find((label) => matches(event, label));
    return { start: event.start, label: event.label, text: event.text, sources: event.sourceIds.length, ...(matched === undefined ? {} : { matched }) };
  });
  const perHappening = new Map<string, number>();
  for (const entry of entries) {
    if (entry.matched !== undefined) perHappening.set(entry.matched.happening, (perHappening.get(entry.matched.happening) ?? 0) + 1);
  }
  return {
    entries,
    happenings: perHappening.size,
    repeats: [...perHappening.values()].reduce((sum, n) => sum + n - 1, 0),
    fragments: entries.filter((entry) => entry.matched?.fragment === true).length,
    unlabelled: entries.filter((entry) => entry.matched === undefined),
  };
}

/** The report as text: the counts, then each entry with its happening (a fragment marked), unlabelled ones named. */
export function formatTimelineScore(story: string, score: TimelineScore): string {
  const lines = [
    `TIMELINE of ${story}: ${score.entries.length} entries, ${score.happenings} happenings`,
    `  repeats ${score.repeats}  fragments ${score.fragments}  unlabelled ${score.unlabelled.length}`,
  ];
  for (const entry of score.entries) {
    const what = entry.matched === undefined ? 'UNLABELLED' : `${entry.matched.happening}${entry.matched.fragment === true ? ' (fragment)' : ''}`;
    const text = entry.text.length > 110 ? `${entry.text.slice(0, 109)}…` : entry.text;
    lines.push(`  ${entry.start}  [${entry.sources}]  ${what.padEnd(28)} ${text}`);
  }
  return `${lines.join('\n')}\n`;
}
