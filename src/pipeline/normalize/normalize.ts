/**
 * The normalize stage: turns an article's body as imported into clean reporting text, and records
 * every change so the site can show readers what was repaired and what was taken out.
 *
 * Steps, in order:
 * 1. Characters: Unicode NFC and mojibake repair by rule (`repair-characters.ts`).
 * 2. Markup: Markdown/HTML reduced to Markdown-lite lines (`strip-markup.ts`).
 * 3. Page chrome, line by line (`page-chrome.ts`): promo/navigation labels, credit lines, bylines;
 *    lines repeating the headline (the first line, or any line that is the headline word for word);
 *    runs of blank lines.
 * 4. Headings in plain text (see `looksLikeHeading`), then blocks: a site-written summary (its
 *    heading and the bullets under it) and an SEO FAQ (its heading and every question and answer up
 *    to the next heading that is not a question). Section headings such as "Conclusion" are
 *    structure and stay.
 * 5. A truncated ending: when the last paragraph stops without terminal punctuation, or with the
 *    ellipsis a page puts where it cut its teaser ("…confirmed by the National …"), its unfinished
 *    sentence is dropped, unless it ends by saying who said it (", the forecaster said"): then it
 *    is finished and only lost its full stop.
 *
 * Output `text` is Markdown-lite: paragraphs separated by one blank line, headings as `## Heading`,
 * list items as `- item` lines (one list per paragraph). That is all the sentence stage reads.
 */
import type { Article, NormalizedArticle, Removal } from '../../types.ts';
import { isBylineLine, isCreditLine, isFaqHeading, isStrongSummaryHeading, isSummaryHeading, pageLabelDetail, pageLabelLength } from './page-chrome.ts';
import { repairCharacters } from './repair-characters.ts';
import { splitText } from '../split-sentences.ts';
import { stripMarkup, type SourceLine } from './strip-markup.ts';

/** A paragraph, heading or list as written to the output. */
interface Block {
  kind: 'heading' | 'list' | 'paragraph';
  lines: SourceLine[];
}

/** Words that stay lowercase in a title-case heading. */
const MINOR_WORDS = new Set(
  'a an the and or but nor for of in on at to by with from as vs via into onto over per up upon than is are be its it'.split(' '),
);

/**
 * Normalizes one article: repairs characters, strips markup and page chrome, drops a truncated
 * last sentence. Returns the article with `text` (Markdown-lite), `removed` (in body order) and
 * `repairs`. Pure: the same article always gives the same result.
 */
export function normalizeArticle(article: Article): NormalizedArticle {
  const { text: repaired, repairs } = repairCharacters(article.body.replace(/\r\n?/gu, '\n'));
  const rawLines = repaired.split('\n');
  if (rawLines.at(-1) === '') rawLines.pop();

  const removed: Removal[] = [];
  const blankRuns = collapseBlankRuns(rawLines);
  if (blankRuns !== undefined) removed.push(blankRuns);

  const stripped = stripMarkup(rawLines);
  removed.push(...stripped.removals);

  let lines = removeChromeLines(stripped.lines, removed);
  lines = removeDuplicateHeadline(lines, article.meta.title, removed);
  markPlainHeadings(lines);
  lines = removeSummaryBlocks(lines, removed);
  lines = removeFaqBlocks(lines, removed);
  lines = removeTrailingHeadings(lines, removed);

  const blocks = groupBlocks(lines);
  dropTruncatedEnding(blocks, removed);

  removed.sort((a, b) => a.line - b.line);
  return { ...article, text: blocks.map(renderBlock).filter((block) => block !== '').join('\n\n'), removed, repairs };
}

/** One removal for all runs of two or more blank lines (a single blank line is a paragraph break). */
function collapseBlankRuns(rawLines: string[]): Removal | undefined {
  let runs = 0;
  let blankLines = 0;
  let firstLine = 0;
  let run = 0;
  const closeRun = (endIndex: number): void => {
    if (run >= 2) {
      runs += 1;
      blankLines += run;
      if (firstLine === 0) firstLine = endIndex - run + 1;
    }
    run = 0;
  };
  rawLines.forEach((raw, index) => {
    if (raw.trim() === '') run += 1;
    else closeRun(index);
  });
  closeRun(rawLines.length);
  if (runs === 0) return undefined;
  return {
    text: '',
    reason: 'blank-lines',
    detail: `${blankLines} empty lines in ${runs} ${runs === 1 ? 'run' : 'runs'} left over from the web page, collapsed into single paragraph breaks`,
    line: firstLine,
  };
}

