import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRaw, importRaw } from '../../src/pipeline/import/import-raw.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
import { PAGE_LABELS } from '../../src/pipeline/normalize/page-chrome.ts';
import type { Article, NormalizedArticle } from '../../src/types.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/normalize/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** An article with the given body; metadata the stage does not read is left unknown. */
function article(body: string, title = 'unknown', id = 'fixture'): Article {
  return {
    id,
    file: `content/articles/${id}.md`,
    meta: { title, outlet: 'unknown', published: 'unknown', origin: `content/articles/${id}.md`, language: 'en' },
    body,
    contentHash: '0'.repeat(64),
  };
}

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

describe('normalizeArticle on golden fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    it(`gives the expected text, removals and repairs for ${name}`, () => {
      const inputFile = existsSync(join(dir, 'input.md')) ? 'input.md' : 'input.txt';
      const config = readJson<{ title?: string }>(join(dir, 'config.json'), {});
      const result = normalizeArticle(article(readFileSync(join(dir, inputFile), 'utf8'), config.title, name));
      const removed = result.removed.map(({ reason, line, text }) => ({ reason, line, text }));
      const repairs = result.repairs
        .map(({ found, replacement, count }) => ({ found, replacement, count }))
        .sort((a, b) => (a.found < b.found ? -1 : a.found > b.found ? 1 : 0));
      if (process.env.UPDATE) {
        writeFileSync(join(dir, 'output.txt'), `${result.text}\n`);
        writeFileSync(join(dir, 'removed.json'), `${JSON.stringify(removed, null, 2)}\n`);
        if (repairs.length > 0) writeFileSync(join(dir, 'repairs.json'), `${JSON.stringify(repairs, null, 2)}\n`);
      }
      expect(result.text).toBe(readFileSync(join(dir, 'output.txt'), 'utf8').replace(/\n$/u, ''));
      expect(removed).toEqual(readJson(join(dir, 'removed.json'), []));
      const expectedRepairs = readJson<Array<{ found: string }>>(join(dir, 'repairs.json'), []);
      expect(repairs).toEqual([...expectedRepairs].sort((a, b) => (a.found < b.found ? -1 : a.found > b.found ? 1 : 0)));
    });
  }
});

describe('public API', () => {
  it('exposes the stage function and the heading rule, nothing else', async () => {
    expect(Object.keys(await import('../../src/pipeline/normalize/normalize.ts')).sort()).toEqual(['looksLikeHeading', 'normalizeArticle']);
    expect(Object.keys(await import('../../src/pipeline/split-sentences.ts')).sort()).toEqual(['splitSentences', 'splitText']);
    expect(Object.keys(await import('../../src/pipeline/normalize/repair-characters.ts')).sort()).toEqual(['repairCharacters']);
  });
});

