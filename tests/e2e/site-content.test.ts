/**
 * What the pages say, on a digest written by hand (tests/fixtures/site/digest.json) so every case
 * is present: an untitled source with no outlet or date, a rewrite, a conflict, a repair, a
 * removal, a left-out sentence, a day, a month, a year and an upcoming event.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, scratchDir } from './harness.ts';

const STORY = 'riverton-switches-on-its-tidal-barrage';
let work: string;
let dist: string;
const page = (...parts: string[]) => readFileSync(path.join(dist, ...parts, parts.at(-1)?.includes('.') ? '' : 'index.html'), 'utf8');

beforeAll(async () => {
  work = scratchDir('site-content');
  dist = await buildSite(work, { BASE_PATH: '/digest/', DIGEST_FILE: 'tests/fixtures/site/digest.json' });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('pages rendered from a hand-written digest', () => {
  it('lists every story on the home page with its source counts, date and timeline link', () => {
    const home = page();
    expect(home).toContain('Reported by 3 sources, 2 independent reports');
    expect(home).toContain('<time datetime="2026-03-13">13 March 2026</time>');
    expect(home).toContain(`href="/digest/stories/${STORY}/#story-timeline"`);
    expect(home.indexOf('Riverton switches on')).toBeLessThan(home.indexOf('Valley libraries'));
  });

  it('shows an unknown title, outlet and date honestly and names the report a rewrite copies', () => {
    const story = page('stories', STORY);
    expect(story).toContain('Untitled (lead: “Riverton has switched on its long-delayed tidal barrage.”)');
    expect(story).toContain('<strong>Outlet not stated</strong>');
    expect(story).toContain('date not stated');
    expect(story).toMatch(/<span class="badge">rewrite<\/span> of <a href="#s1">\[1\] Coast Herald<\/a>/);
    expect(story).toContain('<a href="https://coast-herald.example/riverton-barrage" rel="nofollow noopener noreferrer external">');
  });

  it('cites each statement to its sources and links each mark to the source entry', () => {
    const story = page('stories', STORY);
    expect(story).toMatch(/<p id="c1">Riverton switched on[^<]*<span class="cite"><a href="#s1" id="c1-1"[^>]*>\[1\]<\/a><a href="#s2" id="c1-2"[^>]*>\[2\]<\/a><a href="#s3" id="c1-3"/);
    expect(story).toContain('<li id="s2" value="2">');
    expect(story).toMatch(/<li id="s2"[\s\S]*?Back to statements <a href="#c1-2">1<\/a>, <a href="#c3-2">3<\/a>/);
  });

  it('shows each side of a conflict with its sources and independent count', () => {
    const story = page('stories', STORY);
    expect(story).toMatch(/40 megawatts <span class="cite">[\s\S]*?\[1\][\s\S]*?\[3\][\s\S]*?2 sources, 1 independent report/);
    expect(story).toMatch(/45 megawatts <span class="cite">[\s\S]*?\[2\][\s\S]*?1 source, 1 independent report/);
  });

  it('counts under "what each source adds" the statements only that source makes, linking to them instead of repeating them', () => {
    const story = page('stories', STORY);
    const adds = story.slice(story.indexOf('id="adds"'), story.indexOf('id="story-timeline"'));
    expect(adds).toMatch(/\[1\] Coast Herald<\/strong>: 2 statements only it reports:[\s\S]*?href="#c4"[\s\S]*?href="#c5"/);
    expect(adds).toMatch(/1 statement only it reports:[\s\S]*?href="#c3"/);
    expect(adds).not.toContain('href="#c2"');
    expect(adds).not.toContain('A second turbine hall will open');
  });

  it('heads each section of the body as the digest says and keeps its collapsed statements in a details element, still cited', () => {
    const story = page('stories', STORY);
    expect(story).toContain('<h2 id="section-topic-1">Tidal barrage</h2>');
    const more = /<details class="more">([\s\S]*?)<\/details>/.exec(story)?.[1] ?? '';
    expect(more).toContain('<summary>1 more statement under “Tidal barrage”, each from one source</summary>');
    expect(more).toMatch(/<p id="c3">Engineers say the turbines[^<]*<span class="cite"><a href="#s2" id="c3-2"/);
    expect(story.indexOf('<p id="c2">')).toBeLessThan(story.indexOf('<details class="more">'));
  });

  it('marks each sentence of a source with the statement it supports or why it was left out', () => {
    const source = page('sources', 'wire-copy-barrage');
    expect(source).toContain(`href="/digest/stories/${STORY}/#c1">Riverton has switched on its long-delayed tidal barrage.</a>`);
    expect(source).toContain('<span class="sentence-left-out">This was the case with earlier schemes too.</span> <span class="fate">(left out: depends on a sentence that is not in the story)</span>');
    expect(source).toContain('a credit line naming whose reporting this is');
    const repaired = page('sources', 'energy-notes-riverton');
    expect(repaired).toContain('<code>â€™</code>');
    expect(repaired).toContain('UTF-8 read as Windows-1252');
  });

  it('groups the timeline by year and month, keeping multi-month periods apart, and marks upcoming events', () => {
    const timeline = page('timeline');
    const order = ['id="year-2019"', 'March 2019', 'id="year-2024"', 'During 2024 (no single month)', 'id="year-2026"', 'January 2026', 'March 2026'];
    const positions = order.map((text) => timeline.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(timeline).toMatch(/<strong>January 2026<\/strong><span class="badge">upcoming<\/span>/);
    expect(timeline).toContain('href="/digest/sources/valley-post-library/"');
  });

  it('shows a rival dating of one happening on its entry, with the sources that give it, on the timeline and the story page', () => {
    const entry = (html: string) => html.slice(html.indexOf('Construction of the barrage began'), html.indexOf('Construction of the barrage began') + 1500);
    expect(entry(page('timeline'))).toMatch(/Also reported as April 2019 by <span class="cite"><a href="\/digest\/sources\/energy-notes-riverton\/"/u);
    expect(entry(page('stories', STORY))).toMatch(/Also reported as April 2019 by <span class="cite"><a[^>]*href="#s\d"/u);
  });

  it('publishes digest.json in the pipeline order and JSON-LD that names every source', () => {
    const digest = JSON.parse(page('digest.json')) as { stories: { slug: string }[]; sources: { id: string }[] };
    expect(digest.stories.map((s) => s.slug)).toEqual([STORY, 'valley-libraries-to-open-on-sundays']);
    expect(digest.sources.map((s) => s.id)).toEqual(['coast-herald-barrage', 'energy-notes-riverton', 'valley-post-library', 'wire-copy-barrage']);
    const story = page('stories', STORY);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(story)?.[1] ?? '{}') as { isBasedOn: { url?: string }[] };
    expect(jsonLd.isBasedOn).toHaveLength(3);
    expect(jsonLd.isBasedOn[0]?.url).toBe('https://coast-herald.example/riverton-barrage');
  });

  it('writes the feed, robots.txt and no sitemap when no site URL is set', () => {
    expect(page('rss.xml')).toContain(`/digest/stories/${STORY}/</link>`);
    expect(page('robots.txt')).toBe('User-agent: *\nAllow: /\n');
    expect(() => page('sitemap-index.xml')).toThrow();
  });
});
