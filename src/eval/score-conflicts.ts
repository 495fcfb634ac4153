/**
 * Scores the conflicts of a real corpus's largest story against hand labels
 * (`eval/<corpus>/conflict-labels.json`): each conflict the digest shows is matched to a label by
 * its variant values, and precision and recall are counted the way a reader meets them.
 *
 * - Precision: of the contradictions shown, how many are real disagreements. A possible rounding
 *   is a lighter note, not a contradiction; it is counted apart (correct when labelled `rounding`).
 * - Recall: of the real disagreements labelled (shown by some build, or found by reading the
 *   story's claims), how many are shown as a contradiction with every labelled value among its
 *   variants.
 *
 * Pure: the labels come in parsed; `scripts/eval-clusters.ts` reads the file.
 */
import { z } from 'zod';
import { parseEvalJson } from './corpus-manifest.ts';
import type { Conflict, Story } from '../types.ts';

/** One labelled conflict: a disagreement the build showed, or a real one found by reading the claims. */
const LabelSchema = z.object({
  /** The attribute in the labeller's words ("statewide death toll"), not the sources'. */
  topic: z.string().min(1),
  /** The values as the digest writes them; a shown conflict matches when its variants are exactly these. */
  values: z.array(z.string().min(1)).min(2),
  /** `real`: the values cannot all be true; `false`: they can (or measure different things); `rounding`: one value rounded. */
  label: z.enum(['real', 'false', 'rounding']),
  /** Why, in one line, after reading the sources. */
  reason: z.string().min(1),
});

/** The labels of one corpus: which story, and every conflict labelled in it. */
export const ConflictLabelsSchema = z.object({
  /** The manifest event whose largest story is labelled. */
  event: z.string().min(1),
  /** What was read and when, for whoever labels again. */
  about: z.string().min(1),
  conflicts: z.array(LabelSchema),
});

export type ConflictLabel = z.infer<typeof LabelSchema>;
export type ConflictLabels = z.infer<typeof ConflictLabelsSchema>;

/** Parses conflict-labels.json; a malformed file is a `ManifestError` naming the field. */
export function parseConflictLabels(text: string, file: string): ConflictLabels {
  return parseEvalJson(text, file, ConflictLabelsSchema, 'the conflict labels', 'ConflictLabelsSchema in src/eval/score-conflicts.ts');
}

/** One shown conflict with the label it matched (or none). */
export interface ScoredConflict {
  topic: string;
  kind: Conflict['kind'];
  values: string[];
  label?: ConflictLabel;
}

/** What `scoreConflicts` measured on one story. */
export interface ConflictScore {
  story: string;
  shown: ScoredConflict[];
  /** Contradictions shown and labelled real, over contradictions shown (1 when none is shown). */
  precision: number;
  /** Real disagreements shown as a contradiction, over real disagreements labelled (1 when none is labelled). */
  recall: number;
  /** Real disagreements no contradiction shows. */
  missed: ConflictLabel[];
  /** Shown conflicts no label matches: label them before reading the scores. */
  unlabelled: ScoredConflict[];
}

const key = (values: string[]): string => JSON.stringify([...values].sort());

/** Matches `story`'s conflicts to `labels` by their values and counts precision and recall. */
export function scoreConflicts(story: Story, labels: ConflictLabels): ConflictScore {
  const byValues = new Map(labels.conflicts.map((label) => [key(label.values), label]));
  const shown: ScoredConflict[] = story.conflicts.map((conflict) => {
    const values = conflict.variants.map((variant) => variant.text);
    const label = byValues.get(key(values));
    return { topic: conflict.topic, kind: conflict.kind, values, ...(label === undefined ? {} : { label }) };
  });
  const contradictions = shown.filter((conflict) => conflict.kind === 'contradiction');
  const correct = contradictions.filter((conflict) => conflict.label?.label === 'real').length;
  const real = labels.conflicts.filter((label) => label.label === 'real');
  const surfaced = (label: ConflictLabel): boolean =>
    contradictions.some((conflict) => conflict.label?.label === 'real' && label.values.every((value) => conflict.values.includes(value)));
  const missed = real.filter((label) => !surfaced(label));
  return {
    story: story.slug,
    shown,
    precision: contradictions.length === 0 ? 1 : correct / contradictions.length,
    recall: real.length === 0 ? 1 : (real.length - missed.length) / real.length,
    missed,
    unlabelled: shown.filter((conflict) => conflict.label === undefined),
  };
}

/** The report as text: the scores, each shown conflict with its label, then what was missed. */
export function formatConflictScore(score: ConflictScore): string {
  const contradictions = score.shown.filter((c) => c.kind === 'contradiction').length;
  const lines = [
    `CONFLICTS of ${score.story}: ${score.shown.length} shown (${contradictions} contradictions)`,
    `  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`,
  ];
  for (const conflict of score.shown) {
    lines.push(`  [${conflict.kind}] ${conflict.values.join(' | ')}  → ${conflict.label === undefined ? 'UNLABELLED' : `${conflict.label.label}: ${conflict.label.reason}`}`);
  }
  for (const label of score.missed) lines.push(`  missed: ${label.topic}: ${label.values.join(' | ')}`);
  return `${lines.join('\n')}\n`;
}
