/**
 * `npm run eval:clusters`: scores the pipeline's stories against a hand-labelled real corpus.
 *
 * Usage: tsx scripts/eval-clusters.ts --dir <corpus folder> [--json] [--stories] [--conflicts] [--timeline] [--derivatives]
 *   --dir        a folder holding manifest.json (committed) and texts/<id>.txt (git-ignored)
 *   --json       one object: { corpus, articles, outlets, bcubed, stories, events, excluded, conflicts? }
 *   --stories    also print each story's headline, summary and key points (to read them for chrome)
 *   --conflicts  also score the labelled story's conflicts against <dir>/conflict-labels.json
 *   --timeline   also print the labelled story's timeline and score it against <dir>/timeline-labels.json
 *   --derivatives  also score the build's derivative families against <dir>/derivative-labels.json
 * Prints BCubed precision/recall/F1, each predicted story with the true labels of its articles,
 * and each true event with the stories it was split into. Exits 1 when texts are missing, naming
 * them and how to gather them again.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleFileError, UsageError } from '../src/errors.ts';
import { buildDate } from '../src/io/digest-from-disk.ts';
import { readCorpus } from '../src/eval/corpus-files.ts';
import { evaluateClusters, type ClusterEvaluation } from '../src/eval/evaluate-clusters.ts';
import { formatConflictScore, parseConflictLabels, scoreConflicts, type ConflictLabels } from '../src/eval/score-conflicts.ts';
import { formatDerivativeScore, parseDerivativeLabels, scoreDerivatives, type DerivativeLabels } from '../src/eval/score-derivatives.ts';
import { formatTimelineScore, parseTimelineLabels, scoreTimeline, type TimelineLabels } from '../src/eval/score-timeline.ts';
import type { Story, TimelineEvent } from '../src/types.ts';
import { exitCodeOf, isEntryPoint } from '../src/io/run-command.ts';

const USAGE = 'npm run eval:clusters -- --dir <corpus folder> [--json] [--stories] [--conflicts] [--timeline] [--derivatives]';

/** What the command line asked for. */
export interface EvalArgs {
  dir: string;
  json: boolean;
  stories: boolean;
  conflicts: boolean;
  timeline: boolean;
  derivatives: boolean;
}

/** Parses the options; an unknown option or a missing `--dir` is a `UsageError` naming it. */
export function parseEvalArgs(argv: string[]): EvalArgs {
  let dir: string | undefined;
  let json = false;
  let stories = false;
  let conflicts = false;
  let timeline = false;
  let derivatives = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--stories') stories = true;
    else if (arg === '--conflicts') conflicts = true;
    else if (arg === '--timeline') timeline = true;
    else if (arg === '--derivatives') derivatives = true;
    else if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? argv[(i += 1)] : arg.slice('--dir='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new UsageError('option `--dir` needs a folder', { file: 'command line', field: '--dir', found: value ?? 'nothing after it', fix: `use ${USAGE}` });
      }
      dir = value;
    } else throw new UsageError('unknown option', { file: 'command line', field: arg, found: arg, fix: `use ${USAGE}` });
  }
  if (dir === undefined) throw new UsageError('no corpus folder given', { file: 'command line', field: '--dir', found: 'no --dir', fix: `use ${USAGE}` });
  return { dir, json, stories, conflicts, timeline, derivatives };
}

