/**
 * The article inside a saved web page: Mozilla Readability (the library behind Firefox's Reader
 * View) picks the element that holds the story, over a linkedom DOM, and this module turns that
 * element into the Markdown-lite body the normalize stage reads (paragraphs, `## ` headings,
 * `- ` list items). It also counts the page's visible words, so the caller can tell a whole
 * article from a scrap of one (see `import-raw.ts`).
 *
 * linkedom, not jsdom: on 43 real pages from two extraction projects' fixtures, Readability gave
 * the same text over both on 42 (on the 43rd jsdom kept an iframe's fallback markup as literal
 * text, as HTML parsing requires), and linkedom took 0.76 s for all of them against jsdom's 3.0 s.
 *
 * Pure: a string or a document in, a result out. `extractArticle` consumes the document it is
 * given (Readability rearranges it), so read anything else from the page first.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ArticleNotFoundError, assertInRange } from '../../errors.ts';

/** What `extractArticle` found. */
export interface ExtractedArticle {
  /** The article as Markdown-lite: paragraphs, `## ` headings and `- ` list items, blank-line separated; '' if none. */
  body: string;
  /** Words in `body` (see `countWords`). */
  words: number;
  /** Words of visible text on the whole page (scripts, styles and hidden elements left out). */
  pageWords: number;
  /** The byline Readability saw on the page (a visible "By …" line or an author link), if any. */
  byline?: string;
}

/** Parses a saved page into a DOM document (linkedom: a fast DOM, no scripts run, nothing fetched). */
export function parsePage(html: string): Document {
  return parseHTML(html).document;
}

/** Elements whose text a reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'embed', 'canvas', 'select', 'option']);

/** Elements of the article left out of its body: a caption describes a picture, not the story. */
const NOT_BODY = new Set(['figcaption']);

/**
 * Block-level elements: each starts a new paragraph of the body. Everything else is inline and
 * joins the paragraph around it.
 */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figure', 'footer', 'header',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A token that counts as a word: it holds a letter or a digit (so "—" and "•" do not). */
const WORD = /[\p{L}\p{N}]/u;

/** The number of words in `text`: whitespace-separated tokens holding a letter or a digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) count += 1;
  return count;
}

/**
 * Finds the article in `document` with Readability and returns it as Markdown-lite, with the word
 * counts the no-silent-loss check needs. The document is consumed: Readability moves its nodes.
 */
export function extractArticle(document: Document): ExtractedArticle {
  const root = document.documentElement;
  // The whole document, not document.body: on pages that open <html> several times (old IE
  // conditional comments) linkedom's document.body is an empty stand-in.
  const survey = root === null ? { text: '', invisible: [], nonArticle: [] } : surveyPage(root);
  const pageWords = countWords(survey.text);
  // What no reader sees goes before Readability runs: it serializes the page to retry with, and
  // scripts, styles and inline SVG are most of a page's weight. (Metadata was read already.)
  for (const element of survey.invisible) element.remove();
  removeNonArticle(survey.nonArticle, root?.querySelector('h1') ?? null, survey.text.length);
  // The article element itself, not its HTML: walking it is cheaper than parsing its HTML again.
  const reader = new Readability<Node>(document, { serializer: (node) => node });
  const result = reader.parse();
  const content = result?.content;
  const body = content === null || content === undefined ? '' : render(trimBoilerplate(articleBlocks(content)));
  const byline = result?.byline?.replace(/\s+/g, ' ').trim();
  return { body, words: countWords(body), pageWords, ...(byline ? { byline } : {}) };
}

/**
 * Class or id words of page parts that are never the story, whatever holds them: picture
 * galleries, advertisements, captions. Readability weighs class names too, but only to choose the
 * article's container; these are taken out of the container as well.
 */
const NON_ARTICLE_CLASS = new Set(['gallery', 'slideshow', 'carousel', 'ad', 'ads', 'advert', 'advertisement', 'caption']);

/** Elements that hold a page or an article, never one of its parts. */
const KEEP_WHOLE = new Set(['html', 'body', 'main', 'article']);

/** Invisible elements that can go before extraction; the head stays, for Readability's title (and is not walked). */
const REMOVABLE = new Set([...INVISIBLE].filter((name) => name !== 'head'));

/** One walk over the page: what it shows, and the elements to take out before extraction. */
interface PageSurvey {
  /** The text a reader sees, with a space at every element boundary. */
  text: string;
  /** Scripts, styles, SVG and the like in the body. */
  invisible: Element[];
  /** Elements whose class or id names a non-article part, with the visible characters each holds. */
  nonArticle: { element: Element; chars: number }[];
}

