/**
 * Nothing injected: a hostile article (script tags and event handlers in its title, outlet, author
 * and body, `javascript:` links in its Markdown, a closing `</script>` in its text) goes through the
 * whole build beside the seeds, and no script, handler or `javascript:` link reaches dist/.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { rehype } from 'rehype';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/io/static-server.ts';
import { REPO_ROOT, buildSite, copyOfContent, filesUnder, launchChromium, scratchDir } from './harness.ts';

const BASE = '/';
let work: string;
let dist: string;
let pages: { name: string; html: string }[];

beforeAll(async () => {
  work = scratchDir('site-hostile');
  const content = copyOfContent(work);
  cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'site', 'hostile', 'harbour-hostile.md'), path.join(content, 'harbour-hostile.md'));
  dist = await buildSite(work, { BASE_PATH: BASE, CONTENT_DIR: content });
  pages = filesUnder(dist, '.html').map((file) => ({ name: path.relative(dist, file), html: readFileSync(file, 'utf8') }));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every element of the page as a browser's HTML parser sees it (parse5, through rehype). */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(rehype().parse(html));
  return found;
}

/** An element written as a short tag for failure messages. */
function describeElement(element: Element): string {
  return `<${element.tagName} ${JSON.stringify(element.properties)}>`;
}

describe('a hostile article built through the whole site', () => {
  it('is published, with its markup shown as text', () => {
    const source = pages.find((page) => page.name === path.join('sources', 'harbour-hostile', 'index.html'));
    expect(source, 'the hostile article has a source page').toBeDefined();
    expect(source?.html).toContain('Harbour ferry &lt;script&gt;');
    expect(source?.html).toContain('Northport harbour ferry returned to service');
  });

  it('adds no script element beyond the JSON-LD and the search page’s own files', () => {
    for (const page of pages) {
      for (const script of elements(page.html).filter((element) => element.tagName === 'script')) {
        const { type, src } = script.properties;
        const allowed =
          (type === 'application/ld+json' && src === undefined) ||
          (page.name === path.join('search', 'index.html') && (src === '/pagefind/pagefind-ui.js' || src === '/search.js'));
        expect(allowed, `${page.name}: ${describeElement(script)}`).toBe(true);
      }
    }
  });

  it('adds no event handler, javascript: URL, iframe, embedded SVG handler or inline style', () => {
    for (const page of pages) {
      for (const element of elements(page.html)) {
        const where = `${page.name}: ${describeElement(element)}`;
        expect(['iframe', 'object', 'embed', 'img', 'frame', 'base', 'form'], where).not.toContain(element.tagName);
        for (const [name, value] of Object.entries(element.properties)) {
          expect(/^on/i.test(name), where).toBe(false);
          expect(name, where).not.toBe('style');
          if (['href', 'src', 'action', 'formAction', 'xLinkHref'].includes(name)) expect(String(value), where).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        }
      }
    }
  });

  it('keeps the closing </script> in article text from ending the JSON-LD block', () => {
    for (const page of pages) {
      for (const [, json] of page.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        expect(json, page.name).not.toContain('<');
        expect(() => JSON.parse(json ?? '')).not.toThrow();
      }
    }
    const story = pages.find((page) => page.name.startsWith('stories') && page.html.includes('Northport'));
    expect(story, 'the hostile article has a story page').toBeDefined();
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(story?.html ?? '')?.[1] ?? '';
    expect(JSON.stringify(JSON.parse(json))).toContain("</script><script>alert('outlet')</script>");
  });

  it('carries a CSP without unsafe-inline on every page', () => {
    for (const page of pages) {
      expect(page.html, page.name).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self'/);
      expect(page.html, page.name).not.toMatch(/unsafe-inline/);
    }
  });

  it('runs nothing in a browser: no dialog, no error, no blocked script on the pages that show it', async () => {
    const server = await serveStatic(dist, BASE);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const story = pages.find((p) => p.name.startsWith('stories') && p.html.includes('Northport'))?.name ?? '';
      for (const name of ['index.html', 'sources/index.html', 'sources/harbour-hostile/index.html', story, 'timeline/index.html']) {
        const page = await context.newPage();
        const events: string[] = [];
        page.on('dialog', (dialog) => {
          events.push(`dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
        page.on('console', (message) => {
          if (message.type() === 'error') events.push(`console: ${message.text()}`);
        });
        page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
        await page.goto(`${server.url}${name.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
        expect(events, name).toEqual([]);
        await page.close();
      }
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
