/**
 * `npm run test:real-pages`: imports real saved news pages (published test fixtures of two
 * open-source extraction projects; `npm run fixtures:real-pages` gathers them, SOURCES.md says
 * from where) and holds the importer to the article-extraction benchmarks' measure: per page, word
 * recall of at least 0.95 and word precision of at least 0.90 against the article a reader sees,
 * plus the headline, outlet and date the page states (or `unknown` where it states none). Pages
 * without an article must be refused. Kept out of `npm test` because the pages are not in the
 * repository; this suite fails, naming the command, when they have not been gathered.
 */
import { describe, expect, it } from 'vitest';
import { loadRealPages } from '../../src/bench/real-pages-fs.ts';
import { expectedArticleText } from '../../src/bench/real-pages.ts';
import { tokenOverlap } from '../../src/bench/token-overlap.ts';
import { ArticleNotFoundError } from '../../src/errors.ts';
import { importRaw } from '../../src/pipeline/import/import-raw.ts';

const pages = loadRealPages();
const articles = pages.filter(({ page }) => page.article !== undefined);
const noArticle = pages.filter(({ page }) => page.article === undefined);

function importPage(name: string, html: string) {
  return importRaw({ text: html, kind: 'html', file: name, origin: name, told: {} });
}

describe('the real-page fixture set', () => {
  it('holds at least 15 article pages from at least 10 sites, and pages without an article', () => {
    expect(articles.length).toBeGreaterThanOrEqual(15);
    const sites = new Set(articles.map(({ name }) => name.replace(/^[^/]+\/(?:www\.)?/, '').split('.').slice(0, 2).join('.')));
    expect(sites.size).toBeGreaterThanOrEqual(10);
    expect(noArticle.length).toBeGreaterThan(0);
  });
});

describe.each(articles)('importing $name', ({ name, html, page }) => {
  const result = importPage(name, html);

  it('keeps at least 95% of the article\'s words, and what it keeps is at least 90% article', () => {
    const scores = tokenOverlap(expectedArticleText(html, page.article!, name), result.body);
    expect.soft(scores.recall, 'word recall').toBeGreaterThanOrEqual(0.95);
    expect.soft(scores.precision, 'word precision').toBeGreaterThanOrEqual(0.9);
  });

  it('states the headline, outlet and date the page states, and unknown where it states none', () => {
    const { title, outlet, published } = result.meta;
    expect({ title, outlet, published }).toEqual(page.expected);
  });
});

describe.each(noArticle)('importing $name', ({ name, html, page }) => {
  it(`is refused as a page without a whole article (${page.noArticle ?? ''})`, () => {
    expect(() => importPage(name, html)).toThrow(ArticleNotFoundError);
  });
});
