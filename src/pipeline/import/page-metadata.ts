/**
 * What a saved web page states about its article: headline, outlet, publication date, author,
 * address and language, each with where it was found, so `npm run add` can print it as inferred.
 *
 * Sources, in order (the first that states a field wins):
 * 1. JSON-LD: the page's schema.org `NewsArticle`/`Article` (any article type, in a `@graph` or an
 *    array, `@type` a string or a list): `headline`, `datePublished`, `author`, `publisher`; a
 *    `{ "@id": … }` reference is looked up among the page's other JSON-LD nodes.
 * 2. OpenGraph: `og:title`, `og:site_name`, `article:published_time`, `article:author`.
 * 3. `<meta name="author">`, `<link rel="canonical">` (the url), `<html lang>`.
 * 4. The visible page: `<title>` and `<h1>` for the headline; for the date, an element marked as
 *    the publication date (`itemprop="datePublished"`), a line that says so ("Published on …",
 *    "Date 19.01.2020"), or the first `<time>` after the headline; then (`bylineFields`) the
 *    byline Readability found, for an author it names after "By" and a date in it.
 * Nothing is invented: a field no source states is left out, and the importer writes `unknown`.
 *
 * Pure: reads the document, changes nothing.
 */
import { decodeEntities } from '../normalize/strip-markup.ts';
import { findStatedDate, parseStatedDate } from './stated-date.ts';
import type { Inference, MetaField } from './stated-fields.ts';

/** Fields the page states, and notes for the editor (a stated value that could not be used). */
export interface PageMetadata {
  fields: Partial<Record<MetaField, Inference>>;
  notes: string[];
}

/** A parsed JSON-LD node: any JSON object. */
type JsonNode = Record<string, unknown>;

/**
 * Reads what `document` states about its article. Call it before extraction, which rearranges the
 * document.
 */
export function pageMetadata(document: Document): PageMetadata {
  const fields: Partial<Record<MetaField, Inference>> = {};
  const notes: string[] = [];
  const meta = metaTags(document);
  const ld = jsonLdArticle(document, notes);
  const headings = [...document.querySelectorAll('h1')].map((h1) => squash(h1.textContent ?? '')).filter((text) => text !== '').slice(0, 5);

  const titleSource =
    pick(ld?.headline, `the JSON-LD ${ld?.type ?? ''} headline`) ??
    pick(meta.get('og:title'), '<meta property="og:title">') ??
    pick(document.querySelector('title')?.textContent, 'the page\'s <title>') ??
    pick(headings[0], 'the page\'s <h1>');
  if (titleSource !== undefined) fields.title = headlineOf(titleSource, headings);

  const outlet = pick(ld?.publisher, `the JSON-LD ${ld?.type ?? ''} publisher`) ?? pick(meta.get('og:site_name'), '<meta property="og:site_name">');
  if (outlet !== undefined) fields.outlet = outlet;

  // The first stated date that reads as one; a stated value that does not is noted, not used.
  for (const stated of [pick(ld?.datePublished, `the JSON-LD ${ld?.type ?? ''} datePublished`), pick(meta.get('article:published_time'), '<meta property="article:published_time">')]) {
    if (stated === undefined) continue;
    const date = parseStatedDate(stated.value);
    if (date !== undefined) {
      fields.published = { value: date, from: stated.from };
      break;
    }
    notes.push(`published: ${stated.from} says "${stated.value}", which is not a date`);
  }
  if (fields.published === undefined) {
    const visible = visibleDate(document, headings);
    if (visible !== undefined) fields.published = visible;
  }

  const metaAuthor = meta.get('author') ?? meta.get('article:author');
  const author =
    pick(ld?.author, `the JSON-LD ${ld?.type ?? ''} author`) ??
    pick(metaAuthor !== undefined && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined, meta.has('author') ? '<meta name="author">' : '<meta property="article:author">');
  if (author !== undefined) fields.author = author;

  const href = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim();
  if (href !== undefined && isHttpUrl(href)) fields.url = { value: href, from: '<link rel="canonical">' };
  else if (href !== undefined && href !== '') notes.push(`url: the canonical link "${href}" is not an absolute http(s) address; left out`);

  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang !== undefined && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) fields.language = { value: lang, from: '<html lang>' };
  return { fields, notes };
}

/** `value` with where it came from, or `undefined` when there is no value. */
function pick(value: string | undefined | null, from: string): Inference | undefined {
  const text = value === undefined || value === null ? '' : squash(value);
  return text === '' ? undefined : { value: text, from };
}

