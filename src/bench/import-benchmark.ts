/**
 * The import benchmark behind `npm run bench:import`: how fast `npm run add` imports saved web
 * pages, and how well, on real pages.
 *
 * Quality: every labelled real page is imported and scored (word recall and precision against its
 * expected article text, and its headline, outlet and date against the label).
 *
 * Speed: N saved pages of about K kilobytes are made from the real article pages, each one real
 * page padded to the size with the scripts, styles and SVG icons of the real pages (the weight
 * that makes news pages heavy; no JSON-LD, which would change what the page states), so a
 * padded page must import to exactly what its original does. They are written to a scratch repo
 * and imported one after another through the same code as `npm run add -- folder/`, reading and
 * writing files included; then each article written is checked against its original's import.
 *
 * It only measures and returns figures; `scripts/bench-import.ts` prints them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { addArticle, openContentIndex } from '../io/add-articles.ts';
import { parsePage } from '../pipeline/import/page-article.ts';
import { importRaw, YAML_ONLY_MATTER, type ImportResult } from '../pipeline/import/import-raw.ts';
import { loadRealPages, type LoadedPage } from './real-pages-fs.ts';
import { expectedArticleText } from './real-pages.ts';
import { tokenOverlap } from './token-overlap.ts';

/** Options of `runImportBenchmark`. */
export interface ImportBenchmarkOptions {
  /** How many pages to import. */
  pages: number;
  /** The size each page is padded to, in kilobytes (a page already larger stays as it is). */
  kilobytes: number;
  /** The real-pages folder; default the repository's. */
  realPagesDir?: string;
}

/** One real page's import, scored against its label. */
export interface PageQuality {
  name: string;
  recall: number;
  precision: number;
  title: boolean;
  outlet: boolean;
  published: boolean;
}

/** What `runImportBenchmark` measured. */
export interface ImportBenchmarkResult {
  quality: {
    pages: PageQuality[];
    recall: { min: number; mean: number };
    precision: { min: number; mean: number };
    titles: number;
    outlets: number;
    dates: number;
    /** Pages without an article, and how many of them were refused. */
    noArticle: { pages: number; refused: number };
  };
  speed: {
    pages: number;
    /** Mean size of the pages imported, in kilobytes. */
    meanKilobytes: number;
    /** Wall-clock seconds for the whole run of imports. */
    seconds: number;
    /** CPU seconds this process spent on them (user + system): less swayed by other work on the machine. */
    cpuSeconds: number;
    pagesPerSecond: number;
    /** Per-page import time in milliseconds: median and 95th percentile. */
    medianMs: number;
    p95Ms: number;
    /** Articles written that differ from their original page's import (should be none). */
    mismatches: string[];
  };
}

/** Runs both measurements. Throws when the real pages have not been gathered. */
export function runImportBenchmark(options: ImportBenchmarkOptions): ImportBenchmarkResult {
  const pages = loadRealPages(options.realPagesDir);
  return { quality: measureQuality(pages), speed: measureSpeed(pages, options) };
}

function measureQuality(pages: LoadedPage[]): ImportBenchmarkResult['quality'] {
  const scored: PageQuality[] = [];
  let noArticle = 0;
  let refused = 0;
  for (const { name, html, page } of pages) {
    if (page.article === undefined || page.expected === undefined) {
      noArticle += 1;
      try {
        importHtml(name, html);
      } catch {
        refused += 1;
      }
      continue;
    }
    const result = importHtml(name, html);
    const scores = tokenOverlap(expectedArticleText(html, page.article, name), result.body);
    scored.push({
      name,
      recall: scores.recall,
      precision: scores.precision,
      title: result.meta.title === page.expected.title,
      outlet: result.meta.outlet === page.expected.outlet,
      published: result.meta.published === page.expected.published,
    });
  }
  const summary = (values: number[]) => ({ min: Math.min(...values), mean: values.reduce((a, b) => a + b, 0) / values.length });
  return {
    pages: scored,
    recall: summary(scored.map((s) => s.recall)),
    precision: summary(scored.map((s) => s.precision)),
    titles: scored.filter((s) => s.title).length,
    outlets: scored.filter((s) => s.outlet).length,
    dates: scored.filter((s) => s.published).length,
    noArticle: { pages: noArticle, refused },
  };
}

