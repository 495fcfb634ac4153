import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRaw, importRaw } from '../../src/pipeline/import/import-raw.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
import { splitSentences, splitText } from '../../src/pipeline/split-sentences.ts';
import type { NormalizedArticle } from '../../src/types.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/sentences/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

function normalized(text: string, id = 'story'): NormalizedArticle {
  return {
    id,
    file: `content/articles/${id}.md`,
    meta: { title: 'unknown', outlet: 'unknown', published: 'unknown', origin: `content/articles/${id}.md`, language: 'en' },
    body: text,
    contentHash: '0'.repeat(64),
    text,
    removed: [],
    repairs: [],
  };
}

/** One line per segment: `<paragraph> <kind> | <text>`. */
function render(article: NormalizedArticle): string {
  return splitSentences(article)
    .sentences.map((s) => `${s.paragraph} ${s.kind} | ${s.text}\n`)
    .join('');
}

describe('splitText on datelines', () => {
  it('does not end a sentence after a title written in capitals in a dateline', () => {
    const parts = splitText('ST. ALDWIN, Ga. — The river crested overnight. Crews worked until dawn.');
    expect(parts).toEqual(['ST. ALDWIN, Ga. — The river crested overnight.', 'Crews worked until dawn.']);
  });
});

describe('splitText on saved pages', () => {
  it('splits a link title from the next line glued to it by a lost line break, and keeps "PhD" and "I" whole', () => {
    expect(splitText('Read full article: Flood turns fatal in Calder CountyA flood swept through Pell and killed two residents.')).toEqual([
      'Read full article: Flood turns fatal in Calder County',
      'A flood swept through Pell and killed two residents.',
    ]);
    expect(splitText('The PhD student said I am here.')).toEqual(['The PhD student said I am here.']);
  });
});

describe('splitSentences on golden fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`splits ${name} as expected`, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8').replace(/\n$/u, '');
      const actual = render(normalized(input));
      if (process.env.UPDATE) writeFileSync(join(FIXTURES, name, 'output.txt'), actual);
      expect(actual).toBe(readFileSync(join(FIXTURES, name, 'output.txt'), 'utf8'));
    });
  }
});

describe('splitSentences', () => {
  it('numbers segments across the article and gives ids of the form <articleId>#<index>', () => {
    const { sentences } = splitSentences(normalized('## Title Here\n\nOne. Two.\n\n- Item', 'x-1'));
    expect(sentences.map((s) => [s.id, s.index, s.paragraph, s.kind])).toEqual([
      ['x-1#0', 0, 0, 'heading'],
      ['x-1#1', 1, 1, 'sentence'],
      ['x-1#2', 2, 1, 'sentence'],
      ['x-1#3', 3, 2, 'list-item'],
    ]);
    expect(sentences.every((s) => s.articleId === 'x-1')).toBe(true);
  });

  it('returns no segments for an empty text and keeps the article fields', () => {
    const result = splitSentences(normalized(''));
    expect(result.sentences).toEqual([]);
    expect(result.id).toBe('story');
  });

  it('splits at question and exclamation marks before a capital', () => {
    expect(splitText('Who pays? The city does! Nobody else.')).toEqual(['Who pays?', 'The city does!', 'Nobody else.']);
  });

  it('does not split before a lowercase word, even after a full stop', () => {
    expect(splitText('The fund (est. 1990) grew approx. three times, etc. and more.')).toEqual([
      'The fund (est. 1990) grew approx. three times, etc. and more.',
    ]);
  });

  it('splits before a word written like "iPhone" that opens a sentence', () => {
    expect(splitText('Sales fell. iPhone shipments dropped.')).toEqual(['Sales fell.', 'iPhone shipments dropped.']);
  });

  it('does not split after "No." before a number or after a title before a name', () => {
    expect(splitText('It ranked No. 4 in the list. Prof. Lee agreed.')).toEqual(['It ranked No. 4 in the list.', 'Prof. Lee agreed.']);
  });

  it('splits after an abbreviation that ends a sentence when a typical opener follows', () => {
    expect(splitText('The talks ended at 5 p.m. They resume on Monday.')).toEqual(['The talks ended at 5 p.m.', 'They resume on Monday.']);
  });

  it('splits two sentences glued by a lost space, but not domains, versions or titles', () => {
    expect(splitText('Sales fell in 2019.The next year was worse.')).toEqual(['Sales fell in 2019.', 'The next year was worse.']);
    expect(splitText('He went home.It rained.')).toEqual(['He went home.', 'It rained.']);
    for (const whole of ['Visit meta.ai or Example.Com today.', 'It runs on ASP.NET and Node.js now.', 'Mr.Smith came.']) {
      expect(splitText(whole)).toEqual([whole]);
    }
  });

  it('treats "no." and "art." as words when no number follows', () => {
    expect(splitText('The CEO said “no.” That was that.')).toEqual(['The CEO said “no.”', 'That was that.']);
    expect(splitText('She loves art. The museum knows it.')).toEqual(['She loves art.', 'The museum knows it.']);
    expect(splitText('See art. 5 of the treaty.')).toEqual(['See art. 5 of the treaty.']);
  });

  it('keeps every character: the sentences joined give back the text, white space aside', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Dr.', 'U.S.', 'the', 'The', '3.5%', '“Yes.”', 'said.', '(a.', 'b.)', 'e.g.', 'It', '…', 'J.', '?', '!', '  ', 'home.Then', 'no.'), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        const sentences = splitText(text);
        expect(sentences.join('').replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
        expect(sentences.every((s) => s !== '' && s === s.trim())).toBe(true);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('on the seed articles, never starts a sentence lowercase and never splits a figure or version', () => {
    for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
      const file = `seeds/${name}`;
      const imported = importRaw({ text: decodeRaw(readFileSync(join(SEEDS, name)), file).text, kind: 'txt', file, origin: file, told: {} });
      const article = normalizeArticle({ id: name, file, meta: imported.meta, body: imported.body, contentHash: '' });
      const { sentences } = splitSentences(article);
      expect(sentences.length, name).toBeGreaterThan(10);
      for (const sentence of sentences) {
        expect(sentence.text, name).not.toMatch(/^\p{Ll}/u);
        if (sentence.kind === 'sentence') expect(sentence.text, name).toMatch(/[.!?…:]["”’)]?$/u);
      }
      // A decimal, amount or version in the text is always found whole inside one sentence.
      for (const figure of article.text.match(/\$?\d+\.\d+%?|GPT-\d\.\d|\bU\.S\./gu) ?? []) {
        expect(sentences.some((s) => s.text.includes(figure)), `${name}: ${figure}`).toBe(true);
      }
      sentences.slice(1).forEach((sentence, i) => {
        expect(`${sentences[i]?.text} ${sentence.text}`, name).not.toMatch(/\d\.\s\d/u);
      });
    }
  });
});
