/**
 * Real saved news pages, as the import measurements use them: the manifest's types, and the
 * expected article text of a page, rebuilt from the page and its hand-written label.
 *
 * The pages themselves come from the published test fixtures of two open-source extraction
 * projects and are not committed (third-party files stay out of this repository); the manifest
 * says where each one came from, with its SHA-256, and `npm run fixtures:real-pages` gathers them.
 * The label of a page is what a reader would call its article, written as the first and last words
 * of the article on the page plus the lines inside it that are not article (captions, "Advertisement",
 * a newsletter box): short quotes, not a copy of the text.
 *
 * The expected text is cut from the page's text as rehype and hast-util-to-text render it (the
 * HTML standard's innerText), a different parser and walker from the importer's, so the measure
 * does not grade the importer against its own reading of the page.
 */
import { rehype } from 'rehype';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';

/** One project whose fixtures the pages come from. */
export interface RealPageProject {
  /** GitHub repository, `owner/name`. */
  repo: string;
  /** The commit the pages were taken from. */
  commit: string;
  /** Its license, in words (e.g. "Apache-2.0"). */
  license: string;
  /** The license files copied beside the pages, as paths in the repository. */
  licenseFiles: string[];
}

/** Where the article is on a page: bounds on its visible text, in the page's own words. */
export interface ArticleBounds {
  /** The article's first words: the expected text starts where they first occur. */
  from: string;
  /** The article's last words: the expected text ends after their first occurrence after `from`. */
  to: string;
  /** Lines between the bounds that are not article (a caption, "Advertisement"): each drops every line starting with it. */
  drop?: string[];
  /** Runs of lines that are not article (an embedded picture gallery): from a line starting with `from` through the next line starting with `to`. */
  omit?: { from: string; to: string }[];
}

/** What the importer must state about a page; `unknown` where the page does not state it. */
export interface ExpectedMeta {
  title: string;
  outlet: string;
  /** YYYY-MM-DD or unknown. */
  published: string;
}

/** One saved page and its label. */
export interface RealPage {
  /** Key of its project in `RealPagesManifest.projects`. */
  project: string;
  /** Its path in the project's repository. */
  source: string;
  /** SHA-256 of its bytes, hex: the gathered copy must be exactly this file. */
  sha256: string;
  /** Where the article is; absent for a page that holds no article, which the importer must refuse. */
  article?: ArticleBounds;
  /** For a page without an article: why it has none, as a reader sees it. */
  noArticle?: string;
  /** The metadata the page states (only for pages with an article). */
  expected?: ExpectedMeta;
}

/** `tests/fixtures/import/real-pages/pages.json`. */
export interface RealPagesManifest {
  projects: Record<string, RealPageProject>;
  pages: RealPage[];
}

/** Where a page sits under the real-pages folder: `<project>/<file name>`. */
export function realPagePath(page: RealPage): string {
  return `${page.project}/${page.source.replace(/^.*\//, '')}`;
}

/** Elements a reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe']);

/** The page's visible text, one squashed line per line that innerText gives, blank lines dropped. */
export function pageLines(html: string): string[] {
  const tree = rehype().parse(html);
  prune(tree);
  return toText(tree)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * The expected article text of a page: its visible lines from the first occurrence of `from` to
 * the first occurrence of `to` after it, less the lines that `drop` names, one paragraph per line.
 * Throws when a bound is not on the page, so a wrong label fails loudly instead of scoring garbage.
 */
export function expectedArticleText(html: string, bounds: ArticleBounds, name = 'the page'): string {
  const lines = pageLines(html);
  const from = squash(bounds.from);
  const to = squash(bounds.to);
  const first = lines.findIndex((line) => line.includes(from));
  if (first < 0) throw new Error(`${name}: the label's "from" (${JSON.stringify(from)}) is not in the page's text`);
  let last = -1;
  for (let index = first; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const start = index === first ? line.indexOf(from) : 0;
    if (line.indexOf(to, start) >= 0) {
      last = index;
      break;
    }
  }
  if (last < 0) throw new Error(`${name}: the label's "to" (${JSON.stringify(to)}) is not in the page's text after "from"`);
  const drops = (bounds.drop ?? []).map(squash);
  const omits = (bounds.omit ?? []).map((run) => ({ from: squash(run.from), to: squash(run.to) }));
  const kept: string[] = [];
  let omitting: string | undefined;
  for (let index = first; index <= last; index += 1) {
    let line = lines[index] as string;
    if (index === last) line = line.slice(0, line.indexOf(to, index === first ? line.indexOf(from) : 0) + to.length);
    if (index === first) line = line.slice(line.indexOf(from));
    if (omitting !== undefined) {
      if (line.startsWith(omitting)) omitting = undefined;
      continue;
    }
    const run = omits.find((candidate) => line.startsWith(candidate.from));
    if (run !== undefined) {
      omitting = run.to;
      continue;
    }
    if (drops.some((drop) => line.startsWith(drop))) continue;
    kept.push(line);
  }
  return `${kept.join('\n\n')}\n`;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function prune(node: Root | Element): void {
  node.children = node.children.filter((child) => child.type !== 'comment' && !(child.type === 'element' && INVISIBLE.has(child.tagName)));
  for (const child of node.children) if (child.type === 'element') prune(child);
}