/** Drops promo and navigation labels, credit lines and bylines, and a page's label opening a line ("Original title: …"), each recorded. */
function removeChromeLines(lines: SourceLine[], removed: Removal[]): SourceLine[] {
  return lines.map((line) => stripLabelOpener(line, removed)).filter((line) => {
    if (line.kind === 'blank') return true;
    const label = pageLabelDetail(line.text);
    if (label !== undefined) {
      removed.push({ text: line.text, reason: 'page-chrome', detail: label, line: line.line });
      return false;
    }
    if (isCreditLine(line.text)) {
      removed.push({ text: line.text, reason: 'credit-line', detail: 'a credit line naming whose reporting this is (kept in the article\'s details, not its text)', line: line.line });
      return false;
    }
    if (isBylineLine(line.text)) {
      removed.push({ text: line.text, reason: 'byline', detail: 'the author and date line of the web page (kept in the article\'s details, not its text)', line: line.line });
      return false;
    }
    return true;
  });
}

/** A line without the page's label before its text ("Original title:", "What happened:"), the label recorded; the line itself when it has none. */
function stripLabelOpener(line: SourceLine, removed: Removal[]): SourceLine {
  if (line.kind === 'blank') return line;
  const length = pageLabelLength(line.text);
  if (length === 0) return line;
  removed.push({ text: line.text.slice(0, length).trim(), reason: 'page-chrome', detail: 'a label the page puts before the text, not the report\'s words', line: line.line });
  return { ...line, text: line.text.slice(length) };
}

