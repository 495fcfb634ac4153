/**
 * Runs the real `npm run add` script as a child process, in a temporary folder that stands in for
 * the repo root, so what is tested is what an editor runs.
 *
 * Most runs use Node's own TypeScript type stripping with a compile cache (about 0.2 s a run here,
 * against 0.5 s through tsx), so the file stays fast on a 2-core machine; one test goes through
 * tsx, the runner `npm run add` uses.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/add-article.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const TSX = import.meta.resolve('tsx');
const COMPILE_CACHE = mkdtempSync(path.join(tmpdir(), 'add-article-cache-'));
/** Node 22 needs the flag; Node 23.6+ strips types by default. */
const STRIP_TYPES = (process.features as { typescript?: string }).typescript ? [] : ['--experimental-strip-types'];

const made: string[] = [COMPILE_CACHE];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh fake repo with the named fixtures copied into `raw/`. */
function repo(...fixtures: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'add-article-'));
  made.push(root);
  mkdirSync(path.join(root, 'raw'));
  for (const name of fixtures) copyFileSync(path.join(FIXTURES, name), path.join(root, 'raw', name));
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the script in `root`. Without `env` it is told `--content-dir content/articles` and
 * CONTENT_DIR is cleared, so the shell running the tests cannot redirect the write; with `env`,
 * only the test's own arguments and variables choose the folder.
 */
