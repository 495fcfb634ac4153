/**
 * Scores the derivatives stage on a real corpus against hand labels
 * (`eval/<corpus>/derivative-labels.json`): which articles of a story are one report (copies, wire
 * editions, rewrites) and which are independent. The build's families are read from the digest
 * (`sources[].derivativeOf`: an article and every article pointing at it are one family), and the
 * two are compared over every pair of labelled articles, as pairwise clustering scores are:
 *
 * - precision: of the pairs the build puts in one family, the share labelled one report;
 * - recall: of the pairs labelled one report, the share the build puts in one family;
 * - independent reports: families (a lone article is a family of one) among the labelled articles,
 *   built against labelled. A false link undercounts them, which a reader cannot see.
 *
 * Pairs labelled `unsure` count neither way. Pure: the labels come in parsed;
 * `scripts/eval-clusters.ts` reads the file.
 */
import { z } from 'zod';
import { parseEvalJson } from './corpus-manifest.ts';
import type { Digest } from '../types.ts';

/** Articles that are one report, with why. */
const FamilySchema = z.object({
  /** Article ids of the manifest, two or more. */
  ids: z.array(z.string().min(1)).min(2),
  /** Why they are one report, in one line, after reading them side by side. */
  reason: z.string().min(1),
});

/** One labelled story: every article read, the families among them, and the pairs left undecided. */
const StoryLabelsSchema = z.object({
  /** The manifest event whose articles were read. */
  event: z.string().min(1),
  /** Every article read; those in no family are independent reports. */
  articles: z.array(z.string().min(1)).min(1),
  /** Groups of articles that are one report. */
  families: z.array(FamilySchema),
  /** Pairs the texts do not settle; scored neither as a miss nor as a wrong link. */
  unsure: z.array(FamilySchema.extend({ ids: z.array(z.string().min(1)).length(2) })).default([]),
});

/** The derivative labels of one corpus. */
export const DerivativeLabelsSchema = z
  .object({
    /** What counts as one report, what was read and when, for whoever labels again. */
    about: z.string().min(1),
    stories: z.array(StoryLabelsSchema).min(1),
  })
  .superRefine((labels, context) => {
    labels.stories.forEach((story, s) => {
      const read = new Set(story.articles);
      const seen = new Set<string>();
      const groups = [...story.families.map((f) => ['families', f] as const), ...story.unsure.map((f) => ['unsure', f] as const)];
      groups.forEach(([field, family]) => {
        for (const id of family.ids) {
          if (!read.has(id)) context.addIssue({ code: 'custom', path: ['stories', s, field], message: `\`${id}\` is not among the story's articles` });
        }
      });
      story.families.forEach((family, f) => {
        for (const id of family.ids) {
          if (seen.has(id)) context.addIssue({ code: 'custom', path: ['stories', s, 'families', f], message: `\`${id}\` is in two families` });
          seen.add(id);
        }
      });
    });
  });

export type DerivativeLabels = z.infer<typeof DerivativeLabelsSchema>;
export type DerivativeStoryLabels = z.infer<typeof StoryLabelsSchema>;

/** Parses derivative-labels.json; a malformed file is a `ManifestError` naming the field. */
export function parseDerivativeLabels(text: string, file: string): DerivativeLabels {
  return parseEvalJson(text, file, DerivativeLabelsSchema, 'the derivative labels', 'DerivativeLabelsSchema in src/eval/score-derivatives.ts');
}

/** A pair of article ids, the smaller first. */
export type IdPair = [string, string];

/** What `scoreDerivatives` measured on one labelled story. */
export interface StoryDerivativeScore {
  event: string;
  /** The built story holding most of the labelled articles, and the independent count it shows. */
  story: { slug: string; independentSourceCount: number; sources: number } | undefined;
  /** Labelled articles the digest holds (an excluded article is left out of every count). */
  articles: number;
  /** Pairs both call one report. */
  agreed: IdPair[];
  /** Pairs the build links that the labels call independent. */
  wrong: IdPair[];
  /** Pairs labelled one report that the build leaves apart. */
  missed: IdPair[];
  /** Of built same-report pairs, the share labelled so (1 when the build links none). */
  precision: number;
  /** Of labelled same-report pairs, the share built so (1 when none is labelled). */
  recall: number;
  /** Reports among the labelled articles: families, a lone article counting one. */
  independent: { built: number; labelled: number };
}

/** What `scoreDerivatives` measured on a corpus: each story, and the pairs summed over them. */
export interface DerivativeScore {
  stories: StoryDerivativeScore[];
  precision: number;
  recall: number;
  independent: { built: number; labelled: number };
}

function pairKey(a: string, b: string): IdPair {
  return a < b ? [a, b] : [b, a];
}