function surveyPage(root: Element): PageSurvey {
  const parts: string[] = [];
  let chars = 0;
  const invisible: Element[] = [];
  const nonArticle: PageSurvey['nonArticle'] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      chars += value.length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const name = element.localName;
    if (INVISIBLE.has(name) || isHidden(element)) {
      if (REMOVABLE.has(name)) invisible.push(element);
      return;
    }
    const before = chars;
    parts.push(' ');
    for (let child = element.firstChild; child !== null; child = child.nextSibling) walk(child);
    parts.push(' ');
    if (namesNonArticle(element)) nonArticle.push({ element, chars: chars - before });
  };
  walk(root);
  return { text: parts.join(''), invisible, nonArticle };
}

/** True when the element's class or id holds a `NON_ARTICLE_CLASS` word ("proper-ad-unit", not "header"). */
function namesNonArticle(element: Element): boolean {
  const className = element.getAttribute('class');
  const id = element.getAttribute('id');
  if (className === null && id === null) return false;
  return `${className ?? ''} ${id ?? ''}`.toLowerCase().split(/[^a-z0-9]+/).some((word) => NON_ARTICLE_CLASS.has(word));
}

/**
 * Removes the elements whose class or id names a non-article part. One that cannot be a mere part
 * stays, whatever its name says ("article article-ad-marker" marks a whole article for ads): an
 * `<article>` or `<main>`, one holding the page's headline, or one holding a third of the page's
 * visible text.
 */
function removeNonArticle(candidates: PageSurvey['nonArticle'], headline: Element | null, pageChars: number): void {
  for (const { element, chars } of candidates) {
    if (KEEP_WHOLE.has(element.localName) || !element.isConnected) continue;
    if (headline !== null && element.contains(headline)) continue;
    if (chars * 3 >= pageChars) continue;
    element.remove();
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hidden by the page itself: the `hidden` attribute, `aria-hidden="true"` or an inline `display: none`. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/**
 * A paragraph that begins like Markdown syntax ("# 1 in sales", "- 5 degrees", "1. The…", "> …")
 * would read back as a heading, list or quote; a backslash keeps it text (normalize removes it).
 */
function escapeMarkdownStart(text: string): string {
  const ordered = /^(\d+)([.)])(\s|$)/.exec(text);
  if (ordered !== null) return `${ordered[1]}\\${text.slice(ordered[1]?.length ?? 0)}`;
  return /^(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|>)/.test(text) ? `\\${text}` : text;
}

/** One paragraph, heading or list item of the body, in document order. */
interface Block {
  kind: 'heading' | 'item' | 'paragraph';
  text: string;
}

/** The article element's paragraphs, headings and list items, in order. */
function articleBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let kind: Block['kind'] = 'paragraph';
  const flush = (): void => {
    const squashed = text.replace(/\s+/g, ' ').trim();
    if (WORD.test(squashed)) blocks.push({ kind, text: squashed });
    text = '';
  };
  // `context` is the kind of the nearest enclosing block: a paragraph inside a list item is an item.
  const walk = (node: Node, context: Block['kind']): void => {
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const name = element.localName;
    if (INVISIBLE.has(name) || NOT_BODY.has(name)) return;
    if (!BLOCKS.has(name)) {
      for (let child = element.firstChild; child !== null; child = child.nextSibling) walk(child, context);
      return;
    }
    flush();
    const inner: Block['kind'] = HEADINGS.has(name) ? 'heading' : name === 'li' ? 'item' : context;
    kind = inner;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) walk(child, inner);
    flush();
    kind = context;
  };
  walk(root, 'paragraph');
  flush();
  return blocks;
}

/**
 * A block that only labels further reading: "Related", "Read more from Jennifer Rubin:",
 * "Editors' Recommendations", "À lire aussi", "Mehr zum Thema"… What follows such a label near
 * the end of an article is other articles, not this one.
 */
const FURTHER_READING = new RegExp(
  '^(?:' +
    [
      'related(?: (?:articles?|stories|story|coverage|content|topics|reading|links))?',
      'read (?:more|next|also)(?: (?:from|on|about) .{1,60})?',
      'more (?:from|on|about|stories from|in) .{1,60}',
      'more stories',
      'see also',
      'further reading',
      'recommended(?: for you| reading| stories| articles)?',
      "editors?[’']?s? (?:recommendations|picks)",
      'you (?:may|might) (?:also )?like',
      'trending(?: articles| stories| now)?',
      '(?:à|a) (?:lire|écouter|voir) aussi',
      'lire aussi',
      'sur le même sujet',
      'mehr zum thema',
      'lesen sie auch',
      'das könnte sie auch interessieren',
      'weitere artikel',
      'lee (?:también|más)',
      'leggi anche',
    ].join('|') +
    ')\\s*[:.…]?$',
  'i',
);

