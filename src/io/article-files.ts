/**
 * Reads the content folder from disk: the file-system side of the ingest stage.
 *
 * Returns every file under the folder (sub-folders included, hidden files included), not only
 * `.md` ones, so ingest can account for each file in the build report rather than skip it silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ArticleFileError } from '../errors.ts';
import type { ArticleFile } from '../types.ts';

/**
 * Every file under `contentDir`, as raw bytes, sorted by path. Paths are relative to `repoRoot`
 * with forward slashes (e.g. `content/articles/orland-ridgeback.md`), so reports and ids are the same on
 * every machine. Throws an `ArticleFileError` naming the folder when it does not exist.
 */
export function readArticleFiles(contentDir: string, repoRoot: string): ArticleFile[] {
  const shown = toRepoPath(contentDir, repoRoot);
  let isFolder = false;
  try {
    isFolder = statSync(contentDir).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new ArticleFileError('the content folder does not exist', {
      file: shown,
      found: 'no folder at this path',
      fix: `create it (mkdir -p ${shown}) and add articles with \`npm run add <file>\``,
    });
  }

  const files: ArticleFile[] = [];
  for (const full of walk(contentDir)) {
    files.push({ path: toRepoPath(full, repoRoot), bytes: new Uint8Array(readFileSync(full)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Paths of the regular files (or links to files) under `dir`, depth first. */
function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
    else if (entry.isSymbolicLink() && statSafe(full)?.isFile()) yield full;
  }
}

function statSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function toRepoPath(path: string, repoRoot: string): string {
  return relative(repoRoot, path).split(sep).join('/');
}
