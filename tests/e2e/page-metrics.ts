/**
 * What a reader meets on a page, measured in the browser: how tall it is and which text blocks it
 * prints more than once (issue 15: a story page a reader finishes, each sentence once).
 */
import type { Page } from 'playwright-core';

/** Page height in CSS pixels at the page's current viewport. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** How far the page scrolls sideways, in CSS pixels (0 when it fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Text blocks printed twice: every paragraph, list item, heading, table cell or summary whose text
 * (citation marks left out, spaces folded, at least 25 characters) is the same as an earlier
 * block's. Returns the repeated texts, one entry per extra copy. Text inside a collapsed
 * `<details>` counts too: it is on the page, and a reader who opens it reads it again.
 */
export function repeatedBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const repeats: string[] = [];
    for (const element of document.querySelectorAll('main p, main li, main h1, main h2, main h3, main h4, main td, main dd, main summary')) {
      const copy = element.cloneNode(true) as Element;
      for (const mark of copy.querySelectorAll('.cite')) mark.remove();
      const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text.length < 25) continue;
      if (seen.has(text)) repeats.push(text);
      else seen.add(text);
    }
    return repeats;
  });
}
