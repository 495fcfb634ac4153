/**
 * The published site in a real browser: built once from the seeds' content with BASE_PATH=/news/,
 * served from that sub-path by a plain static server, and checked in Debian's Chromium (console,
 * requests, axe, citations, search, screenshots), by the Nu Html Checker and by a link checker.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { check as checkLinks, LinkState } from 'linkinator';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';
import type { Digest } from '../../src/types.ts';
import { REPO_ROOT, buildSite, filesUnder, launchChromium, scratchDir } from './harness.ts';

const BASE = '/news/';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots');
/** Story pages must stay lean (issue 5: a budget the build enforces). */
const STORY_HTML_BUDGET = 60 * 1024;

let work: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
let digest: Digest;

beforeAll(async () => {
  work = scratchDir('site-e2e');
  dist = await buildSite(work, { BASE_PATH: BASE, CONTENT_DIR: 'content/articles' });
  digest = JSON.parse(readFileSync(path.join(dist, 'digest.json'), 'utf8')) as Digest;
  server = await serveStatic(dist, BASE);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** One page of each type, by name (used in screenshot file names). */
function pageTypes(): { name: string; path: string; status: number }[] {
  const story = digest.stories[0];
  const source = digest.sources[0];
  if (!story || !source) throw new Error('the seeds built no story or no source');
  return [
    { name: 'home', path: '', status: 200 },
    { name: 'story', path: `stories/${story.slug}/`, status: 200 },
    { name: 'timeline', path: 'timeline/', status: 200 },
    { name: 'sources', path: 'sources/', status: 200 },
    { name: 'source', path: `sources/${source.id}/`, status: 200 },
    { name: 'about', path: 'about/', status: 200 },
    { name: 'search', path: 'search/', status: 200 },
    { name: 'not-found', path: 'no-such-page/', status: 404 },
  ];
}

/** Opens a page and records console errors, failed requests and requests to other origins. */
async function openRecorded(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`other origin: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, problems, status: response?.status() };
}

describe('the site served from a sub-path', () => {
  // One test per view: each loads every page type, so a slow machine meets the time limit per view.
  const views = [
    { width: 375, scheme: 'light', axe: true },
    { width: 1280, scheme: 'light', axe: false },
    { width: 375, scheme: 'dark', axe: true },
  ] as const;
  for (const { width, scheme, axe: runAxe } of views) {
    it(`loads every page type at ${width}px in ${scheme} with no console error, failed request or request to another origin${runAxe ? ', and no axe violation' : ''}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const type of pageTypes()) {
        const url = `${server.url}${type.path}`;
        const { page, problems, status } = await openRecorded(context, url);
        if (type.name === 'search') await page.locator('#search input').waitFor();
        expect(status, `${type.name} status`).toBe(type.status);
        expect(problems, `${type.name} at ${width}px, ${scheme}`).toEqual([]);
        if (runAxe) {
          // Every rule in the light theme; in the dark one only contrast changes, so only it runs.
          const builder = new AxeBuilder({ page });
          const axe = await (scheme === 'dark' ? builder.withRules(['color-contrast']) : builder).analyze();
          expect(
            axe.violations.map((v) => `${type.name} (${scheme}): ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`),
          ).toEqual([]);
        }
        const suffix = scheme === 'dark' ? '-dark' : '';
        await page.screenshot({ path: path.join(SCREENSHOTS, `${type.name}-${width}${suffix}.png`), fullPage: true });
        await page.close();
      }
      await context.close();
    }, 120_000);
  }

  it('takes a phone reader from a citation mark to the source entry and back to the statement', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page: Page = await context.newPage();
    const story = digest.stories[0];
    await page.goto(`${server.url}stories/${story?.slug}/`);
    // A statement's mark (marks in notes such as a rounding have no way back, by design).
    const mark = page.locator('.story-body p .cite a[id]').first();
    const markId = await mark.getAttribute('id');
    const target = await mark.getAttribute('href');
    expect(target).toMatch(/^#s\d+$/);
    await mark.click();
    expect(new URL(page.url()).hash).toBe(target);
    const entry = page.locator(target as string);
    await expect.poll(() => entry.isVisible()).toBe(true);
    expect(await entry.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(740);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story-citation-375.png') });
    const back = entry.locator(`a[href="#${markId}"]`);
    await back.click();
    expect(new URL(page.url()).hash).toBe(`#${markId}`);
    const top = await page.locator(`[id="${markId}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(740);
    await context.close();
  });

  it('fits every page into a 320 px screen and starts keyboard use with a visible skip link', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const type of pageTypes()) {
      await page.goto(`${server.url}${type.path}`);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `${type.name} overflows at 320 px`).toBe(0);
    }
    await page.goto(`${server.url}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('[document.activeElement.textContent, document.activeElement.getBoundingClientRect().top, getComputedStyle(document.activeElement).outlineStyle]');
    expect(focused).toEqual(['Skip to content', expect.any(Number), 'solid']);
    expect((focused as [string, number])[1]).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await context.close();
  });

  it('finds a story by a word of its headline on the search page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openRecorded(context, `${server.url}search/`);
    const word = (digest.stories[0]?.title ?? '').split(/\s+/).find((w) => w.length > 4) ?? '';
    await page.locator('#search input').fill(word);
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const firstLink = await page.locator('.pagefind-ui__result a').first().getAttribute('href');
    expect(firstLink?.startsWith(BASE)).toBe(true);
    // Only story pages are indexed: the sources that repeat a story's sentences never bury it.
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(new RegExp(`^${BASE}stories/[^/]+/`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-results-1280.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ships no script on content pages and a CSP that forbids inline scripts on every page', () => {
    for (const file of filesUnder(dist, '.html')) {
      const html = readFileSync(file, 'utf8');
      const name = path.relative(dist, file);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
      expect(csp, name).toMatch(/script-src 'self'/);
      expect(csp, name).not.toMatch(/unsafe-inline/);
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      const executable = scripts.filter((tag) => !/type="application\/ld\+json"/.test(tag));
      if (name === path.join('search', 'index.html')) expect(executable.length, name).toBeGreaterThan(0);
      else expect(executable, name).toEqual([]);
    }
  });

  it('keeps every internal link and asset under the base path and story pages within budget', () => {
    for (const file of filesUnder(dist, '.html')) {
      const html = readFileSync(file, 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        if (url === undefined || /^(https?:|#|mailto:)/.test(url)) continue;
        expect(url.startsWith(BASE), `${path.relative(dist, file)}: ${url}`).toBe(true);
      }
    }
    for (const story of digest.stories) {
      expect(statSync(path.join(dist, 'stories', story.slug, 'index.html')).size).toBeLessThan(STORY_HTML_BUDGET);
    }
    const css = filesUnder(dist, '.css').filter((f) => f.includes(`${path.sep}_astro${path.sep}`));
    expect(css).toHaveLength(1);
  });

  it('passes the Nu Html Checker with no errors', async () => {
    const vnu = path.join(REPO_ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const result = await promisify(execFile)('java', ['-jar', vnu, '--errors-only', '--skip-non-html', dist]).then(
      ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(result.output.trim()).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('has no broken link anywhere on the served site', async () => {
    const result = await checkLinks({
      path: server.url,
      recurse: true,
      concurrency: 8,
      checkFragments: true,
      // The server redirects a directory URL without its slash, as real hosts do; the site's own
      // links must not need that detour, so a redirect counts as broken.
      redirects: 'error',
      linksToSkip: async (link) => !link.startsWith(new URL(server.url).origin),
    });
    const broken = result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => `${link.status} ${link.url} (on ${link.parent})`);
    expect(broken).toEqual([]);
    expect(result.links.filter((link) => link.state === LinkState.OK).length).toBeGreaterThan(10);
  }, 60_000);
});