/** `<meta>` values by lowercase `property`, `name` or `itemprop`; the first of each wins. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.trim().toLowerCase();
    const content = element.getAttribute('content');
    if (key !== undefined && key !== '' && content !== null && content.trim() !== '' && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

/** The fields of the page's first JSON-LD article node, as plain strings. */
interface LdArticle {
  type: string;
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
}

/** schema.org types that are articles: `Article` and its kinds (`NewsArticle`, `OpinionNewsArticle`…), and blog posts. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting)$/;

/** Finds the first article node in the page's JSON-LD blocks; notes a block that is not JSON. */
function jsonLdArticle(document: Document, notes: string[]): LdArticle | undefined {
  const nodes: JsonNode[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.trim() === '') continue;
    try {
      collectNodes(JSON.parse(text) as unknown, nodes);
    } catch {
      notes.push('a JSON-LD block on the page is not valid JSON; it was skipped');
    }
  }
  const byId = new Map<string, JsonNode>();
  // A node that is only `{ "@id": … }` is a reference, not the node it names.
  for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1 && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  if (article === undefined) return undefined;
  const type = typesOf(article).find((t) => ARTICLE_TYPE.test(t)) ?? 'Article';
  const result: LdArticle = { type };
  const headline = text(article.headline);
  if (headline !== undefined) result.headline = headline;
  const date = text(article.datePublished);
  if (date !== undefined) result.datePublished = date;
  const authors = listOf(article.author).map((author) => nameOf(author, byId)).filter((name): name is string => name !== undefined);
  if (authors.length > 0) result.author = [...new Set(authors)].join(', ');
  const publisher = listOf(article.publisher).map((value) => nameOf(value, byId)).find((name) => name !== undefined);
  if (publisher !== undefined) result.publisher = publisher;
  return result;
}

/** Every JSON object of a JSON-LD block, top-level and nested (a `@graph`, an array, a node's values). */
function collectNodes(value: unknown, into: JsonNode[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into);
  } else if (value !== null && typeof value === 'object') {
    into.push(value as JsonNode);
    for (const child of Object.values(value)) if (typeof child === 'object') collectNodes(child, into);
  }
}

