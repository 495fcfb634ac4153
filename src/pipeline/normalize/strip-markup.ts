/**
 * Turns an article body written in Markdown, HTML or plain text into "Markdown-lite" lines: one
 * `SourceLine` per logical line, each marked as blank, heading, list item or text, with its
 * original line number kept so removals can point readers at the right place.
 *
 * Kept: the words of links, emphasis and inline code. Dropped: images, embedded code and
 * navigation elements (script, style, iframe, nav…), HTML comments, link definitions, horizontal
 * rules; each non-trivial drop is returned as a `markup` removal so the site can say what went.
 */
import type { Removal } from '../../types.ts';

/** One logical line of the body after markup is stripped. */
export interface SourceLine {
  /** Plain text, trimmed, single-spaced; for headings and items without their marker. */
  text: string;
  /** 1-based line in the body where it stood. */
  line: number;
  kind: 'blank' | 'heading' | 'item' | 'text';
}

/** HTML elements whose content is never reporting: dropped with everything inside. */
const DROPPED_ELEMENTS = ['script', 'style', 'noscript', 'iframe', 'svg', 'nav', 'form', 'button', 'template', 'object', 'embed'];
const BLOCK_TAGS = /<\/?(?:p|div|br|hr|section|article|header|footer|main|aside|figure|figcaption|blockquote|ul|ol|table|tr|td|th|tbody|thead|pre)\b[^>]*>/giu;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®',
  trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', middot: '·', bull: '•', times: '×',
};

/**
 * Strips markup from `lines` (the body split at line breaks). Returns the logical lines and a
 * `markup` removal for each image, dropped element or comment.
 */
export function stripMarkup(lines: string[]): { lines: SourceLine[]; removals: Removal[] } {
  const out: SourceLine[] = [];
  const removals: Removal[] = [];
  let dropping: { tag: string; line: number; text: string } | undefined;
  let inFence = false;

  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let raw = lines[index] ?? '';

    if (dropping !== undefined) {
      const close = new RegExp(`</${dropping.tag}\\s*>|-->`, 'iu').exec(raw);
      if (close === null || (dropping.tag === '!--') !== (close[0] === '-->')) {
        dropping.text += `\n${raw}`;
        continue;
      }
      dropping.text += `\n${raw.slice(0, close.index + close[0].length)}`;
      removals.push(droppedRemoval(dropping.tag, dropping.text, dropping.line));
      raw = raw.slice(close.index + close[0].length);
      dropping = undefined;
    }

    if (/^\s*(```|~~~)/u.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) {
      const result = dropElements(raw, line, removals);
      raw = result.text;
      if (result.openTag !== undefined) dropping = { tag: result.openTag, line, text: result.openText ?? '' };
    }

    // Block-level HTML becomes line breaks, so one source line may hold several logical lines.
    const pieces = raw.includes('<')
      ? raw.replace(/<h([1-6])\b[^>]*>/giu, '\n# ').replace(/<\/h[1-6]\s*>/giu, '\n').replace(/<li\b[^>]*>/giu, '\n- ').replace(BLOCK_TAGS, '\n').split('\n')
      : [raw];
    for (const piece of pieces) {
      const parsed = parseLine(piece, line, removals);
      if (parsed === undefined) continue;
      if (parsed.kind === 'setext') {
        const previous = out.at(-1);
        if (previous !== undefined && previous.kind === 'text') previous.kind = 'heading';
        continue;
      }
      out.push(parsed);
    }
  }
  if (dropping !== undefined) removals.push(droppedRemoval(dropping.tag, dropping.text, dropping.line));
  return { lines: out, removals };
}

function droppedRemoval(tag: string, text: string, line: number): Removal {
  const detail = tag === '!--' ? 'an HTML comment left in the page source' : `embedded <${tag}> content from the web page`;
  return { text: text.trim(), reason: 'markup', detail, line };
}

/** Removes dropped elements and comments that close on this line; reports one left open. */
function dropElements(raw: string, line: number, removals: Removal[]): { text: string; openTag?: string; openText?: string } {
  if (!raw.includes('<')) return { text: raw };
  let text = raw.replace(/<!--[\s\S]*?-->/gu, (comment) => {
    removals.push(droppedRemoval('!--', comment, line));
    return '';
  });
  for (const tag of DROPPED_ELEMENTS) {
    text = text.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}\\s*>`, 'giu'), (element) => {
      removals.push(droppedRemoval(tag, element, line));
      return '';
    });
  }
  const comment = text.indexOf('<!--');
  if (comment >= 0) return { text: text.slice(0, comment), openTag: '!--', openText: text.slice(comment) };
  const open = new RegExp(`<(${DROPPED_ELEMENTS.join('|')})\\b[^>]*>`, 'iu').exec(text);
  if (open !== null && open[1] !== undefined) {
    return { text: text.slice(0, open.index), openTag: open[1].toLowerCase(), openText: text.slice(open.index) };
  }
  return { text };
}

