/**
 * Writes new files without ever overwriting one, atomically: the content goes to a temporary file
 * in the same folder first, then `link` gives it its final name, which the OS refuses if the name
 * is taken. So a reader never sees a half-written article, two `npm run add` at once both land
 * (different names) or one fails cleanly (same name), and an existing article is never changed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ArticleConflictError } from '../errors.ts';

/**
 * Creates `file` with `data`, failing with `ArticleConflictError` if it already exists.
 * `displayName` is the path to name in the error (repo-relative, say). Creates missing folders.
 */
export function writeNewFile(file: string, data: string | Uint8Array, displayName = file): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  // A dot-name ending in .tmp, so no reader that globs *.md ever picks up a half-written file.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ArticleConflictError('a file with this name already exists; it was left unchanged', {
        file: displayName,
        found: 'an existing file',
        fix: 'choose another name (for an article: pass --slug <new-slug>), or delete the existing file first if it should be replaced',
      }, { cause: error });
    }
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Writes `content/…/<slug>.md` under `contentDir`; returns its path. Throws
 * `ArticleConflictError` naming the article when the slug is taken.
 */
export function writeArticle(contentDir: string, slug: string, text: string, displayDir = contentDir): string {
  const file = path.join(contentDir, `${slug}.md`);
  try {
    writeNewFile(file, text, path.join(displayDir, `${slug}.md`));
  } catch (error) {
    if (error instanceof ArticleConflictError) {
      throw new ArticleConflictError(`an article with the slug \`${slug}\` already exists; it was left unchanged`, {
        file: path.join(displayDir, `${slug}.md`),
        field: 'slug',
        found: `${slug}.md is already in ${displayDir}`,
        fix: 'pass --slug <another-slug> to import this as a separate article, or edit the existing article instead of importing again',
      }, { cause: error });
    }
    throw error;
  }
  return file;
}
