/**
 * The file-system side of the sentence-pair evaluation: reads a story's texts (the seeds from
 * `content/articles`, a real corpus from `eval/<corpus>/texts`) and splits them as the pipeline
 * does (import as `npm run add` would, normalize with page chrome removed, split into sentences).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleFileError } from '../errors.ts';
import { readArticleFiles } from '../io/article-files.ts';
import { segmentArticles } from '../pipeline/article-cache.ts';
import { ingestArticles } from '../pipeline/ingest.ts';
import { ProblemListError } from '../errors.ts';
import type { ArticleFile, IsoDate, SegmentedArticle } from '../types.ts';
import { parseManifest, type CorpusManifest } from './corpus-manifest.ts';
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

/** Reads `eval/<corpus>/manifest.json`. */
export function readManifest(repoRoot: string, corpus: string): CorpusManifest {
  const file = path.join(repoRoot, 'eval', corpus, 'manifest.json');
  if (!existsSync(file)) throw new ArticleFileError('the corpus folder has no manifest.json', { file, found: 'no such file', fix: 'name a corpus folder of eval/ that holds one' });
  return parseManifest(readFileSync(file, 'utf8'), file);
}

/**
 * Splits the named articles of `corpus` (`seeds`, or a folder of eval/), or all of them when
 * `ids` is not given. Throws an `ArticleFileError` naming every missing text and how to gather it.
 */
export function readStory(repoRoot: string, corpus: string, today: IsoDate, ids?: readonly string[]): SplitStory {
  if (corpus === 'seeds') {
    const files = readArticleFiles(path.join(repoRoot, SEEDS_DIR), repoRoot).filter((f) => f.path.endsWith('.md'));
    const idOf = (f: ArticleFile) => path.basename(f.path, '.md');
    const wanted = ids === undefined ? files : files.filter((f) => ids.includes(idOf(f)));
    return { articles: splitArticleFiles(wanted, today), textPath: (id) => `${SEEDS_DIR}/${id}.md` };
  }
  const manifest = readManifest(repoRoot, corpus);
  const chosen = ids === undefined ? manifest.articles : manifest.articles.filter((a) => ids.includes(a.id));
  const textPath = (id: string) => path.join('eval', corpus, 'texts', `${id}.txt`);
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const article of chosen) {
    const file = path.join(repoRoot, textPath(article.id));
    if (existsSync(file)) texts.set(article.id, readFileSync(file, 'utf8'));
    else missing.push(article.id);
  }
  if (missing.length > 0) {
    throw new ArticleFileError(`${missing.length} text(s) the sentence pairs need are missing`, {
      file: path.join('eval', corpus, 'texts'),
      found: missing.join(', '),
      fix: `gather each text again from its url and query in eval/${corpus}/manifest.json (see eval/README.md) and save it as texts/<id>.txt, unchanged`,
    });
  }
  const files = corpusArticleFiles({ ...manifest, articles: chosen }, texts);
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
    const manifest = readManifest(repoRoot, corpus);
    const ids = manifest.articles.map((a) => a.id);
    const texts = new Map<string, string>();
    for (const id of ids) {
      const file = path.join(repoRoot, 'eval', corpus, 'texts', `${id}.txt`);
      if (!existsSync(file)) {
        throw new ArticleFileError('a text of the corpus is missing, so the build cannot be compared', { file: path.join('eval', corpus, 'texts', `${id}.txt`), found: 'no such file', fix: 'gather it again (eval/README.md), or leave out --build' });
      }
      texts.set(id, readFileSync(file, 'utf8'));
    }
    files = corpusArticleFiles(manifest, texts);
  }
  return buildDigest(files, { today }).digest.stories.flatMap((story) => story.claims);
}
