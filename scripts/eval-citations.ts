/**
 * `npm run eval:citations`: scores a story's citations against hand labels (see eval/README.md).
 *
 * Usage: tsx scripts/eval-citations.ts [--dir <corpus folder>] [--json]
 *   (no --dir)  the seeds' story, built from content/articles, against eval/seeds/fact-gold.json
 *               (citation recall and precision per fact) and eval/seeds/support-labels.json
 *   --dir       a real corpus folder (manifest.json, texts/): its labelled story against
 *               <dir>/support-labels.json
 *   --json      the scores as one object
 * Prints the scores, then every fact whose claim misses or wrongly cites a source, every citation
 * the build marks full that the labels do not, and every unlabelled citation.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleFileError, UsageError } from '../src/errors.ts';
import { buildDate, buildDigestFromDisk } from '../src/io/digest-from-disk.ts';
import { readCorpus } from '../src/eval/corpus-files.ts';
import { evaluateClusters } from '../src/eval/evaluate-clusters.ts';
import {
  checkSupportLabelTexts,
  parseFactGold,
  parseSupportLabels,
  scoreFactGold,
  scoreSupport,
  type FactGoldScore,
  type SupportLabels,
  type SupportScore,
} from '../src/eval/score-citations.ts';
import type { Digest, Story } from '../src/types.ts';
import { exitCodeOf, isEntryPoint } from '../src/io/run-command.ts';

const USAGE = 'npm run eval:citations -- [--dir <corpus folder>] [--json]';
const SEEDS_LABELS = 'eval/seeds';

/** Parses the options; an unknown option is a `UsageError` naming it. */
export function parseCitationArgs(argv: string[]): { dir?: string; json: boolean } {
  let dir: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--dir') {
      const value = argv[(i += 1)];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError('option `--dir` needs a folder', { file: 'command line', field: '--dir', found: value ?? 'nothing after it', fix: `use ${USAGE}` });
      }
      dir = value;
    } else throw new UsageError('unknown option', { file: 'command line', field: arg, found: arg, fix: `use ${USAGE}` });
  }
  return { ...(dir === undefined ? {} : { dir }), json };
}

/** Reads a committed label file; a missing one is an `ArticleFileError` saying what it holds. */
function readLabelFile(file: string, what: string): string {
  if (!existsSync(file)) throw new ArticleFileError(`no ${what}`, { file, found: 'no such file', fix: 'label the story by hand (see eval/README.md)' });
  return readFileSync(file, 'utf8');
}

/** The story holding most of the labelled sentences. */
function labelledStory(digest: Digest, labels: SupportLabels, file: string): Story {
  const labelled = new Set(labels.labels.flatMap((label) => [label.claim, label.sentence]));
  const held = (story: Story): number => story.claims.reduce((sum, claim) => sum + claim.sentenceIds.filter((id) => labelled.has(id)).length, 0);
  const story = [...digest.stories].sort((a, b) => held(b) - held(a))[0];
  if (story === undefined || held(story) === 0) {
    throw new ArticleFileError('no story cites a labelled sentence', { file, field: 'labels', found: `${labels.labels.length} labels`, fix: 'label the citations of the story as the build now shows them' });
  }
  return story;
}

function formatFacts(score: FactGoldScore): string[] {
  const lines = [`FACTS: citation recall ${score.recall.toFixed(3)}  precision ${score.precision.toFixed(3)} (${score.facts.length} facts)`];
  for (const fact of score.facts) {
    if (fact.missing.length === 0 && fact.wrong.length === 0) continue;
    lines.push(`  ${fact.fact} (${fact.claimId ?? 'no claim'})`);
    if (fact.missing.length > 0) lines.push(`    not cited: ${fact.missing.join(', ')}`);
    if (fact.wrong.length > 0) lines.push(`    cited but does not state it: ${fact.wrong.join(', ')}`);
  }
  return lines;
}

function formatSupport(score: SupportScore, digest: Digest): string[] {
  const texts = new Map(digest.sources.flatMap((source) => source.sentences.map((s) => [s.id, s.text])));
  const full = score.citations.filter((c) => c.part === 'full' && c.label !== undefined);
  const lines = [
    `SUPPORT: precision of full ${score.fullPrecision.toFixed(3)} (${full.filter((c) => c.label === 'full').length}/${full.length}), partial found ${score.partialRecall.toFixed(3)}, contradicted ${score.contradicted.length}, unlabelled ${score.unlabelled.length} of ${score.citations.length}`,
  ];
  for (const c of full.filter((c) => c.label !== 'full')) lines.push(`  marked full, labelled ${c.label}: ${c.claimId} ← ${c.sentenceId}: ${texts.get(c.sentenceId)}`);
  for (const c of score.unlabelled) lines.push(`  unlabelled (${c.part}): ${c.claimId} ← ${c.sentenceId}: ${texts.get(c.sentenceId)}`);
  return lines;
}

/** Runs the command; returns the exit code. */
export function main(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseCitationArgs(argv);
    const labelDir = args.dir ?? SEEDS_LABELS;
    const supportFile = path.join(labelDir, 'support-labels.json');
    const support = parseSupportLabels(readLabelFile(supportFile, 'support labels'), supportFile);
    let digest: Digest;
    if (args.dir === undefined) digest = buildDigestFromDisk('content/articles', process.cwd(), { progress: false }).digest;
    else {
      const { manifest, texts } = readCorpus(args.dir);
      digest = evaluateClusters(manifest, texts, buildDate()).digest;
    }
    checkSupportLabelTexts(support, digest, supportFile);
    const story = labelledStory(digest, support, supportFile);
    const supportScore = scoreSupport(story, digest, support);
    let facts: FactGoldScore | undefined;
    if (args.dir === undefined) {
      const factFile = path.join(SEEDS_LABELS, 'fact-gold.json');
      facts = scoreFactGold(story, digest, parseFactGold(readLabelFile(factFile, 'fact gold'), factFile), factFile);
    }
    if (args.json) out(`${JSON.stringify({ story: story.slug, facts, support: supportScore }, null, 2)}\n`);
    else out(`${[`STORY ${story.slug}`, ...(facts === undefined ? [] : formatFacts(facts)), ...formatSupport(supportScore, digest)].join('\n')}\n`);
    return 0;
  } catch (error) {
    return exitCodeOf(error, err);
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