/** A paragraph that is one link to another article: "Read more: Looted colonial art: Germany to set up…". */
const READ_MORE_LINK = /^(?:read more|related|see also|also read|more on this|lesen sie auch|mehr dazu|(?:à )?lire aussi|leer más|leggi anche)\s*:\s*\S.{0,150}$/i;

/** A newsletter invitation closing an article: "Sign up for the newsletter here." */
const NEWSLETTER = /\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b/i;

/** A copyright notice: "© 2019 Science X Network", "Copyright 2020 …", "… All rights reserved." */
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\bsubject to copyright\b/i;

/** A paragraph that only credits a picture: "(Credit: Clayton Aldern / Grist)", "Photo: AP", "Image: Psyonix". */
const PICTURE_CREDIT = /^\(?\s*(?:photo(?:graph)?s?|image|picture|credit|foto|bild)(?:\s+by)?\s*[:/]\s*[^.!?]{1,80}\)?$/i;

/**
 * Takes the page furniture Readability leaves inside an article out of its blocks: picture
 * credits and one-link "Read more: …" paragraphs anywhere; from a further-reading label in the
 * second half of the article, everything after it; and copyright notices and newsletter
 * invitations at the end.
 */
function trimBoilerplate(blocks: Block[]): Block[] {
  const kept = blocks.filter((block) => !(block.kind === 'paragraph' && (PICTURE_CREDIT.test(block.text) || READ_MORE_LINK.test(block.text))));
  const total = kept.reduce((sum, block) => sum + countWords(block.text), 0);
  let seen = 0;
  for (let index = 0; index < kept.length; index += 1) {
    const block = kept[index] as Block;
    if (seen * 2 >= total && block.kind !== 'item' && FURTHER_READING.test(block.text)) {
      kept.length = index;
      break;
    }
    seen += countWords(block.text);
  }
  const isClosingFurniture = (block: Block): boolean => COPYRIGHT.test(block.text) || (NEWSLETTER.test(block.text) && countWords(block.text) <= 40);
  while (kept.length > 0 && isClosingFurniture(kept[kept.length - 1] as Block)) kept.pop();
  return kept;
}

/** Writes blocks as Markdown-lite: blank lines between blocks, a run of list items as one list. */
function render(blocks: Block[]): string {
  let out = '';
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    if (previous !== undefined) out += block.kind === 'item' && previous.kind === 'item' ? '\n' : '\n\n';
    out += block.kind === 'heading' ? `## ${block.text}` : block.kind === 'item' ? `- ${block.text}` : escapeMarkdownStart(block.text);
  });
  return out === '' ? '' : `${out}\n`;
}

/** When an extracted article counts as the whole article of its page. */
export interface WholeArticleLimits {
  /** Fewest words a whole article has. */
  minWords: number;
  /** Smallest share (0–1) of the words the page shows that a whole article holds. */
  minShare: number;
}

/**
 * The defaults: 150 words, and a tenth of the page. On the 50 real news pages measured (the
 * real-page fixtures and their neighbours in the same projects), every full article held at least
 * a fifth of its page's words (the lowest, 0.22, under a long comment thread); what fell below
 * either limit was a teaser, a template, or a page that loads its article with scripts.
 */
export const WHOLE_ARTICLE: WholeArticleLimits = { minWords: 150, minShare: 0.1 };

/**
 * Throws `ArticleNotFoundError` when `article` is too short, or too small a share of its page, to
 * be the page's whole article: importing it would lose the article without a word. The error says
 * what was found (its length and its first words) and how to go on.
 */
export function checkWholeArticle(article: ExtractedArticle, file: string, limits: WholeArticleLimits = WHOLE_ARTICLE): void {
  assertInRange('import', 'minWords', limits.minWords, 0, Number.MAX_SAFE_INTEGER);
  assertInRange('import', 'minShare', limits.minShare, 0, 1);
  const share = article.pageWords === 0 ? 0 : article.words / article.pageWords;
  const short = article.words < limits.minWords;
  if (!short && share >= limits.minShare) return;
  const words = article.body.split(/\s+/).filter((word) => word !== '' && word !== '##' && word !== '-');
  const opening = words.length === 0 ? '' : `, beginning "${words.slice(0, 12).join(' ')}${words.length > 12 ? ' …' : ''}"`;
  const percent = Math.round(share * 100);
  throw new ArticleNotFoundError(short ? 'no whole article was found in this page: what was found is too short' : 'no whole article was found in this page: what was found is a small part of the page', {
    file,
    found: `${article.words} words of article${opening}; the page shows ${article.pageWords} words of text (${percent}%), and a whole article has at least ${limits.minWords} words and ${Math.round(limits.minShare * 100)}% of its page`,
    fix: "if that is the whole article, add the file again with --force; otherwise copy the article's text from the page into a .txt file and add that instead (a page saved before its article finished loading, or one that loads it with scripts, holds no article text)",
  });
}