/** Words of a headline, compared without case, punctuation or quote style. */
function headlineKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Drops the lines that repeat the title: the first line, also with an outlet suffix like
 * " | Outlet", and any later line that is the title word for word (a saved page often prints the
 * headline again above the article, under the site's own header).
 */
function removeDuplicateHeadline(lines: SourceLine[], title: string, removed: Removal[]): SourceLine[] {
  const titleKey = headlineKey(title);
  if (title === 'unknown' || titleKey === '') return lines;
  const first = lines.findIndex((line) => line.kind !== 'blank');
  const dropped = new Set<number>();
  lines.forEach((line, index) => {
    if (line.kind === 'blank') return;
    const key = headlineKey(line.text);
    // "Headline | Outlet" and "Headline - Outlet" repeat the headline too, as a first line.
    const withOutlet = index === first ? /^(.+)\s[|–—-]\s[^|–—-]{1,60}$/u.exec(line.text) : null;
    if (key !== titleKey && !(withOutlet?.[1] !== undefined && headlineKey(withOutlet[1]) === titleKey)) return;
    const detail = index === first ? 'the headline repeated as the first line of the text' : 'the headline repeated on a line of its own inside the text';
    removed.push({ text: line.text, reason: 'duplicate-headline', detail, line: line.line });
    dropped.add(index);
  });
  return dropped.size === 0 ? lines : lines.filter((_, index) => !dropped.has(index));
}

/**
 * How a plain-text line is recognised as a heading: it stands on its own line, is short (at most
 * 15 words and 120 characters), starts with a capital or a digit, does not end in sentence
 * punctuation (a question mark is allowed), and is either in title case, a question, or at most six
 * words long. It must also be followed by more text, so a cut-off last line is never a heading.
 */
export function looksLikeHeading(text: string, strict = false): boolean {
  const trimmed = text.trim();
  if (isTitleDeck(trimmed)) return true;
  if (trimmed.length > 120) return false;
  const words = trimmed.split(/\s+/u);
  if (words.length > 15) return false;
  if (!/^[“"‘']?[\p{Lu}\p{N}]/u.test(trimmed)) return false;
  const bare = trimmed.replace(/[”"’')\]]+$/u, '');
  if (/[.,;:!…–—-]$/u.test(bare)) return false;
  if (isTitleCase(words)) return true;
  if (strict) return false;
  return bare.endsWith('?') || words.length <= 6;
}

/** The words of note of a title: words that start with a letter, minor words ("of", "the") left out. */
function significantWords(words: string[]): string[] {
  return words
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => /^\p{L}/u.test(word) && !MINOR_WORDS.has(word.toLowerCase()));
}

function isTitleCase(words: string[]): boolean {
  const significant = significantWords(words);
  if (significant.length === 0) return false;
  const capitalized = significant.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalized / significant.length >= 0.75;
}

/**
 * A subhead, or a deck of them, that the page closes with stops: "Jury Finds the Ferry Chief Guilty
 * of Fraud. Sentencing to Be Announced in March." Every part ends with a stop and capitalizes every
 * word of note (four or more): titles, not sentences, which capitalize names only.
 */
function isTitleDeck(text: string): boolean {
  if (text.length > 300 || !/[^.][.!?]$/u.test(text)) return false;
  const parts = text.split(/(?<=[.!?])\s+/u);
  // A list of names ("Candy Crush, Diablo, Farm Heroes, …") is capitalized too, but is no title.
  return parts.every((part) => /[.!?]$/u.test(part) && (part.match(/,/gu) ?? []).length <= 1 && isFullTitleCase(part.split(/\s+/u)));
}

/** Four or more words of note, every one capitalized: a title, not a sentence, whatever closes it. */
function isFullTitleCase(words: string[]): boolean {
  const significant = significantWords(words);
  return significant.length >= 4 && significant.every((word) => /^\p{Lu}/u.test(word));
}

/** Marks heading-like plain lines that are followed by more text as headings. */
function markPlainHeadings(lines: SourceLine[]): void {
  lines.forEach((line, index) => {
    if (line.kind !== 'text' || !looksLikeHeading(line.text)) return;
    const hasTextAfter = lines.slice(index + 1).some((next) => next.kind !== 'blank');
    if (hasTextAfter) line.kind = 'heading';
  });
}

/** Drops a summary heading with the bullet points under it (or the one paragraph, if no bullets). */
function removeSummaryBlocks(lines: SourceLine[], removed: Removal[]): SourceLine[] {
  const drop = new Set<number>();
  lines.forEach((line, index) => {
    if (line.kind === 'blank' || drop.has(index) || !isSummaryHeading(line.text)) return;
    const taken = [index];
    let next = index + 1;
    while (lines[next]?.kind === 'blank') next += 1;
    if (lines[next]?.kind === 'item') {
      for (; next < lines.length; next++) {
        const kind = lines[next]?.kind;
        if (kind === 'item') taken.push(next);
        else if (kind !== 'blank') break;
      }
    } else if (lines[next]?.kind === 'text' && isStrongSummaryHeading(line.text)) {
      taken.push(next);
    } else if (!isStrongSummaryHeading(line.text)) {
      return;
    }
    for (const position of taken) drop.add(position);
    const points = taken.length - 1;
    removed.push({
      text: taken.map((position) => lines[position]?.text ?? '').join('\n'),
      reason: 'summary-block',
      detail: `the site's own summary (${points} ${points === 1 ? 'point' : 'points'}) placed above the article; it restates the reporting`,
      line: line.line,
    });
  });
  return lines.filter((_, index) => !drop.has(index));
}

/** Drops an FAQ heading and its questions and answers, up to the next heading that is not a question. */
function removeFaqBlocks(lines: SourceLine[], removed: Removal[]): SourceLine[] {
  const start = lines.findIndex((line) => line.kind !== 'blank' && (line.kind === 'heading' || line.kind === 'text') && isFaqHeading(line.text));
  const heading = lines[start];
  if (heading === undefined) return lines;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line?.kind === 'heading' && !line.text.trim().endsWith('?') && !isFaqHeading(line.text)) break;
  }
  const block = lines.slice(start, end).filter((line) => line.kind !== 'blank');
  const questions = block.filter((line, index) => index > 0 && /\?["”’]?$/u.test(line.text.trim())).length;
  removed.push({
    text: block.map((line) => line.text).join('\n'),
    reason: 'faq-block',
    detail: `a "frequently asked questions" section (${questions} ${questions === 1 ? 'question' : 'questions'} with answers) written by the site for search engines, not reporting`,
    line: heading.line,
  });
  return removeFaqBlocks([...lines.slice(0, start), ...lines.slice(end)], removed);
}

/** Drops headings left with nothing under them at the end (their section was chrome or is missing). */
function removeTrailingHeadings(lines: SourceLine[], removed: Removal[]): SourceLine[] {
  const kept = [...lines];
  for (;;) {
    while (kept.at(-1)?.kind === 'blank') kept.pop();
    const last = kept.at(-1);
    if (last === undefined) return kept;
    const isHeading = last.kind === 'heading' || (last.kind === 'text' && looksLikeHeading(last.text, true));
    if (!isHeading) return kept;
    removed.push({ text: last.text, reason: 'page-chrome', detail: 'a heading with nothing under it at the end of the page', line: last.line });
    kept.pop();
  }
}

/** True when a line ends a sentence (or introduces a list with a colon). */
function endsWithTerminal(text: string): boolean {
  return /[.!?…:]$/u.test(text.trim().replace(/[”"’')\]»]+$/u, ''));
}

/**
 * Groups lines into output blocks. Each heading is a block; consecutive items form one list.
 * Consecutive text lines are one paragraph each, unless they are hard-wrapped (lines break
 * mid-sentence): then the run between blank lines is joined into one paragraph.
 */
function groupBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line === undefined || line.kind === 'blank') {
      index += 1;
      continue;
    }
    if (line.kind === 'heading') {
      blocks.push({ kind: 'heading', lines: [line] });
      index += 1;
      continue;
    }
    let end = index;
    while (lines[end]?.kind === line.kind) end += 1;
    const run = lines.slice(index, end);
    if (line.kind === 'item') blocks.push({ kind: 'list', lines: run });
    else if (isHardWrapped(run)) blocks.push({ kind: 'paragraph', lines: run });
    else for (const single of run) blocks.push({ kind: 'paragraph', lines: [single] });
    index = end;
  }
  return blocks;
}

function isHardWrapped(run: SourceLine[]): boolean {
  const open = run.slice(0, -1).map((line, index) => ({ line, next: run[index + 1] })).filter(({ line }) => !endsWithTerminal(line.text));
  if (open.some(({ next }) => next !== undefined && /^\p{Ll}/u.test(next.text))) return true;
  return run.length > 2 && open.length * 2 >= run.length - 1;
}

/**
 * True when a sentence ends by saying who said it (", the forecaster said", ",” said Ana Ruiz"): it
 * is finished, only its full stop is missing, which saved pages and feeds often lose.
 */
function endsWithAttribution(sentence: string): boolean {
  return /,[”"’]?\s+(?:(?:[\p{L}’'.-]+\s+){0,6}(?:said|says|added|noted|wrote|reported|told\s+[\p{L}’'.-]+)|(?:said|says|added)\s+(?:[\p{L}’'.-]+\s*){1,8})$/u.test(sentence.trim());
}

/**
 * An ellipsis right after a word at the very end of the text ("…confirmed by the National …"): the
 * page cut its teaser there. One after a closing quote mark ends a quotation that trails off.
 */
const TEASER_CUT = /[\p{L}\p{N},]\s*(?:…|\.{3})$/u;

/** Drops the unfinished sentence at the end of the last paragraph, and the paragraph if nothing is left. */
function dropTruncatedEnding(blocks: Block[], removed: Removal[]): void {
  const last = blocks.at(-1);
  if (last === undefined || last.kind !== 'paragraph') return;
  const text = last.lines.map((line) => line.text).join(' ');
  if (endsWithTerminal(text) && !TEASER_CUT.test(text)) return;
  const sentences = splitText(text);
  const unfinished = sentences.at(-1);
  if (unfinished === undefined || endsWithAttribution(unfinished.replace(/\s*(?:…|\.{3})$/u, ''))) return;
  const offset = text.lastIndexOf(unfinished);
  let lineOfCut = last.lines[0]?.line ?? 0;
  let position = 0;
  for (const line of last.lines) {
    if (position <= offset) lineOfCut = line.line;
    position += line.text.length + 1;
  }
  removed.push({
    text: unfinished,
    reason: 'truncated-sentence',
    detail: 'the text breaks off in the middle of this sentence, so it was left out',
    line: lineOfCut,
  });
  const kept = text.slice(0, offset).trim();
  if (kept === '') blocks.pop();
  else last.lines = [{ text: kept, line: last.lines[0]?.line ?? lineOfCut, kind: 'text' }];
}

function renderBlock(block: Block): string {
  if (block.kind === 'heading') return `## ${block.lines[0]?.text ?? ''}`;
  if (block.kind === 'list') return block.lines.map((line) => `- ${line.text}`).join('\n');
  return block.lines.map((line) => line.text).join(' ');
}