/** Every pair of `ids` whose groups (`groupOf`) are equal, as sorted pair keys. */
function samePairs(ids: readonly string[], groupOf: (id: string) => string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const [a, b] = [ids[i] as string, ids[j] as string];
      if (groupOf(a) === groupOf(b)) pairs.add(pairKey(a, b).join(' '));
    }
  }
  return pairs;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/** Scores one labelled story against the digest's families. */
function scoreStory(digest: Digest, labels: DerivativeStoryLabels): StoryDerivativeScore {
  const sources = new Map(digest.sources.map((source) => [source.id, source]));
  const ids = labels.articles.filter((id) => sources.has(id)).sort();
  // An article's family is its representative's: the story, so articles of two stories never share one.
  const builtGroup = (id: string): string => {
    const source = sources.get(id);
    return `${source?.storySlug ?? ''} ${source?.derivativeOf ?? id}`;
  };
  const labelledFamily = new Map<string, string>();
  labels.families.forEach((family, f) => family.ids.forEach((id) => labelledFamily.set(id, `family ${f}`)));
  const labelGroup = (id: string): string => labelledFamily.get(id) ?? id;
  const unsure = new Set(labels.unsure.map((pair) => pairKey(pair.ids[0] as string, pair.ids[1] as string).join(' ')));

  const built = samePairs(ids, builtGroup);
  const labelled = samePairs(ids, labelGroup);
  const split = (key: string): IdPair => key.split(' ') as IdPair;
  const agreed = [...built].filter((key) => labelled.has(key)).map(split);
  const wrong = [...built].filter((key) => !labelled.has(key) && !unsure.has(key)).map(split);
  const missed = [...labelled].filter((key) => !built.has(key)).map(split);

  const slugCounts = new Map<string, number>();
  for (const id of ids) {
    const slug = sources.get(id)?.storySlug ?? '';
    slugCounts.set(slug, (slugCounts.get(slug) ?? 0) + 1);
  }
  const slug = [...slugCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const story = digest.stories.find((s) => s.slug === slug);
  return {
    event: labels.event,
    story: story === undefined ? undefined : { slug: story.slug, independentSourceCount: story.independentSourceCount, sources: story.sourceIds.length },
    articles: ids.length,
    agreed,
    wrong,
    missed,
    precision: ratio(agreed.length, agreed.length + wrong.length),
    recall: ratio(agreed.length, agreed.length + missed.length),
    independent: { built: new Set(ids.map(builtGroup)).size, labelled: new Set(ids.map(labelGroup)).size },
  };
}

/**
 * Compares the digest's derivative families with the labels, story by story, over every pair of
 * labelled articles the digest holds. Takes the built digest and the parsed labels.
 */
export function scoreDerivatives(digest: Digest, labels: DerivativeLabels): DerivativeScore {
  const stories = labels.stories.map((story) => scoreStory(digest, story));
  const sum = (pick: (s: StoryDerivativeScore) => number): number => stories.reduce((total, s) => total + pick(s), 0);
  const [agreed, wrong, missed] = [sum((s) => s.agreed.length), sum((s) => s.wrong.length), sum((s) => s.missed.length)];
  return {
    stories,
    precision: ratio(agreed, agreed + wrong),
    recall: ratio(agreed, agreed + missed),
    independent: { built: sum((s) => s.independent.built), labelled: sum((s) => s.independent.labelled) },
  };
}

/** The report as text: the totals, then per story its counts and every wrong and missed pair. */
export function formatDerivativeScore(score: DerivativeScore): string {
  const pairs = (score: { precision: number; recall: number }): string => `precision ${score.precision.toFixed(2)}  recall ${score.recall.toFixed(2)}`;
  const lines = [
    'DERIVATIVES (pairs of articles that are one report)',
    `  ${pairs(score)}  independent reports built ${score.independent.built}, labelled ${score.independent.labelled}`,
  ];
  for (const story of score.stories) {
    const shown = story.story === undefined ? '' : `; ${story.story.slug} shows ${story.story.independentSourceCount} independent of ${story.story.sources}`;
    lines.push(
      `  ${story.event}: ${story.articles} articles, ${story.agreed.length} pairs linked and labelled, ${story.wrong.length} wrong, ${story.missed.length} missed${shown}`,
      `    ${pairs(story)}  independent built ${story.independent.built}, labelled ${story.independent.labelled}`,
    );
    for (const [a, b] of story.wrong) lines.push(`    WRONG   ${a} + ${b}`);
    for (const [a, b] of story.missed) lines.push(`    MISSED  ${a} + ${b}`);
  }
  return `${lines.join('\n')}\n`;
}
