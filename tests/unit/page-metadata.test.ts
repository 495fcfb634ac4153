import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/pipeline/import/page-article.ts';
import { bylineFields, pageMetadata } from '../../src/pipeline/import/page-metadata.ts';

/** A page with `head` in its <head> and `body` in its <body>. */
function meta(head: string, body = '') {
  return pageMetadata(parsePage(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`));
}

function ld(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

const OG = [
  '<meta property="og:title" content="OG headline">',
  '<meta property="og:site_name" content="OG Outlet">',
  '<meta property="article:published_time" content="2024-02-03T10:00:00Z">',
].join('');

describe('pageMetadata', () => {
  it('takes headline, date, author and publisher from a JSON-LD NewsArticle before OpenGraph', () => {
    const { fields } = meta(
      ld({ '@type': 'NewsArticle', headline: 'LD headline', datePublished: '2024-01-05T23:30:00-05:00', author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { name: 'Tom Lee' }], publisher: { '@type': 'Organization', name: 'LD Outlet' } }) + OG,
    );
    expect(fields.title).toEqual({ value: 'LD headline', from: 'the JSON-LD NewsArticle headline' });
    expect(fields.outlet?.value).toBe('LD Outlet');
    // The day as the page states it, in its own offset: not the UTC day (2024-01-06).
    expect(fields.published?.value).toBe('2024-01-05');
    expect(fields.author?.value).toBe('Ana Ruiz, Tom Lee');
  });

  it('finds the article in a @graph, with a list of types, and follows @id references to the publisher and author', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://gazette.example/#org', name: 'Harbor Gazette' },
        { '@type': 'WebPage', '@id': 'https://gazette.example/a#page', datePublished: '2020-01-01' },
        { '@type': ['Article', 'NewsArticle'], headline: 'Ferry timetable changes', datePublished: '2024-03-01', publisher: { '@id': 'https://gazette.example/#org' }, author: { '@id': '#ana' } },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Ruiz' },
      ],
    };
    const { fields } = meta(ld(graph));
    expect([fields.title?.value, fields.outlet?.value, fields.published?.value, fields.author?.value]).toEqual(['Ferry timetable changes', 'Harbor Gazette', '2024-03-01', 'Ana Ruiz']);
  });

  it('reads a JSON-LD array of blocks and a publisher given as a plain name', () => {
    const { fields } = meta(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle', headline: 'Pier rebuilt', publisher: 'Bay Wire' }]));
    expect([fields.title?.value, fields.outlet?.value]).toEqual(['Pier rebuilt', 'Bay Wire']);
  });

  it('decodes HTML entities that a CMS wrote into JSON-LD strings', () => {
    const { fields } = meta(ld({ '@type': 'NewsArticle', headline: 'Council&#8217;s &#8216;late&#8217; vote', author: { name: 'Lindsey O&#039;Hara' } }));
    expect(fields.title?.value).toBe('Council’s ‘late’ vote');
    expect(fields.author?.value).toBe("Lindsey O'Hara");
  });

  it('ignores JSON-LD that is no article (a radio episode, a web page) and notes a block that is not JSON', () => {
    const { fields, notes } = meta(ld({ '@type': 'RadioEpisode', headline: 'Episode title' }) + '<script type="application/ld+json">{ not json</script>' + OG);
    expect(fields.title?.value).toBe('OG headline');
    expect(notes).toContain('a JSON-LD block on the page is not valid JSON; it was skipped');
  });

  it('falls back to OpenGraph for title, outlet and date', () => {
    const { fields } = meta(OG);
    expect(fields.title).toEqual({ value: 'OG headline', from: '<meta property="og:title">' });
    expect(fields.outlet).toEqual({ value: 'OG Outlet', from: '<meta property="og:site_name">' });
    expect(fields.published).toEqual({ value: '2024-02-03', from: '<meta property="article:published_time">' });
  });

  it('notes a stated date that is no date and goes on to the next source', () => {
    const { fields, notes } = meta(ld({ '@type': 'NewsArticle', headline: 'H', datePublished: 'soon' }) + OG);
    expect(fields.published?.value).toBe('2024-02-03');
    expect(notes).toContain('published: the JSON-LD NewsArticle datePublished says "soon", which is not a date');
  });

  it('takes the author from <meta name="author"> and the url from the canonical link', () => {
    const { fields } = meta('<meta name="author" content="Ana Ruiz"><link rel="canonical" href="https://gazette.example/ferry">');
    expect(fields.author).toEqual({ value: 'Ana Ruiz', from: '<meta name="author">' });
    expect(fields.url).toEqual({ value: 'https://gazette.example/ferry', from: '<link rel="canonical">' });
  });

  it('leaves out a canonical link that is not an absolute http(s) address, and says so', () => {
    const { fields, notes } = meta('<link rel="canonical" href="/ferry">');
    expect(fields.url).toBeUndefined();
    expect(notes.join('\n')).toContain('"/ferry"');
  });

  it('cuts the site name off a title when the page\'s <h1> repeats the rest', () => {
    const { fields } = meta('<meta property="og:title" content="Ferry timetable changes | Harbor Gazette | 19.01.2020">', '<h1>Ferry timetable changes</h1>');
    expect(fields.title?.value).toBe('Ferry timetable changes');
    expect(fields.title?.from).toContain('without the site\'s name');
  });

  it('completes a headline cut short with "…" from the <h1> it begins', () => {
    const { fields } = meta(ld({ '@type': 'NewsArticle', headline: 'Ferry timetable changes from Monday for the...' }), '<h1>Ferry timetable changes from Monday for the two early crossings</h1>');
    expect(fields.title?.value).toBe('Ferry timetable changes from Monday for the two early crossings');
  });

  it('keeps a title that no heading repeats, separators and all', () => {
    const { fields } = meta('<title>Ferry: what changes | Harbor Gazette</title>', '<h1>Harbor Gazette</h1>');
    expect(fields.title?.value).toBe('Ferry: what changes | Harbor Gazette');
  });

  it('invents nothing: a page that states nothing gets no fields', () => {
    expect(meta('', '<p>Some text.</p>').fields).toEqual({ language: { value: 'en', from: '<html lang>' } });
  });

  describe('a date the page shows but its markup does not state', () => {
    it('reads an element marked itemprop="datePublished"', () => {
      expect(meta('', '<h1>T</h1><span itemprop="datePublished" content="not a date">October 29, 2018</span>').fields.published?.value).toBe('2018-10-29');
    });

    it('reads a line that labels itself as the date, split over elements or not', () => {
      expect(meta('', '<h1>T</h1><ul><li><strong>Date</strong> 19.01.2020</li></ul>').fields.published?.value).toBe('2020-01-19');
      expect(meta('', '<h1>T</h1><details><summary>Tue 29 Nov 2016 15.26 EST</summary>First published on Mon 28 Nov 2016 07.46 EST</details>').fields.published?.value).toBe('2016-11-28');
    });

    it('reads the first <time> after the headline, not one in a rail before it', () => {
      const body = '<aside><time datetime="2019-01-01">1 January 2019</time></aside><h1>T</h1><time datetime="2016-09-19T07:46:01-04:00">Sept. 19, 2016</time>';
      expect(meta('', body).fields.published?.value).toBe('2016-09-19');
    });

    it('never takes an "Updated" date for the publication date', () => {
      expect(meta('', '<h1>T</h1><div class="timestamp">Updated 11:22 PM EST, Tue November 29, 2016</div>').fields.published).toBeUndefined();
    });

    it('leaves an ambiguous slashed date unknown', () => {
      expect(meta('', '<h1>T</h1><time>04/05/2020</time>').fields.published).toBeUndefined();
    });
  });
});

describe('bylineFields', () => {
  it('takes the author from a byline that says "By", and a date in it', () => {
    expect(bylineFields('By Jennifer Rubin · Posted: Oct 14, 2022 9:27 AM ET')).toEqual({
      author: { value: 'Jennifer Rubin', from: 'the byline "By Jennifer Rubin · Posted: Oct 14, 2022 9:27 AM ET"' },
      published: { value: '2022-10-14', from: 'the byline "By Jennifer Rubin · Posted: Oct 14, 2022 9:27 AM ET"' },
    });
  });

  it('takes no author from a bare name, which could as well be a photo credit', () => {
    expect(bylineFields('Mike Blake/Reuters files')).toEqual({});
  });
});