function add(root: string, args: string[], runner: 'node' | 'tsx' = 'node', env?: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const loader = runner === 'tsx' ? ['--import', TSX] : STRIP_TYPES;
    const contentDir = env === undefined ? ['--content-dir', 'content/articles'] : [];
    const child = spawn(process.execPath, [...loader, SCRIPT, ...args, ...contentDir], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: '', NODE_COMPILE_CACHE: COMPILE_CACHE, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function articles(root: string): string[] {
  const dir = path.join(root, 'content', 'articles');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function readArticle(root: string, name: string) {
  return matter(readFileSync(path.join(root, 'content', 'articles', name), 'utf8'), {});
}

describe.concurrent('npm run add', () => {
  it('imports a text file with its inferred title, origin and unchanged body, and prints inferred, told and unknown', async () => {
    const root = repo('headline-first-line.txt');
    const run = await add(root, ['raw/headline-first-line.txt', '--outlet', 'Bay Wire'], 'tsx');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const name = 'harbor-city-opens-its-first-floating-solar-farm-after-two-year-delay.md';
    expect(articles(root)).toEqual([name]);
    const article = readArticle(root, name);
    expect(article.data).toEqual({
      title: 'Harbor city opens its first floating solar farm after two-year delay',
      outlet: 'Bay Wire',
      published: 'unknown',
      origin: 'raw/headline-first-line.txt',
    });
    expect(article.content).toBe(readFileSync(path.join(FIXTURES, 'headline-first-line.txt'), 'utf8'));
    expect(run.stdout).toMatch(/inferred:\n\s+title: "Harbor city/);
    expect(run.stdout).toMatch(/told:\n\s+outlet: "Bay Wire"/);
    expect(run.stdout).toMatch(/unknown:\n\s+published \(written as unknown\)/);
  });

  it('writes into $CONTENT_DIR when no --content-dir is given, and --content-dir wins over it', async () => {
    const root = repo('headline-first-line.txt');
    const name = 'harbor-city-opens-its-first-floating-solar-farm-after-two-year-delay.md';
    expect((await add(root, ['raw/headline-first-line.txt'], 'node', { CONTENT_DIR: 'from-env' })).code).toBe(0);
    expect(readdirSync(path.join(root, 'from-env'))).toEqual([name]);
    const both = await add(root, ['raw/headline-first-line.txt', '--content-dir', 'from-option'], 'node', { CONTENT_DIR: 'from-env' });
    expect(both.code).toBe(0);
    expect(readdirSync(path.join(root, 'from-option'))).toEqual([name]);
    expect(readdirSync(path.join(root, 'from-env'))).toEqual([name]);
    expect(articles(root)).toEqual([]);
  });

  it('treats an empty CONTENT_DIR as unset and writes into content/articles', async () => {
    const root = repo('headline-first-line.txt');
    expect((await add(root, ['raw/headline-first-line.txt'], 'node', { CONTENT_DIR: '' })).code).toBe(0);
    expect(articles(root)).toEqual(['harbor-city-opens-its-first-floating-solar-farm-after-two-year-delay.md']);
  });

  it('writes the body exactly as the raw file has it, even without a final newline', async () => {
    const root = repo();
    const raw = 'Harbor array stalls again\nThe panels went dark on Monday.\n\n\nNo one knew why';
    writeFileSync(path.join(root, 'raw', 'no-final-newline.txt'), raw);
    expect((await add(root, ['raw/no-final-newline.txt'])).code).toBe(0);
    const text = readFileSync(path.join(root, 'content', 'articles', 'harbor-array-stalls-again.md'), 'utf8');
    expect(text.endsWith(`---\n${raw}`)).toBe(true);
    expect(readArticle(root, 'harbor-array-stalls-again.md').content).toBe(raw);
  });

  it('refuses to overwrite an existing article and leaves it byte-identical', async () => {
    const root = repo('sentence-first-line.txt');
    expect((await add(root, ['raw/sentence-first-line.txt', '--outlet', 'First'])).code).toBe(0);
    const file = path.join(root, 'content', 'articles', 'sentence-first-line.md');
    const before = readFileSync(file);
    const second = await add(root, ['raw/sentence-first-line.txt', '--outlet', 'Second', '--published', '2025-01-01']);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('content/articles/sentence-first-line.md');
    expect(second.stderr).toContain('already exists');
    expect(second.stderr).toContain('--slug');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(articles(root)).toEqual(['sentence-first-line.md']);
  });

  it('says so when the same file was imported before, and keeps both when the slug differs', async () => {
    const root = repo('source-credit.txt');
    expect((await add(root, ['raw/source-credit.txt'])).code).toBe(0);
    const again = await add(root, ['raw/source-credit.txt', '--slug', 'source-credit-again']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/raw\/source-credit\.txt was imported before, as content\/articles\/source-credit\.md/);
    expect(articles(root)).toEqual(['source-credit-again.md', 'source-credit.md']);
  });

  it('says so when another file holds exactly the text of an existing article', async () => {
    const root = repo('source-credit.txt');
    copyFileSync(path.join(root, 'raw', 'source-credit.txt'), path.join(root, 'raw', 'saved-twice.txt'));
    expect((await add(root, ['raw/source-credit.txt'])).code).toBe(0);
    const copy = await add(root, ['raw/saved-twice.txt']);
    expect(copy.code).toBe(0);
    expect(copy.stderr).toContain('content/articles/saved-twice.md has exactly the text of content/articles/source-credit.md');
  });

  it('fails on an unknown option, naming it, and writes nothing', async () => {
    const root = repo('headline-first-line.txt');
    const run = await add(root, ['raw/headline-first-line.txt', '--titel', 'Typo']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('unknown option --titel');
    expect(run.stderr).toMatch(/fix: /);
    expect(articles(root)).toEqual([]);
  });

  it('fails on a missing file, naming it and how to fix the path', async () => {
    const root = repo();
    const run = await add(root, ['raw/nowhere.txt']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('raw/nowhere.txt');
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr).toMatch(/fix: check the path/);
  });

  it('fails on an empty file and on a whitespace-only file', async () => {
    const root = repo('empty.txt', 'whitespace-only.txt');
    const empty = await add(root, ['raw/empty.txt']);
    const blank = await add(root, ['raw/whitespace-only.txt']);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/raw\/empty\.txt: the file is empty/);
    expect(blank.code).not.toBe(0);
    expect(blank.stderr).toMatch(/raw\/whitespace-only\.txt: the file holds only whitespace/);
    expect(articles(root)).toEqual([]);
  });

  it('fails on a binary file', async () => {
    const root = repo();
    writeFileSync(path.join(root, 'raw', 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    const run = await add(root, ['raw/photo.txt']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/raw\/photo\.txt: the file is binary/);
    expect(articles(root)).toEqual([]);
  });

  it.each([
    [['--published', 'April 9'], '--published'],
    [['--url', 'javascript:alert(1)'], '--url'],
    [['--slug', 'Not A Slug'], '--slug'],
  ])('fails on a bad option value %j, naming the option', async (options, option) => {
    const root = repo('headline-first-line.txt');
    const run = await add(root, ['raw/headline-first-line.txt', ...options]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`(${option})`);
    expect(articles(root)).toEqual([]);
  });

  it('fails on a file type it cannot read', async () => {
    const root = repo();
    writeFileSync(path.join(root, 'raw', 'notes.docx'), 'not really a document');
    const run = await add(root, ['raw/notes.docx']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('.docx');
  });

  it('copies a file from outside the repo into content/raw byte for byte and points origin at the copy', async () => {
    const root = repo();
    const outside = path.join(FIXTURES, 'byline.txt');
    const run = await add(root, [outside]);
    expect(run.code).toBe(0);
    const copy = path.join(root, 'content', 'raw', 'byline.txt');
    expect(readFileSync(copy).equals(readFileSync(outside))).toBe(true);
    const [name] = articles(root);
    const article = readArticle(root, name ?? '');
    expect(article.data).toMatchObject({ origin: 'content/raw/byline.txt', published: '2025-03-04', author: 'Ana Ruiz', outlet: 'Coastline Report' });
  });

  it('imports several files in one run, each with its own report, goes on past a bad one and exits non-zero', async () => {
    const root = repo('page.html', 'home-page.html', 'headline-first-line.txt');
    const run = await add(root, ['raw/page.html', 'raw/home-page.html', 'raw/headline-first-line.txt']);
    expect(run.code).toBe(1);
    expect(articles(root)).toEqual(['harbor-city-opens-its-first-floating-solar-farm-after-two-year-delay.md', 'westmere-floats-its-solar-plans.md']);
    expect(run.stdout).toContain('Added content/articles/westmere-floats-its-solar-plans.md from raw/page.html');
    expect(run.stdout).toContain('from raw/headline-first-line.txt');
    expect(run.stderr).toMatch(/Could not add raw\/home-page\.html:\n\s+raw\/home-page\.html: no whole article was found in this page/);
    expect(run.stderr).toMatch(/found: \d+ words of article/);
    expect(run.stdout).toContain('2 of 3 files added; 1 failed: raw/home-page.html');
  });

  it('imports the article files of a folder, and says which files it skipped', async () => {
    const root = repo('page.html', 'byline.txt');
    writeFileSync(path.join(root, 'raw', 'notes.docx'), 'not an article');
    mkdirSync(path.join(root, 'raw', 'page_files'));
    const run = await add(root, ['raw']);
    expect(run.code).toBe(0);
    expect(articles(root)).toHaveLength(2);
    expect(run.stderr).toContain('skipped raw/notes.docx: not a .txt, .md or .html file');
    expect(run.stderr).toContain('skipped raw/page_files: a folder inside the folder');
    expect(run.stdout).toContain('2 of 2 files added');
  });

  it('refuses a page with no whole article, writing nothing, not even the copy of an outside file', async () => {
    const root = repo();
    const run = await add(root, [path.join(FIXTURES, 'home-page.html')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no whole article was found in this page');
    expect(run.stderr).toMatch(/fix: .*--force.*\.txt/);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });

  it('imports such a page anyway with --force, and notes it', async () => {
    const root = repo('home-page.html');
    const run = await add(root, ['raw/home-page.html', '--force']);
    expect(run.code).toBe(0);
    expect(articles(root)).toHaveLength(1);
    expect(run.stdout).toMatch(/note: imported with --force: \d+ words of article/);
  });

  it('gives a different article with the same headline the next free slug, with a notice', async () => {
    const root = repo('same-headline-a.txt', 'same-headline-b.txt');
    const run = await add(root, ['raw/same-headline-a.txt', 'raw/same-headline-b.txt']);
    expect(run.code).toBe(0);
    expect(articles(root)).toEqual(['ferry-strike-halts-crossings-for-a-second-day-2.md', 'ferry-strike-halts-crossings-for-a-second-day.md']);
    expect(run.stdout).toContain('notice: content/articles/ferry-strike-halts-crossings-for-a-second-day.md is a different article with the same headline; this one is ferry-strike-halts-crossings-for-a-second-day-2');
    expect(readArticle(root, 'ferry-strike-halts-crossings-for-a-second-day-2.md').content).toBe(readFileSync(path.join(FIXTURES, 'same-headline-b.txt'), 'utf8'));
  });

  it('refuses the same article again under the same headline, even from a copy of the file elsewhere', async () => {
    const root = repo('same-headline-a.txt', 'same-headline-b.txt');
    copyFileSync(path.join(root, 'raw', 'same-headline-a.txt'), path.join(root, 'raw', 'copy-of-a.txt'));
    const run = await add(root, ['raw/same-headline-a.txt', 'raw/same-headline-b.txt', 'raw/copy-of-a.txt']);
    expect(run.code).toBe(1);
    expect(articles(root)).toHaveLength(2);
    expect(run.stderr).toMatch(/Could not add raw\/copy-of-a\.txt:[\s\S]*this article already exists/);
  });

  it('refuses --title, --url and --slug with several files, before importing any', async () => {
    const root = repo('page.html', 'byline.txt');
    const run = await add(root, ['raw/page.html', 'raw/byline.txt', '--title', 'One title']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--title names one article, and 2 files were given');
    expect(articles(root)).toEqual([]);
  });

  it('lands both articles when two adds run at once', async () => {
    const root = repo('headline-first-line.txt', 'front-matter.md', 'page.html');
    const runs = await Promise.all([
      add(root, ['raw/headline-first-line.txt']),
      add(root, ['raw/front-matter.md']),
      add(root, ['raw/page.html']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(articles(root)).toEqual([
      'harbor-city-opens-its-first-floating-solar-farm-after-two-year-delay.md',
      'westmere-floats-its-solar-plans.md',
      'westmeres-floating-array-explained.md',
    ]);
    for (const name of articles(root)) expect(readArticle(root, name).data.origin).toMatch(/^raw\//);
  });

  it('lets exactly one of two simultaneous adds of the same slug win, and the other fail cleanly', async () => {
    const root = repo('headline-first-line.txt');
    const runs = await Promise.all([
      add(root, ['raw/headline-first-line.txt', '--slug', 'same', '--outlet', 'One']),
      add(root, ['raw/headline-first-line.txt', '--slug', 'same', '--outlet', 'Two']),
    ]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(articles(root)).toEqual(['same.md']);
    expect(['One', 'Two']).toContain(readArticle(root, 'same.md').data.outlet);
  });
});