describe('normalizeArticle', () => {
  it('returns empty text and no records for a blank body', () => {
    expect(normalizeArticle(article('  \n'))).toMatchObject({ text: '', removed: [], repairs: [] });
  });

  it('separates paragraphs by exactly one blank line and leaves no blank lines at either end', () => {
    const { text } = normalizeArticle(article('\n\nOne.\n\n\n\n\nTwo.\nThree.\n\n\n'));
    expect(text).toBe('One.\n\nTwo.\n\nThree.');
  });

  it('records all runs of blank lines once, with how many lines and runs', () => {
    const { removed } = normalizeArticle(article('A.\n\n\nB.\n\n\n\nC.\n'));
    const blank = removed.filter((r) => r.reason === 'blank-lines');
    expect(blank).toHaveLength(1);
    expect(blank[0]?.detail).toMatch(/5 empty lines in 2 runs/u);
    expect(blank[0]?.line).toBe(2);
  });

  it('does not record a single blank line between paragraphs as a removal', () => {
    expect(normalizeArticle(article('A.\n\nB.\n')).removed).toEqual([]);
  });

  it('gives every removal a plain-words detail and lists removals in body order', () => {
    const body = 'Ferry fares to rise\nBy Ola Berg\nAdvertisement\nFares will rise 5% in May.\n(Source: Harbour Post)\n';
    const { removed } = normalizeArticle(article(body, 'Ferry fares to rise'));
    expect(removed.map((r) => r.reason)).toEqual(['duplicate-headline', 'byline', 'page-chrome', 'credit-line']);
    for (const removal of removed) expect(removal.detail).toMatch(/^[a-z"].{10,}/u);
    expect(removed.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('keeps a sentence that merely contains a label word or starts like a byline', () => {
    const body = 'Read more about the plan in the council minutes, the clerk said.\nBy Friday, 300 people had signed the petition.\nSource: officials said the count was rising.\n';
    const result = normalizeArticle(article(body));
    expect(result.removed).toEqual([]);
    expect(result.text.split('\n\n')).toHaveLength(3);
  });

  it('keeps sentences that start like a date line or a picture label', () => {
    const body = 'Updated figures show exports rose 5% in May.\nPublished on Monday, the report found 12 faults.\nPhoto: the council posted images of the flood online.\n';
    expect(normalizeArticle(article(body)).removed).toEqual([]);
  });

  it('removes a byline with a date after a bar, a time-stamped update line and a picture credit', () => {
    const body = 'By Jane Doe | March 3, 2025\nUpdated 3:45 PM EDT, Tue April 8, 2026\nPhoto: Ola Berg/Harbour Post\nThe council met.\n';
    const result = normalizeArticle(article(body));
    expect(result.removed.map((r) => [r.reason, r.line])).toEqual([
      ['byline', 1],
      ['byline', 2],
      ['page-chrome', 3],
    ]);
    expect(result.text).toBe('The council met.');
  });

  it('keeps a "Highlights" section written as prose: only a strong summary label takes a paragraph', () => {
    const body = 'The final ended 2-1.\nHighlights\nThe winning goal came in the 89th minute from a corner.\n';
    const result = normalizeArticle(article(body));
    expect(result.removed).toEqual([]);
    expect(result.text).toBe('The final ended 2-1.\n\n## Highlights\n\nThe winning goal came in the 89th minute from a corner.');
  });

  it('drops a truncated last paragraph whole when it holds no finished sentence', () => {
    const result = normalizeArticle(article('The vote passed.\nIn a statement the union sai\n'));
    expect(result.text).toBe('The vote passed.');
    expect(result.removed).toEqual([
      expect.objectContaining({ reason: 'truncated-sentence', text: 'In a statement the union sai', line: 2 }),
    ]);
  });

  it('keeps a last sentence that only lost its full stop after saying who said it', () => {
    for (const ending of ['Ferries were halted at noon, the harbour board said', 'Ferries were halted at noon, said Ana Ruiz of the harbour board']) {
      const result = normalizeArticle(article(`The vote passed.\n${ending}\n`));
      expect(result.removed).toEqual([]);
      expect(result.text.endsWith(ending)).toBe(true);
    }
    // Cut off before its speaker, it is still unfinished.
    expect(normalizeArticle(article('The vote passed.\nFerries were halted at noon, the harbour\n')).removed).toEqual([
      expect.objectContaining({ reason: 'truncated-sentence' }),
    ]);
  });

  it('drops a last sentence the page cut with an ellipsis, and keeps a quotation that trails off', () => {
    const cut = normalizeArticle(article('The vote passed. Crews reported that two piers were closed by the Harbour …\n'));
    expect(cut.text).toBe('The vote passed.');
    expect(cut.removed).toEqual([expect.objectContaining({ reason: 'truncated-sentence', text: 'Crews reported that two piers were closed by the Harbour …' })]);
    expect(normalizeArticle(article('The vote passed.\n“We will see what comes…”\n')).removed).toEqual([]);
  });

  it('does not treat a last paragraph ending in a closing quote or bracket as truncated', () => {
    for (const ending of ['“We will rebuild.”', '(The firm declined to comment.)', 'Is it over?']) {
      const result = normalizeArticle(article(`The vote passed.\n${ending}\n`));
      expect(result.removed).toEqual([]);
      expect(result.text.endsWith(ending)).toBe(true);
    }
  });

  it('removes a summary heading followed by a paragraph rather than bullets', () => {
    const result = normalizeArticle(article('TL;DR\nThe museum reopens.\n\nThe city museum will reopen on 2 May after a two-year refit, its director said.\n'));
    expect(result.text).toBe('The city museum will reopen on 2 May after a two-year refit, its director said.');
    expect(result.removed.map((r) => r.reason)).toEqual(['summary-block']);
  });

  it('ends an FAQ block at the end of the text when no other heading follows', () => {
    const body = 'The mine will close in 2027.\nFAQs\nWhy is it closing?\nThe seam is exhausted.\nWill jobs go?\nAbout 200 jobs will go.\n';
    const result = normalizeArticle(article(body));
    expect(result.text).toBe('The mine will close in 2027.');
    expect(result.removed).toEqual([expect.objectContaining({ reason: 'faq-block', line: 2 })]);
    expect(result.removed[0]?.detail).toMatch(/2 questions/u);
  });

  it('drops a heading left with nothing under it at the end', () => {
    const result = normalizeArticle(article('The mine will close in 2027.\nRelated Topics\n'));
    expect(result.text).toBe('The mine will close in 2027.');
    expect(result.removed.map((r) => r.reason)).toEqual(['page-chrome']);
  });

  it('reads a deck of title-case subheads closed with stops as a heading, and a list of names as a sentence', () => {
    const deck = 'Major Milestone in the Ferry Trial! Jury Finds the Chief Guilty of Fraud with a Maximum Sentence of 20 Years.';
    const list = 'Harbour Lights, Kelby Run, Tern Island and Quay Racer.';
    const result = normalizeArticle(article(`The jury returned on Friday.\n${deck}\nThe chief will appeal.\nIts games include:\n${list}\nThe catalogue grew.\n`));
    expect(result.text).toContain(`## ${deck}`);
    expect(result.text).not.toContain(`## ${list}`);
  });

  it('keeps a long first line that is not the title as a paragraph, not a heading', () => {
    const first = 'Regulators fined the airline for delays that stranded thousands of travellers over two summer weekends in a row';
    const result = normalizeArticle(article(`${first}\nThe fine was the largest yet.\n`, 'Airline fined'));
    expect(result.text.startsWith(`${first}\n\n`)).toBe(true);
  });

  it('removes a first line that repeats the title with an outlet name after it', () => {
    const result = normalizeArticle(article('Airline fined over delays | The Harbour Post\nThe fine was the largest yet.\n', 'Airline fined over delays'));
    expect(result.text).toBe('The fine was the largest yet.');
    expect(result.removed.map((r) => r.reason)).toEqual(['duplicate-headline']);
  });

  it('removes a link to the rest of the article on another site', () => {
    const result = normalizeArticle(article('The vote passed.\n→ Continue reading at Harbour FM\nThe council meets again in May.\n'));
    expect(result.text).toBe('The vote passed.\n\nThe council meets again in May.');
    expect(result.removed).toEqual([expect.objectContaining({ reason: 'page-chrome', detail: 'a link to the rest of the article on another site' })]);
  });

  it('strips a page’s label opening a line and keeps the text after it', () => {
    const result = normalizeArticle(article('Original Title: Ferry strike ends after nine days.\nWhat happened: The union accepted the offer on Monday.\nBottom line: fares will not rise.\n'));
    expect(result.text).toBe('Ferry strike ends after nine days.\n\nThe union accepted the offer on Monday.\n\nBottom line: fares will not rise.');
    expect(result.removed.map((r) => [r.text, r.line])).toEqual([['Original Title:', 1], ['What happened:', 2]]);
    expect(normalizeArticle(article('Title: The harbour reopens.\nTitle deeds for the harbour were signed.\n')).text).toBe('The harbour reopens.\n\nTitle deeds for the harbour were signed.');
  });

  it('removes a photo caption that ends in its credit, and keeps a sentence that only mentions a credit', () => {
    const body = 'The ferry sailed at noon.\nThe Tern Line flagship at dusk. Credit: Harbour Studio.\nShe gave credit to the crew. Photo by the captain: the deck at dawn is on the website.\n';
    const result = normalizeArticle(article(body));
    expect(result.text).toBe('The ferry sailed at noon.\n\nShe gave credit to the crew. Photo by the captain: the deck at dawn is on the website.');
    expect(result.removed).toEqual([expect.objectContaining({ reason: 'page-chrome', detail: 'a photo caption with its credit' })]);
  });

  it('removes the headline printed again on a line of its own further down, and keeps a sentence that only contains it', () => {
    const body = 'Airline fined over delays\nBrowser not supported.\n\nAirline fined over delays\n\nThe fine was the largest yet.\nAirline fined over delays, the regulator said on Monday.\n';
    const result = normalizeArticle(article(body, 'Airline fined over delays'));
    expect(result.text).toBe('Browser not supported.\n\nThe fine was the largest yet.\n\nAirline fined over delays, the regulator said on Monday.');
    expect(result.removed.filter((r) => r.reason === 'duplicate-headline').map((r) => r.line)).toEqual([1, 4]);
  });

  it('gives the same text when run again on its own output', () => {
    for (const name of readdirSync(FIXTURES).sort()) {
      const dir = join(FIXTURES, name);
      const inputFile = existsSync(join(dir, 'input.md')) ? 'input.md' : 'input.txt';
      const once = normalizeArticle(article(readFileSync(join(dir, inputFile), 'utf8')));
      const twice = normalizeArticle(article(once.text));
      expect(twice.text, name).toBe(once.text);
    }
  });

  it('treats a line of bare symbols as a separator, not a paragraph', () => {
    expect(normalizeArticle(article('The pool reopens.\n•\n* * *\n—\nIt closed in May.\n')).text).toBe('The pool reopens.\n\nIt closed in May.');
  });

  it('normalizes line endings and composes characters to NFC', () => {
    const result = normalizeArticle(article('Cafe\u0301 owners met.\r\nThey agreed.\r\n'));
    expect(result.text).toBe('Café owners met.\n\nThey agreed.');
  });
});

describe('normalizeArticle on the seed articles', () => {
  const seeds: Array<{ name: string; result: NormalizedArticle }> = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const file = `seeds/${name}`;
      const decoded = decodeRaw(readFileSync(join(SEEDS, name)), file);
      const imported = importRaw({ text: decoded.text, kind: 'txt', file, origin: file, told: {} });
      const id = name.replace(/\.txt$/u, '');
      return { name, result: normalizeArticle({ ...article(imported.body, imported.meta.title, id), meta: imported.meta }) };
    });

  it('reads all five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it('leaves no damaged character, page label, summary, credit line, byline or FAQ in any seed', () => {
    const labels = new Set(PAGE_LABELS.keys());
    for (const { name, result } of seeds) {
      expect(result.text, name).not.toMatch(/\u0E42|â€|Ã|\uFFFD/u);
      expect(result.text, name).not.toMatch(/Recommended Video|▼|\(Source:|Last Updated on|Published on|FAQ|Frequently Asked/u);
      for (const paragraph of result.text.split('\n\n')) {
        expect(labels.has(paragraph.replace(/^## /u, '').toLowerCase()), `${name}: ${paragraph}`).toBe(false);
      }
      expect(result.text, name).not.toMatch(/\n{3,}/u);
    }
  });

  it('removes the FAQ questions and keeps none of them in the text', () => {
    const faqs = seeds.flatMap(({ result }) => result.removed.filter((r) => r.reason === 'faq-block').map((r) => ({ r, text: result.text })));
    expect(faqs.length).toBeGreaterThan(0);
    for (const { r, text } of faqs) {
      const questions = r.text.split('\n').filter((line) => line.endsWith('?'));
      expect(questions.length).toBeGreaterThan(0);
      for (const question of questions) expect(text).not.toContain(question);
    }
  });

  it('repairs the lone Thai letter as a dash and records the rule and count', () => {
    const repairs = seeds.flatMap(({ result }) => result.repairs);
    const dash = repairs.find((r) => r.found === '\u0E42');
    expect(dash).toMatchObject({ replacement: '—', rule: expect.stringMatching(/Windows-874/u) });
    expect(dash?.count).toBeGreaterThan(0);
  });

  it('records the truncated ending and every seed then ends on a finished sentence', () => {
    const truncated = seeds.flatMap(({ result }) => result.removed.filter((r) => r.reason === 'truncated-sentence'));
    expect(truncated).toHaveLength(1);
    expect(truncated[0]?.text).toMatch(/[a-z]$/u);
    for (const { name, result } of seeds) expect(result.text, name).toMatch(/[.!?…]["”’)]?$/u);
  });

  it('removes nothing but chrome: each seed loses only the kinds of text expected of it', () => {
    const reasons = Object.fromEntries(seeds.map(({ name, result }) => [name.slice(0, 3), result.removed.map((r) => r.reason).sort()]));
    expect(reasons).toEqual({
      '000': [],
      '001': ['blank-lines', 'credit-line', 'duplicate-headline', 'summary-block'],
      '002': ['duplicate-headline', 'page-chrome', 'truncated-sentence'],
      '003': ['blank-lines'],
      '004': ['blank-lines', 'byline', 'faq-block'],
    });
  });

  it('keeps section headings such as "Conclusion" as headings', () => {
    const headings = seeds.flatMap(({ result }) => result.text.split('\n\n').filter((p) => p.startsWith('## ')));
    expect(headings).toContain('## Conclusion');
    expect(headings.length).toBeGreaterThanOrEqual(8);
  });
});
