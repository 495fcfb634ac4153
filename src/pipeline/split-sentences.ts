/**
 * The sentence stage: splits a normalized article into sentences, headings and list items.
 *
 * The splitter is rule-based. A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing
 * quotes or brackets after it) that is followed by white space and a word that can open a sentence.
 * Two sentences glued by a lost space ("in 2019.The year after") are split as well.
 * It does not end:
 * - inside a token: decimals, versions and domains ("89.5%", "GPT-5.4", "meta.ai") have no space
 *   after the full stop;
 * - before a lowercase word ("the U.S. economy", "…,” she said");
 * - after a title or a word that never ends a sentence ("Dr.", "St.", "vs.", "e.g."), or an
 *   abbreviation before a number ("No. 4", "Fig. 2");
 * - after an abbreviation that can end one ("Inc.", "U.S.", "a.m.", "Jan.", an initial "J.")
 *   unless the next word is one that typically opens a sentence ("The", "He", "But"…), so
 *   "J. R. R. Tolkien" and "U.S. President" stay whole while "moved to the U.S. The firm" splits;
 * - inside parentheses that close in the same paragraph;
 * - inside a quotation that closes on an attribution ("“It works. We ship,” she said.").
 */
import type { NormalizedArticle, SegmentedArticle, Sentence, SentenceKind } from '../types.ts';

/** Titles before a name (checked capitalized, so the word "col" or "rev" is not one). */
const TITLES = new Set(
  'Mr Mrs Ms Mx Dr Prof Sen Rep Gov Gen Lt Col Capt Cpt Sgt Cpl Maj Adm Cmdr Rev Hon Pres Supt Insp Det St Mt Fr'.split(' '),
);

/** Abbreviations that are always followed by more of the same sentence. */
const NEVER_FINAL = new Set('vs v e.g i.e cf viz approx'.split(' '));

/** Abbreviations that stand before a number ("No. 4", "Fig. 2", "est. 1990"); only then never final. */
const BEFORE_NUMBER = new Set('no nos fig figs vol vols ch pp p art sec para op est ca'.split(' '));

/** Abbreviations that may also end a sentence (then the next word decides). */
const MAY_END = new Set(
  (
    'inc ltd corp co cos plc bros jr sr etc al ave blvd rd dept univ assn ft ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont ' +
    'neb nev okla ore pa tenn tex vt va wash wis wyo'
  ).split(' '),
);

/** Words that commonly open a sentence; after a may-end abbreviation they signal a new one. */
const SENTENCE_OPENERS = new Set(
  (
    'a an the he she it they we i you this that these those there here his her its their our my ' +
    'but and or so yet however meanwhile still also then now in on at for by with after before while ' +
    'when where what why how if as since although though some many most all both each one no not ' +
    'according under over despite during its'
  ).split(' '),
);

