/**
 * The file-system side of the sentence-pair evaluation: reads a story's texts (the seeds from
 * `content/articles`, a real corpus from `eval/<corpus>/texts`) and splits them as the pipeline
 * does (import as `npm run add` would, normalize with page chrome removed, split into sentences).
 */
import path from 'node:path';
import { readArticleFiles } from '../io/article-files.ts';
import { segmentArticles } from '../pipeline/article-cache.ts';
import { ingestArticles } from '../pipeline/ingest.ts';
import { ProblemListError } from '../errors.ts';
import type { ArticleFile, IsoDate, SegmentedArticle } from '../types.ts';
import { readCorpus } from './corpus-files.ts';
import { corpusArticleFiles } from './evaluate-clusters.ts';
import { buildDigest } from '../pipeline/build-digest.ts';
import type { Claim } from '../types.ts';

/** The folder of the seeds' articles, the one corpus that is not under eval/. */
export const SEEDS_DIR = 'content/articles';

/** A story's texts, split, with where each text lives (for messages). */
export interface SplitStory {
  articles: SegmentedArticle[];
  textPath: (articleId: string) => string;
}

/** Imports, normalizes and splits article files exactly as the build does. */
export function splitArticleFiles(files: ArticleFile[], today: IsoDate): SegmentedArticle[] {
  const ingested = ingestArticles(files, { today });
  if (ingested.problems.length > 0) throw new ProblemListError(ingested.problems);
  return segmentArticles(ingested.articles).articles;
}

/**
 * Splits the named articles of `corpus` (`seeds`, or a folder of eval/), or all of them when
 * `ids` is not given. A missing text is `readCorpus`'s `ArticleFileError`, naming every one.
 */
export function readStory(repoRoot: string, corpus: string, today: IsoDate, ids?: readonly string[]): SplitStory {
  if (corpus === 'seeds') {
    const files = readArticleFiles(path.join(repoRoot, SEEDS_DIR), repoRoot).filter((f) => f.path.endsWith('.md'));
    const idOf = (f: ArticleFile) => path.basename(f.path, '.md');
    const wanted = ids === undefined ? files : files.filter((f) => ids.includes(idOf(f)));
    return { articles: splitArticleFiles(wanted, today), textPath: (id) => `${SEEDS_DIR}/${id}.md` };
  }
  const { manifest, texts } = readCorpus(path.join(repoRoot, 'eval', corpus), ids);
  const textPath = (id: string) => path.join('eval', corpus, 'texts', `${id}.txt`);
  const files = corpusArticleFiles(manifest, texts);
  return { articles: splitArticleFiles(files, today), textPath };
}

/**
 * Every claim of the digest the build makes of a whole corpus (the seeds: content/articles; a real
 * corpus: all its manifest's texts, as `npm run eval:clusters` builds them).
 */
export function corpusClaims(repoRoot: string, corpus: string, today: IsoDate): Claim[] {
  let files: ArticleFile[];
  if (corpus === 'seeds') files = readArticleFiles(path.join(repoRoot, SEEDS_DIR), repoRoot);
  else {
    const { manifest, texts } = readCorpus(path.join(repoRoot, 'eval', corpus));
    files = corpusArticleFiles(manifest, texts);
  }
  return buildDigest(files, { today }).digest.stories.flatMap((story) => story.claims);
}
