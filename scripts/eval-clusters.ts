/**
 * `npm run eval:clusters`: scores the pipeline's stories against a hand-labelled real corpus.
 *
 * Usage: tsx scripts/eval-clusters.ts --dir <corpus folder> [--json] [--stories]
 *   --dir      a folder holding manifest.json (committed) and texts/<id>.txt (git-ignored)
 *   --json     one object: { corpus, articles, outlets, bcubed, stories, events, excluded }
 *   --stories  also print each story's headline, summary and key points (to read them for chrome)
 * Prints BCubed precision/recall/F1, each predicted story with the true labels of its articles,
 * and each true event with the stories it was split into. Exits 1 when texts are missing, naming
 * them and how to gather them again.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArticleFileError, DigestError, UsageError } from '../src/errors.ts';
import { buildDate } from '../src/io/digest-from-disk.ts';
import { parseManifest } from '../src/eval/corpus-manifest.ts';
import { evaluateClusters, type ClusterEvaluation } from '../src/eval/evaluate-clusters.ts';

const USAGE = 'npm run eval:clusters -- --dir <corpus folder> [--json] [--stories]';

/** What the command line asked for. */
export interface EvalArgs {
  dir: string;
  json: boolean;
  stories: boolean;
}

/** Parses the options; an unknown option or a missing `--dir` is a `UsageError` naming it. */
export function parseEvalArgs(argv: string[]): EvalArgs {
  let dir: string | undefined;
  let json = false;
  let stories = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--stories') stories = true;
    else if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? argv[(i += 1)] : arg.slice('--dir='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new UsageError('option `--dir` needs a folder', { file: 'command line', field: '--dir', found: value ?? 'nothing after it', fix: `use ${USAGE}` });
      }
      dir = value;
    } else throw new UsageError('unknown option', { file: 'command line', field: arg, found: arg, fix: `use ${USAGE}` });
  }
  if (dir === undefined) throw new UsageError('no corpus folder given', { file: 'command line', field: '--dir', found: 'no --dir', fix: `use ${USAGE}` });
  return { dir, json, stories };
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

/** Runs the command; returns the exit code. */
export function main(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseEvalArgs(argv);
    const manifestPath = path.join(args.dir, 'manifest.json');
    if (!existsSync(manifestPath)) {
      throw new ArticleFileError('the corpus folder has no manifest.json', { file: manifestPath, found: 'no such file', fix: 'pass a folder such as eval/deals' });
    }
    const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const article of manifest.articles) {
      const file = path.join(args.dir, 'texts', `${article.id}.txt`);
      if (existsSync(file)) texts.set(article.id, readFileSync(file, 'utf8'));
      else missing.push(article.id);
    }
    if (missing.length > 0) {
      throw new ArticleFileError(`${missing.length} of ${manifest.articles.length} texts are missing`, {
        file: path.join(args.dir, 'texts'),
        found: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : ''),
        fix: `gather each text again from its url and query in the manifest (see ${path.join(args.dir, 'README.md')}) and save it as texts/<id>.txt`,
      });
    }
    const result = evaluateClusters(manifest, texts, buildDate());
    if (args.json) {
      const { digest: _digest, ...rest } = result;
      out(`${JSON.stringify(rest, null, 2)}\n`);
    } else out(formatEvaluation(result, args.stories));
    return 0;
  } catch (error) {
    if (error instanceof DigestError) {
      err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