const OPENERS = '“‘"\'([«‹¿¡';
const TERMINAL_RUN = /[.!?…]+[”’"')\]»›]*/gu;

/**
 * Splits one paragraph of plain text into sentences. White space is collapsed; each sentence keeps
 * its own punctuation and closing quotes. Returns an empty array for blank text.
 */
export function splitText(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  const spans = enclosingSpans(text);
  const sentences: string[] = [];
  let start = 0;
  // Each match is a run of terminal punctuation with the closing quotes or brackets after it.
  for (const match of text.matchAll(TERMINAL_RUN)) {
    const mark = match.index;
    const end = mark + match[0].length;
    if (end >= text.length) break;
    if (text[end] !== ' ') {
      if (isGluedBoundary(text, mark, end)) {
        sentences.push(text.slice(start, end).trim());
        start = end;
      }
      continue;
    }
    if (endsSentence(text, mark, end, end + 1, spans)) {
      sentences.push(text.slice(start, end).trim());
      start = end + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences.flatMap((sentence) => sentence.split(LOST_LINE_BREAK));
}

/**
 * Where a saved page lost a line break and its full stop: a lowercase word with "A" or "I", the
 * next line's first word, glued to its end ("…in Calder CountyA tornado hit…").
 */
const LOST_LINE_BREAK = /(?<=\p{Ll}{2})(?=[AI] \p{Ll})/u;

/**
 * Two sentences glued together by a lost space ("in 2019.The next year"): a full stop after a
 * lowercase word or a number, then a plain capitalized word. Domains, file names and versions
 * ("meta.ai", "report.PDF", "ASP.NET") do not fit the pattern.
 */
function isGluedBoundary(text: string, mark: number, end: number): boolean {
  if (text[mark] !== '.' || end !== mark + 1) return false;
  const token = wordBefore(text, mark);
  if (!/^[“"(]?(?:\p{L}*\p{Ll}{2}|\d{2,})$/u.test(token) || TITLES.has(token)) return false;
  const word = /^(\p{Lu}\p{Ll}+)[,;:]?$/u.exec(wordAt(text, end))?.[1];
  // A short capitalized word may be a domain ending ("Example.Com"); only a common opener counts.
  return word !== undefined && (word.length > 3 || SENTENCE_OPENERS.has(word.toLowerCase()));
}

/** The run of non-space characters starting at `index` (the text is single-spaced). */
function wordAt(text: string, index: number): string {
  const end = text.indexOf(' ', index);
  return text.slice(index, end === -1 ? text.length : end);
}

/** The run of non-space characters that ends just before `index`. */
function wordBefore(text: string, index: number): string {
  return text.slice(text.lastIndexOf(' ', index - 1) + 1, index);
}

/** A pair of brackets or quotation marks that open and close within the paragraph. */
interface Span {
  open: number;
  close: number;
  kind: 'bracket' | 'quote';
}

function enclosingSpans(text: string): Span[] {
  const spans: Span[] = [];
  const brackets: number[] = [];
  let quoteOpen: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(' || char === '[') brackets.push(i);
    else if ((char === ')' || char === ']') && brackets.length > 0) {
      spans.push({ open: brackets.pop() ?? 0, close: i, kind: 'bracket' });
    } else if (char === '“' || (char === '"' && isOpeningStraightQuote(text, i))) {
      quoteOpen = i;
    } else if ((char === '”' || char === '"') && quoteOpen !== undefined) {
      spans.push({ open: quoteOpen, close: i, kind: 'quote' });
      quoteOpen = undefined;
    }
  }
  return spans;
}

function isOpeningStraightQuote(text: string, i: number): boolean {
  return i === 0 || /[\s([{—–-]/u.test(text[i - 1] ?? ' ');
}

/** Decides whether the terminal punctuation at `mark` (running to `end`) closes a sentence. */
function endsSentence(text: string, mark: number, end: number, next: number, spans: Span[]): boolean {
  for (const span of spans) {
    if (span.open < mark && span.close >= end) {
      if (span.kind === 'bracket') return false;
      if (isAttributedQuote(text, span)) return false;
    }
  }
  const nextWord = wordAt(text, next);
  if (!opensSentence(nextWord)) return false;
  if (text[mark] !== '.' || text.startsWith('...', mark)) return true;

  const token = wordBefore(text, mark).replace(/^.*[“‘"'(\[«]/u, '');
  const key = token.toLowerCase();
  if (token === '') return true;
  // Titles are checked capitalized; a dateline in capitals writes them so too ("ST. PETERSBURG").
  const titled = /^\p{Lu}{2,4}$/u.test(token) ? `${token[0]}${key.slice(1)}` : token;
  if (NEVER_FINAL.has(key) || TITLES.has(titled)) return false;
  if (BEFORE_NUMBER.has(key) && /^[(\[]?\d/u.test(nextWord)) return false;
  const opener = nextWord.replace(/^[“‘"'(\[«]+/u, '').replace(/[^\p{L}]+$/u, '').toLowerCase();
  const isInitial = /^\p{Lu}$/u.test(token);
  const isDotted = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token);
  if (isInitial || isDotted || MAY_END.has(key)) return SENTENCE_OPENERS.has(opener);
  return true;
}

/** A quotation that ends on a comma or runs on into a lowercase attribution ("…,” she said). */
function isAttributedQuote(text: string, span: Span): boolean {
  if (text[span.close - 1] === ',') return true;
  return /^\s?\p{Ll}/u.test(text.slice(span.close + 1, span.close + 3));
}

/** True when `word` can open a sentence: not lowercase, unless written like "iPhone". */
function opensSentence(word: string): boolean {
  const bare = [...word].filter((char) => !OPENERS.includes(char)).join('');
  const first = bare[0];
  if (first === undefined) return word !== '';
  if (/\p{Ll}/u.test(first)) return /^\p{Ll}+\p{Lu}/u.test(bare);
  return true;
}

/** Structure markers written by the normalize stage. */
const HEADING_MARKER = /^#{1,6}\s+/u;
const ITEM_MARKER = /^-\s+/u;

/**
 * Splits a normalized article into segments: `## ` lines become headings, `- ` lines list items
 * (one segment per sentence of the item, marker removed), everything else sentences.
 * Ids are `<articleId>#<index>`; paragraph numbers count the blank-line-separated blocks from 0.
 */
export function splitSentences(article: NormalizedArticle): SegmentedArticle {
  const sentences: Sentence[] = [];
  const push = (paragraph: number, text: string, kind: SentenceKind): void => {
    const index = sentences.length;
    sentences.push({ id: `${article.id}#${index}`, articleId: article.id, index, paragraph, text, kind });
  };
  const blocks = article.text.split(/\n[ \t]*\n/u).map((block) => block.trim()).filter((block) => block !== '');
  blocks.forEach((block, paragraph) => {
    let prose: string[] = [];
    const flushProse = (): void => {
      for (const sentence of splitText(prose.join(' '))) push(paragraph, sentence, 'sentence');
      prose = [];
    };
    for (const line of block.split('\n')) {
      if (HEADING_MARKER.test(line)) {
        flushProse();
        const heading = line.replace(HEADING_MARKER, '').trim();
        if (heading !== '') push(paragraph, heading, 'heading');
      } else if (ITEM_MARKER.test(line)) {
        flushProse();
        for (const sentence of splitText(line.replace(ITEM_MARKER, ''))) push(paragraph, sentence, 'list-item');
      } else {
        prose.push(line);
      }
    }
    flushProse();
  });
  return { ...article, sentences };
}