function measureSpeed(pages: LoadedPage[], options: ImportBenchmarkOptions): ImportBenchmarkResult['speed'] {
  const originals = pages.filter(({ page }) => page.article !== undefined);
  const padding = paddingPool(pages);
  const reference = new Map(originals.map(({ name, html }) => [name, comparable(importHtml(name, html))]));

  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const rawDir = path.join(root, 'raw');
    mkdirSync(rawDir);
    const made: { file: string; original: string }[] = [];
    let bytes = 0;
    for (let i = 0; i < options.pages; i += 1) {
      const original = originals[i % originals.length] as LoadedPage;
      const html = padPage(original.html, padding, i, options.kilobytes * 1024);
      const file = path.join('raw', `page-${String(i).padStart(5, '0')}.html`);
      writeFileSync(path.join(root, file), html);
      bytes += Buffer.byteLength(html);
      made.push({ file, original: original.name });
    }

    const contentDir = path.join(root, 'content', 'articles');
    const times: number[] = [];
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const index = openContentIndex(contentDir, root);
    for (const [i, { file }] of made.entries()) {
      const t0 = performance.now();
      // A slug per page: the speed of importing, not of telling copies of one article apart.
      addArticle(file, { root, contentDir, told: {}, slug: `page-${i}` }, index);
      times.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);

    const mismatches: string[] = [];
    for (const [i, { file, original }] of made.entries()) {
      const written = matter(readFileSync(path.join(contentDir, `page-${i}.md`), 'utf8'), YAML_ONLY_MATTER);
      const { origin: _origin, ...meta } = written.data as Record<string, unknown>;
      if (JSON.stringify({ meta, body: written.content }) !== reference.get(original)) mismatches.push(`${file} (from ${original})`);
    }
    times.sort((a, b) => a - b);
    return {
      pages: made.length,
      meanKilobytes: bytes / made.length / 1024,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      pagesPerSecond: made.length / seconds,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
      mismatches,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function importHtml(name: string, html: string): ImportResult {
  return importRaw({ text: html, kind: 'html', file: name, origin: name, told: {} });
}

/** An import as the article file holds it, without the origin (which differs by design). */
function comparable(result: ImportResult): string {
  const { origin: _origin, ...meta } = result.frontMatter;
  return JSON.stringify({ meta, body: result.body });
}

/**
 * The invisible weight of the real pages: their scripts (not JSON-LD, which states metadata),
 * styles and SVG icons, as markup, in page order.
 */
function paddingPool(pages: LoadedPage[]): string[] {
  const pool: string[] = [];
  for (const { html } of pages) {
    for (const element of parsePage(html).querySelectorAll('script, style, svg')) {
      if (element.localName === 'script' && (element.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) continue;
      const markup = element.outerHTML;
      if (markup.length > 200) pool.push(markup);
    }
  }
  return pool;
}

/**
 * `html` padded to about `target` bytes with pieces of the pool that fit, starting at a place set
 * by `seed` so that pages differ.
 */
function padPage(html: string, pool: string[], seed: number, target: number): string {
  let missing = target - Buffer.byteLength(html);
  if (missing <= 0 || pool.length === 0) return html;
  const pieces: string[] = [];
  // One pass round the pool at most: a piece is taken only where it fits (or nearly).
  for (let step = 0, k = (seed * 7919) % pool.length; step < pool.length && missing > 1024; step += 1, k = (k + 1) % pool.length) {
    const piece = pool[k] as string;
    const size = Buffer.byteLength(piece);
    if (size > missing + 1024) continue;
    pieces.push(piece);
    missing -= size;
  }
  const at = html.lastIndexOf('</body>');
  const cut = at < 0 ? html.length : at;
  return `${html.slice(0, cut)}${pieces.join('\n')}${html.slice(cut)}`;
}
