/**
 * The editor's loop end to end: copy the content to a temporary folder, import a new raw article
 * with `npm run add`, rebuild the site, and find the new story on the home page.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, buildSite, copyOfContent, runScript, scratchForTests } from './harness.ts';

const scratch = scratchForTests('site-add');

describe('adding an article and rebuilding', () => {
  it('puts the imported article on the home page with its outlet and date', async () => {
    const work = scratch();
    const content = copyOfContent(work);
    // The raw file sits inside the repo (the scratch folder), so add records it as the origin
    // instead of copying it into content/raw/.
    const raw = path.join(work, 'tram-line.txt');
    cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'site', 'new-article', 'tram-line.txt'), raw);
    const added = await runScript('scripts/add-article.ts', [raw, '--outlet', 'City Courier', '--published', '2026-05-04', '--content-dir', content]);
    expect(added.code, added.output).toBe(0);

    const dist = await buildSite(work, { BASE_PATH: '/', CONTENT_DIR: content });
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('Lakeside tram extension');
    expect(home).toContain('<time datetime="2026-05-04">4 May 2026</time>');
    const sources = readFileSync(path.join(dist, 'sources', 'index.html'), 'utf8');
    expect(sources).toContain('City Courier');
  }, 120_000);
});
