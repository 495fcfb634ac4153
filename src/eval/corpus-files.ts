/**
 * Reads a real-coverage corpus folder (`eval/<corpus>/`): its committed manifest and its
 * git-ignored texts. The one place the eval commands (`eval:clusters`, `eval:citations`,
 * `eval:pairs`) read a corpus, so a missing text is reported the same way by each.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleFileError } from '../errors.ts';
import { parseManifest, type CorpusManifest } from './corpus-manifest.ts';

/** A corpus as read: its manifest (only the articles asked for) and each article's text by id. */
export interface CorpusFiles {
  manifest: CorpusManifest;
  texts: Map<string, string>;
}

/**
 * Reads `<dir>/manifest.json` and `<dir>/texts/<id>.txt` for every article, or only for `ids`
 * when given (the manifest returned then lists only those). A missing manifest, or any missing
 * text, is an `ArticleFileError` naming the file or every missing id and how to gather them again.
 */
export function readCorpus(dir: string, ids?: readonly string[]): CorpusFiles {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new ArticleFileError('the corpus folder has no manifest.json', { file: manifestPath, found: 'no such file', fix: 'pass a folder such as eval/deals' });
  }
  const full = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
  const manifest = ids === undefined ? full : { ...full, articles: full.articles.filter((article) => ids.includes(article.id)) };
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const article of manifest.articles) {
    const file = path.join(dir, 'texts', `${article.id}.txt`);
    if (existsSync(file)) texts.set(article.id, readFileSync(file, 'utf8'));
    else missing.push(article.id);
  }
  if (missing.length > 0) {
    throw new ArticleFileError(`${missing.length} of ${manifest.articles.length} texts are missing`, {
      file: path.join(dir, 'texts'),
      found: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : ''),
      fix: 'gather each text again from its url and query in the manifest (see eval/README.md) and save it as texts/<id>.txt, unchanged',
    });
  }
  return { manifest, texts };
}