/** The report as text: scores, then stories with their labels, then events with their splits. */
export function formatEvaluation(result: ClusterEvaluation, withStories: boolean): string {
  const { precision, recall, f1 } = result.bcubed;
  const lines = [
    `CORPUS ${result.corpus}: ${result.articles} articles, ${result.outlets} outlets, ${result.events.length} events → ${result.stories.length} stories`,
    `  BCubed precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`,
    '',
    'STORIES (true labels of their articles)',
  ];
  const stories = new Map(result.digest.stories.map((story) => [story.slug, story]));
  for (const story of result.stories) {
    const mixed = story.labels.length > 1 ? '  ← mixes events' : '';
    lines.push(`  ${String(story.articleIds.length).padStart(3)}  ${story.slug}${mixed}`, `       ${story.labels.map(([label, n]) => `${label} ×${n}`).join(', ')}`);
    const full = stories.get(story.slug);
    if (withStories && full !== undefined) {
      lines.push(`       headline: ${full.title}`, `       summary:  ${full.summary}`);
      for (const point of full.keyPoints) lines.push(`       • ${point}`);
    }
  }
  lines.push('', 'EVENTS (the stories their articles went to)');
  for (const event of result.events) {
    const split = event.stories.length > 1 ? `  ← split in ${event.stories.length}` : '';
    lines.push(`  ${String(event.size).padStart(3)}  ${event.label}${split}`, `       ${event.stories.map(([slug, n]) => `${slug} ×${n}`).join(', ')}`);
  }
  if (result.excluded.length > 0) {
    lines.push('', 'EXCLUDED');
    for (const item of result.excluded) lines.push(`  ${item.id}: ${item.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads `<dir>/conflict-labels.json`; a missing file is an `ArticleFileError` saying what it holds. */
function readConflictLabels(dir: string): ConflictLabels {
  const file = path.join(dir, 'conflict-labels.json');
  if (!existsSync(file)) {
    throw new ArticleFileError('the corpus folder has no conflict-labels.json', { file, found: 'no such file', fix: 'label the largest story\'s conflicts by hand (see eval/README.md) or drop --conflicts' });
  }
  return parseConflictLabels(readFileSync(file, 'utf8'), file);
}

/** Reads `<dir>/timeline-labels.json`; a missing file is an `ArticleFileError` saying what it holds. */
function readTimelineLabels(dir: string): TimelineLabels {
  const file = path.join(dir, 'timeline-labels.json');
  if (!existsSync(file)) {
    throw new ArticleFileError('the corpus folder has no timeline-labels.json', { file, found: 'no such file', fix: 'label the largest story\'s timeline entries by hand (see eval/README.md) or drop --timeline' });
  }
  return parseTimelineLabels(readFileSync(file, 'utf8'), file);
}

/** Reads `<dir>/derivative-labels.json`; a missing file is an `ArticleFileError` saying what it holds. */
function readDerivativeLabels(dir: string): DerivativeLabels {
  const file = path.join(dir, 'derivative-labels.json');
  if (!existsSync(file)) {
    throw new ArticleFileError('the corpus folder has no derivative-labels.json', { file, found: 'no such file', fix: 'label which articles of the largest story are one report (see eval/README.md) or drop --derivatives' });
  }
  return parseDerivativeLabels(readFileSync(file, 'utf8'), file);
}

/** The story holding the most articles of the labelled event. */
function labelledStory(result: ClusterEvaluation, event: string, file: string): Story {
  const count = (slug: string): number => result.stories.find((s) => s.slug === slug)?.labels.find(([label]) => label === event)?.[1] ?? 0;
  const story = [...result.digest.stories].sort((a, b) => count(b.slug) - count(a.slug) || a.slug.localeCompare(b.slug))[0];
  if (story === undefined || count(story.slug) === 0) {
    throw new ArticleFileError('no story holds an article of the labelled event', { file, field: 'event', found: event, fix: 'name an event of the manifest' });
  }
  return story;
}

/** The timeline entries of `story`, in the digest's order. */
function storyTimeline(result: ClusterEvaluation, story: Story): TimelineEvent[] {
  const ids = new Set(story.timelineIds);
  return result.digest.timeline.filter((event) => ids.has(event.id));
}

/** Runs the command; returns the exit code. */
export function main(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseEvalArgs(argv);
    const { manifest, texts } = readCorpus(args.dir);
    const labels = args.conflicts ? readConflictLabels(args.dir) : undefined;
    const timelineLabels = args.timeline ? readTimelineLabels(args.dir) : undefined;
    const derivativeLabels = args.derivatives ? readDerivativeLabels(args.dir) : undefined;
    const result = evaluateClusters(manifest, texts, buildDate());
    const conflicts = labels === undefined ? undefined : scoreConflicts(labelledStory(result, labels.event, path.join(args.dir, 'conflict-labels.json')), labels);
    const timelineStory = timelineLabels === undefined ? undefined : labelledStory(result, timelineLabels.event, path.join(args.dir, 'timeline-labels.json'));
    const timeline = timelineStory === undefined || timelineLabels === undefined ? undefined : scoreTimeline(storyTimeline(result, timelineStory), timelineLabels);
    const derivatives = derivativeLabels === undefined ? undefined : scoreDerivatives(result.digest, derivativeLabels);
    if (args.json) {
      const { digest: _digest, ...rest } = result;
      out(`${JSON.stringify({ ...rest, ...(conflicts === undefined ? {} : { conflicts }), ...(timeline === undefined ? {} : { timeline }), ...(derivatives === undefined ? {} : { derivatives }) }, null, 2)}\n`);
    } else {
      out(
        formatEvaluation(result, args.stories) +
          (conflicts === undefined ? '' : `\n${formatConflictScore(conflicts)}`) +
          (timeline === undefined || timelineStory === undefined ? '' : `\n${formatTimelineScore(timelineStory.slug, timeline)}`) +
          (derivatives === undefined ? '' : `\n${formatDerivativeScore(derivatives)}`),
      );
    }
    return 0;
  } catch (error) {
    return exitCodeOf(error, err);
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
