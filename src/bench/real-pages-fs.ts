/**
 * The real saved pages on disk: reading the manifest, loading the pages it lists (checking each is
 * exactly the file the manifest names), and gathering them from the projects' git repositories.
 * The pure half (the manifest's types, the expected text) is `real-pages.ts`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleFileError } from '../errors.ts';
import { expectedArticleText, realPagePath, type RealPage, type RealPagesManifest } from './real-pages.ts';

/** Where the manifest and the gathered pages live, relative to the repo root. */
export const REAL_PAGES_DIR = path.join('tests', 'fixtures', 'import', 'real-pages');

/** The command that gathers the pages, for messages. */
export const GATHER_COMMAND = 'npm run fixtures:real-pages -- --from trafilatura=<git dir of adbar/trafilatura> --from postlight=<git dir of postlight/parser>';

/** One real page read from disk. */
export interface LoadedPage {
  page: RealPage;
  /** `<project>/<file name>`, as under the real-pages folder. */
  name: string;
  html: string;
}

/** Reads `pages.json` from `dir`. */
export function readManifest(dir: string = REAL_PAGES_DIR): RealPagesManifest {
  return JSON.parse(readFileSync(path.join(dir, 'pages.json'), 'utf8')) as RealPagesManifest;
}

/**
 * Loads every page the manifest lists. Throws an `ArticleFileError` naming the first page that is
 * missing or differs from the manifest's SHA-256, with the command that gathers them.
 */
export function loadRealPages(dir: string = REAL_PAGES_DIR): LoadedPage[] {
  const manifest = readManifest(dir);
  return manifest.pages.map((page) => {
    const name = realPagePath(page);
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      throw new ArticleFileError('a real saved page is missing', {
        file,
        found: 'no file (the pages are third-party files, kept out of the repository)',
        fix: `gather them: ${GATHER_COMMAND}`,
      });
    }
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== page.sha256) {
      throw new ArticleFileError('a real saved page is not the file the manifest names', {
        file,
        found: `SHA-256 ${sha256}, the manifest says ${page.sha256}`,
        fix: `gather the pages again: ${GATHER_COMMAND}`,
      });
    }
    return { page, name, html: bytes.toString('utf8') };
  });
}

/**
 * Copies every page of the manifest, and each project's license files, out of the projects' git
 * repositories (`gitDirs`: project key → a clone or bare git directory holding the manifest's
 * commit) into `dir`, checks each page's SHA-256, and writes each page's expected article text
 * beside it as `<name>.expected.txt`. Returns the paths written.
 */
export function gatherRealPages(gitDirs: Record<string, string>, dir: string = REAL_PAGES_DIR): string[] {
  const manifest = readManifest(dir);
  const missing = Object.entries(manifest.projects).filter(([project]) => gitDirs[project] === undefined);
  if (missing.length > 0) throw new Error(`give the git directory of ${missing.map(([project, source]) => `${project} (${source.repo})`).join(' and ')}`);
  const written: string[] = [];
  const show = (project: string, file: string): Buffer => {
    const gitDir = gitDirs[project];
    const source = manifest.projects[project];
    if (gitDir === undefined || source === undefined) throw new Error(`no git directory given for the project "${project}" (${source?.repo ?? 'not in the manifest'})`);
    return execFileSync('git', ['-C', gitDir, 'show', `${source.commit}:${file}`], { maxBuffer: 64 * 1024 * 1024 });
  };
  for (const [project, source] of Object.entries(manifest.projects)) {
    mkdirSync(path.join(dir, project), { recursive: true });
    for (const license of source.licenseFiles) {
      const target = path.join(dir, project, path.basename(license));
      writeFileSync(target, show(project, license));
      written.push(target);
    }
  }
  for (const page of manifest.pages) {
    const bytes = show(page.project, page.source);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== page.sha256) throw new Error(`${page.source} in ${page.project} has SHA-256 ${sha256}, not the manifest's ${page.sha256}`);
    const target = path.join(dir, realPagePath(page));
    writeFileSync(target, bytes);
    written.push(target);
    if (page.article !== undefined) {
      const expected = `${target.replace(/\.html?$/, '')}.expected.txt`;
      writeFileSync(expected, expectedArticleText(bytes.toString('utf8'), page.article, realPagePath(page)));
      written.push(expected);
    }
  }
  return written;
}
