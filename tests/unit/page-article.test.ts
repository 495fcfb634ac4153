import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, ArticleNotFoundError, OptionError } from '../../src/errors.ts';
import { checkWholeArticle, countWords, extractArticle, parsePage, WHOLE_ARTICLE, type ExtractedArticle } from '../../src/pipeline/import/page-article.ts';
import { importRaw } from '../../src/pipeline/import/import-raw.ts';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

function extract(name: string): ExtractedArticle {
  return extractArticle(parsePage(readFileSync(new URL(name, FIXTURES), 'utf8')));
}

/** An article page around `paragraphs`, each given as its text. */
function page(...paragraphs: string[]): string {
  return `<html><body><nav><a href="/">Home</a></nav><article><h1>A headline</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

/** A paragraph of `words` plain words, different from every other call. */
let counter = 0;
function filler(words: number): string {
  counter += 1;
  return Array.from({ length: words }, (_, i) => `word${counter}x${i}`).join(' ') + '.';
}

describe('extractArticle', () => {
  const furniture = extract('furniture-article.html');

  it('keeps every paragraph of the story, in order', () => {
    const paragraphs = furniture.body.trimEnd().split('\n\n');
    expect(paragraphs.map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      'Sleeper trains will',
      'Two trains a',
      'The company bought',
      'Mountain hotels welcomed',
      'Rail campaigners called',
    ]);
  });

  it.each([
    ['an advertisement slot', 'Advertisement'],
    ['a picture gallery inside the article', 'sleeper at the terminus'],
    ['a paragraph that only credits a picture', 'Valley Courier archive'],
    ['a one-link "Read more:" paragraph', 'Read more'],
    ['a further-reading label near the end and the links after it', 'Related stories'],
    ['the links after that label', 'avalanche risk'],
    ['a closing newsletter invitation', 'newsletter'],
    ['a closing copyright notice', 'All rights reserved'],
  ])('leaves out %s', (_what, text) => {
    expect(furniture.body).not.toContain(text);
  });

  it('leaves out figure captions, which describe a picture, not the story', () => {
    const html = page(filler(40), '<figure><img src="a.jpg" alt=""><figcaption>Crowds on the quay at dawn.</figcaption></figure>', filler(40));
    expect(extractArticle(parsePage(html)).body).not.toContain('Crowds on the quay');
  });

  it('keeps a "Read more" label that opens the article rather than closing it', () => {
    const html = page('Read more:', filler(60), filler(60));
    expect(extractArticle(parsePage(html)).body).toMatch(/^(?:## A headline\n\n)?Read more:\n\nword/);
  });

  it('writes headings as "## " lines and list items as "- " lines, one list per paragraph', () => {
    const html = `<html><body><article><h1>T</h1><p>${filler(30)}</p><h2>What changes</h2><ul><li>Earlier trains</li><li>Later trains</li></ul><p>${filler(30)}</p></article></body></html>`;
    const body = extractArticle(parsePage(html)).body;
    expect(body).toContain('\n\n## What changes\n\n- Earlier trains\n- Later trains\n\n');
  });

  it('escapes a paragraph that would otherwise read back as a Markdown heading, list or numbered item', () => {
    const html = page(filler(30), '# 1 in the charts for a third week', '- 5 degrees overnight, said the forecast', '3. Fewer trains', filler(30));
    const body = extractArticle(parsePage(html)).body;
    expect(body).toContain('\n\n\\# 1 in the charts');
    expect(body).toContain('\n\n\\- 5 degrees overnight');
    expect(body).toContain('\n\n3\\. Fewer trains');
  });

  it('counts the whole page on a page that opens <html> twice (old IE conditional comments)', () => {
    const article = extract('old-ie-page.html');
    expect(article.words).toBeGreaterThan(150);
    expect(article.pageWords).toBeGreaterThanOrEqual(article.words);
  });

  it('counts only the words a reader sees on the page: not scripts, styles or hidden elements', () => {
    const html = `<html><head><title>Head words</title><style>p { color: red }</style></head><body><p>one two three</p><script>var x = "four five";</script><p hidden>six</p><div aria-hidden="true">seven</div><p style="display: none">eight</p></body></html>`;
    expect(extractArticle(parsePage(html)).pageWords).toBe(3);
  });

  it('finds no article in a home page of teasers', () => {
    const home = extract('home-page.html');
    expect(home.words).toBeLessThan(WHOLE_ARTICLE.minWords);
  });
});

describe('checkWholeArticle', () => {
  const article = (words: number, pageWords: number): ExtractedArticle => ({ body: `${filler(words)}\n`, words, pageWords });

  it('accepts an article of enough words that is a fair share of its page', () => {
    expect(() => checkWholeArticle(article(400, 2000), 'a.html')).not.toThrow();
  });

  it('refuses a short article, saying how long it is, how it begins and what to do', () => {
    try {
      checkWholeArticle(article(40, 60), 'saved/teaser.html');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleNotFoundError);
      expect(error).toBeInstanceOf(ArticleFileError);
      const report = error as ArticleNotFoundError;
      expect(report.file).toBe('saved/teaser.html');
      expect(report.message).toContain('too short');
      expect(report.found).toMatch(/^40 words of article, beginning "word\d+x0 /);
      expect(report.found).toContain('the page shows 60 words');
      expect(report.fix).toContain('--force');
      expect(report.fix).toContain('.txt');
    }
  });

  it('refuses a long extract that is a small share of its page', () => {
    expect(() => checkWholeArticle(article(300, 5000), 'forum.html')).toThrow(/small part of the page/);
  });

  it('takes other limits when given, and refuses limits out of range', () => {
    expect(() => checkWholeArticle(article(40, 60), 'a.html', { minWords: 20, minShare: 0.5 })).not.toThrow();
    expect(() => checkWholeArticle(article(40, 60), 'a.html', { minWords: 20, minShare: 1.5 })).toThrow(OptionError);
  });
});

describe('importRaw on a page with no whole article', () => {
  const home = readFileSync(new URL('home-page.html', FIXTURES), 'utf8');

  it('refuses a home page with the no-article message', () => {
    expect(() => importRaw({ text: home, kind: 'html', file: 'home-page.html', origin: 'home-page.html', told: {} })).toThrow(ArticleNotFoundError);
  });

  it('imports it anyway when forced, and says so in a note', () => {
    const result = importRaw({ text: home, kind: 'html', file: 'home-page.html', origin: 'home-page.html', told: {}, force: true });
    expect(result.body).not.toBe('');
    expect(result.notes.join('\n')).toMatch(/^imported with --force: \d+ words of article/m);
    expect(result.extraction?.words).toBeLessThan(WHOLE_ARTICLE.minWords);
  });
});

describe('countWords', () => {
  it('counts tokens that hold a letter or a digit, not dashes or bullets', () => {
    expect(countWords('Ferry — 9:30 • on time, said “Ana”')).toBe(6);
  });
});