type ParsedLine = SourceLine | { kind: 'setext' };

/** Classifies one logical line by its Markdown marker and strips inline markup. */
function parseLine(piece: string, line: number, removals: Removal[]): ParsedLine | undefined {
  let text = piece.replace(/\t/gu, ' ');
  if (/^\s*$/u.test(text)) return { text: '', line, kind: 'blank' };
  if (/^ {0,3}(?:=+|-+)\s*$/u.test(text) && /^\s*=/u.test(text)) return { kind: 'setext' };
  // A rule of dashes, stars or underscores separates sections; it carries no words.
  if (/^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/u.test(text)) return { text: '', line, kind: 'blank' };
  // Reference-style link definitions only hold URLs.
  if (/^ {0,3}\[[^\]]+\]:\s*\S+/u.test(text)) {
    removals.push({ text: text.trim(), reason: 'markup', detail: 'a link address written out on its own line', line });
    return undefined;
  }
  text = text.replace(/^\s*(?:>\s?)+/u, '');

  let kind: SourceLine['kind'] = 'text';
  const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/u.exec(text);
  const item = /^\s*(?:[-*+•◦▪▸‣–—·]|\d{1,3}[.)])\s+(\S.*)$/u.exec(text);
  if (heading !== null) {
    kind = 'heading';
    text = heading[1] ?? '';
  } else if (item !== null) {
    kind = 'item';
    text = item[1] ?? '';
  }
  text = stripInline(text, line, removals);
  // A line of bare symbols ("•", "* * *", "—") is a separator: it carries no words.
  if (!/[\p{L}\p{N}]/u.test(text)) return kind === 'text' ? { text: '', line, kind: 'blank' } : undefined;
  return { text, line, kind };
}

/** Removes inline Markdown and HTML, keeping the words a reader sees. */
function stripInline(input: string, line: number, removals: Removal[]): string {
  if (!/[!<[`*_~\\&]/u.test(input)) return input.replace(/\s+/gu, ' ').trim();
  let text = input.replace(/!\[([^\]]*)\]\([^)]*\)/gu, (image, alt: string) => {
    removals.push({ text: image, reason: 'markup', detail: alt === '' ? 'an image' : `an image ("${alt}")`, line });
    return '';
  });
  text = text.replace(/<img\b[^>]*>/giu, (image) => {
    const alt = /\balt="([^"]*)"/iu.exec(image)?.[1] ?? '';
    removals.push({ text: image, reason: 'markup', detail: alt === '' ? 'an image' : `an image ("${alt}")`, line });
    return '';
  });
  text = text
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/gu, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1')
    .replace(/<\/?[a-z][a-z0-9-]*\b[^>]*>/giu, '')
    .replace(/`([^`]+)`/gu, '$1')
    .replace(/(\*\*\*|\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/gu, '$1');
  text = decodeEntities(text);
  return text.replace(/\s+/gu, ' ').trim();
}

/** Decodes HTML character references: numeric ones and the common named ones (`&rsquo;`, `&amp;`…). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