function typesOf(node: JsonNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A person's or organization's name: a string, `{ name }`, or a `{ "@id" }` reference to one. */
function nameOf(value: unknown, byId: Map<string, JsonNode>): string | undefined {
  if (typeof value === 'string') return /^https?:/i.test(value.trim()) ? undefined : text(value);
  if (value === null || typeof value !== 'object') return undefined;
  const node = value as JsonNode;
  const named = text(node.name);
  if (named !== undefined) return named;
  const ref = typeof node['@id'] === 'string' ? byId.get(node['@id']) : undefined;
  return ref === undefined || ref === node ? undefined : text(ref.name);
}

/** A JSON-LD string value, entity-decoded (CMSs often write `&#8217;` into JSON) and squashed. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const squashed = squash(decodeEntities(value));
  return squashed === '' ? undefined : squashed;
}

/** How a headline is compared with the page's `<h1>`: case, quote style and spacing do not count. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’′`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Separators between a headline and the site's name or section in a `<title>` or `og:title`. */
const TITLE_SEPARATOR = /\s+[|–—·›»:-]\s+|\s+[|·›»]\s*|\s*[|·›»]\s+/;

/**
 * The headline in a stated title, using the page's `<h1>` headings: a title cut short ("… Hong
 * Kong leader...") is completed by the heading it begins, and a title that carries the site's
 * name or section ("Berlin confronts Germany's colonial past | DW | 19.01.2020") is reduced to
 * the part a heading repeats. Without a matching heading the stated title is kept as it is.
 */
function headlineOf(title: Inference, headings: string[]): Inference {
  const stated = comparable(title.value);
  const cut = /(?:\.\.\.|…)$/.exec(stated);
  if (cut !== null) {
    const stem = stated.slice(0, cut.index).trim();
    const full = headings.find((heading) => comparable(heading).startsWith(stem) && comparable(heading).length > stem.length);
    if (full !== undefined) return { value: full, from: `the page's <h1> (${title.from} is cut short)` };
  }
  const same = headings.find((heading) => comparable(heading) === stated);
  if (same !== undefined) return { value: same, from: title.from };
  const parts = title.value.split(TITLE_SEPARATOR).map((part) => comparable(part)).filter((part) => part !== '');
  if (parts.length > 1) {
    // The headline is the longest part; a heading that repeats a shorter one is the site's logo.
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    const heading = headings.find((h) => comparable(h) === longest);
    if (heading !== undefined) return { value: heading, from: `${title.from}, without the site's name (the page's <h1> reads the same)` };
  }
  return title;
}

/** A line that says it gives the publication date: "Published on …", "Date 19.01.2020", "Veröffentlicht …". */
const DATE_LABEL = /^(?:first\s+)?(?:published|posted|date|dated|datum|veröffentlicht|publié|publicado|pubblicato)\b/i;

/**
 * The publication date the page shows: an element marked `itemprop="datePublished"`, a line that
 * labels itself as the date, the first `<time>` after the headline (else the last one before
 * it); never an "Updated …" date.
 */
function visibleDate(document: Document, headings: string[]): Inference | undefined {
  for (const element of document.querySelectorAll('[itemprop="datePublished"]')) {
    const date = dateOf(element);
    if (date !== undefined) return { value: date, from: 'the element marked itemprop="datePublished"' };
  }
  const labelled = labelledDate(document);
  if (labelled !== undefined) return labelled;
  // After the headline is where a dateline stands; a <time> before it belongs to the page's
  // rails, unless there is none after it (then the nearest before it). Selector results come in
  // document order, which tells before from after.
  const before: Element[] = [];
  const after: Element[] = [];
  let seenHeadline = headings.length === 0;
  for (const element of document.querySelectorAll('h1, time')) {
    if (element.localName === 'h1') seenHeadline = true;
    else (seenHeadline ? after : before).push(element);
  }
  for (const time of [...after, ...before.reverse()]) {
    const date = dateOf(time);
    if (date !== undefined) return { value: date, from: `the page's <time> "${squash(time.textContent ?? '') || time.getAttribute('datetime')}"` };
  }
  return undefined;
}


/** The date an element states in its `datetime` or `content` attribute, else in its text; never an update. */
function dateOf(element: Element): string | undefined {
  for (const attribute of ['datetime', 'content']) {
    const value = element.getAttribute(attribute);
    const date = value === null ? undefined : parseStatedDate(value);
    if (date !== undefined) return date;
  }
  const textValue = squash(element.textContent ?? '');
  if (/^updated\b/i.test(textValue)) return undefined;
  return textValue.length <= 100 ? findStatedDate(textValue) : undefined;
}

/** The first short line that labels itself as the date ("First published on Tue 29 Nov 2016"). */
function labelledDate(document: Document): Inference | undefined {
  const walker = document.createTreeWalker(document.documentElement ?? document, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const own = squash(node.nodeValue ?? '');
    if (!DATE_LABEL.test(own) || own.length > 100) continue;
    // The label and its date may be split over elements: <li><strong>Date</strong> 19.01.2020</li>.
    let holder: Node | null = node;
    for (let level = 0; level < 3 && holder !== null; level += 1, holder = holder.parentNode) {
      const line = level === 0 ? own : squash(holder.textContent ?? '');
      if (line.length > 100) break;
      const label = DATE_LABEL.exec(line);
      const date = label === null ? undefined : findStatedDate(line.slice(label[0].length));
      if (date !== undefined) return { value: date, from: `the line "${line}"` };
    }
  }
  return undefined;
}

/**
 * What a visible byline states: the author it names after "By" ("By Jennifer Rubin"; a bare name
 * could as well be a photo credit), and a publication date in it ("Posted: Oct 14, 2022").
 */
export function bylineFields(byline: string): Partial<Record<MetaField, Inference>> {
  const fields: Partial<Record<MetaField, Inference>> = {};
  const from = `the byline "${squash(byline)}"`;
  const name = bylineName(byline);
  if (name !== undefined) fields.author = { value: name, from };
  const date = findStatedDate(byline);
  if (date !== undefined) fields.published = { value: date, from };
  return fields;
}

function bylineName(byline: string): string | undefined {
  const match = /^(?:by|von|par|por|door|av)\s+(.+)$/i.exec(squash(byline));
  const name = match?.[1]?.split(/\s[|·•]\s|\s{2,}/)[0]?.trim();
  if (name === undefined || name === '' || /[\d@]|https?:/.test(name) || name.split(/\s+/).length > 8) return undefined;
  return name;
}

function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** True for an absolute http(s) address. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
