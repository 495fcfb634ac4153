import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { findDateMentions } from '../../src/pipeline/timeline/date-expressions.ts';
import { datesAForecast, datesANewsPromise, eventClause, looksLikeVerb, onlyTellsASaying, soundsPlanned } from '../../src/pipeline/timeline/event-clause.ts';
import { extractTimeline, timelineWithDisagreements } from '../../src/pipeline/timeline/extract-timeline.ts';
import { normalizeArticle } from '../../src/pipeline/normalize/normalize.ts';
import { splitSentences } from '../../src/pipeline/split-sentences.ts';
import type { IsoDate, SegmentedArticle, TimelineEvent } from '../../src/types.ts';

interface FixtureArticle {
  id: string;
  published: IsoDate | 'unknown';
  body: string;
  title?: string;
}

/** Runs a fixture article through the real normalize and sentence stages. */
function segment(article: FixtureArticle): SegmentedArticle {
  return splitSentences(
    normalizeArticle({
      id: article.id,
      file: `content/articles/${article.id}.md`,
      body: article.body,
      contentHash: '',
      meta: {
        title: article.title ?? 'unknown',
        outlet: 'unknown',
        published: article.published,
        origin: `content/articles/${article.id}.md`,
        language: 'en',
      },
    }),
  );
}

const fixtures = new URL('../fixtures/timeline/', import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as T;
const tram = readJson<{ articles: FixtureArticle[] }>('tram-story.json').articles.map(segment);
const lone = readJson<{ selfDated: FixtureArticle; nothingToCountFrom: FixtureArticle }>('lone-undated.json');

const byLabel = (events: TimelineEvent[], label: string) => events.filter((e) => e.label === label);

/** The words of a text, for checking that event text is extractive. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}$%'’.-]+/gu)?.map((w) => w.replace(/[.]+$/u, '')) ?? [];

/** Every word of the event appears in one sentence of a cited article (the ellipsis aside). */
function isExtractive(event: TimelineEvent, articles: SegmentedArticle[]): boolean {
  const words = wordsOf(event.text.replace(/…/g, ' '));
  return articles
    .filter((a) => event.sourceIds.includes(a.id))
    .some((a) => a.sentences.some((s) => {
      const source = new Set(wordsOf(s.text));
      return words.every((w) => source.has(w));
    }));
}

/** The clause each date of a sentence gets, anchored on 9 April 2026. */
function clauses(sentence: string): string[] {
  const { mentions } = findDateMentions(sentence, { anchor: '2026-04-09', lastYear: undefined, lastRange: undefined, future: false });
  return mentions.map((m) =>
    eventClause(
      sentence,
      { index: m.index, length: m.coverLength ?? m.text.length },
      mentions.filter((o) => o !== m).map((o) => ({ index: o.index, length: o.text.length })),
      { maxLength: 140, followingPhrase: m.datesFollowingPhrase, ...(m.phrase ? { phrase: m.phrase } : {}) },
    ),
  );
}

describe('eventClause', () => {
  it('drops a leading date phrase, since the label carries the date', () => {
    expect(clauses('On Tuesday, the council approved the budget.')).toEqual(['The council approved the budget']);
    expect(clauses('In June 2025, the council approved the budget.')).toEqual(['The council approved the budget']);
    expect(clauses('Back in 2015, the ferry firm split in two.')).toEqual(['The ferry firm split in two']);
  });

  it('gives a relative clause its subject and ends it at its closing comma', () => {
    expect(clauses('Residents praised the new line, Route 9, which opened in May 2024, for its speed.')).toEqual([
      'Route 9, which opened in May 2024',
    ]);
  });

  it('splits two dated predicates and lends the second one its subject', () => {
    expect(clauses('The app launched in 2021 and reached a million users by Q3 of that year.')).toEqual([
      'The app launched in 2021',
      'The app … reached a million users by Q3 of that year',
    ]);
  });

  it('splits two dated predicates joined by "but", so each date gets its own clause', () => {
    expect(clauses('Once a harbour ferry, the Kelby boat had briefly resumed service on Monday but was halted again by Tuesday evening, with its engine cold.')).toEqual([
      'Once a harbour ferry, the Kelby boat had briefly resumed service on Monday',
      'The Kelby boat … was halted again by Tuesday evening, with its engine cold',
    ]);
  });

  it('ends a counted date\'s clause at the dash after it ("nearly a year after … in May 2025 – a sale that had stalled")', () => {
    expect(clauses("The merger comes nearly a year after the ferry line's sale in May 2025 – a sale that had stalled for months – and after talks began last month.")[0]).toBe(
      "The merger comes nearly a year after the ferry line's sale in May 2025",
    );
  });

  it('carries a clause an aside between dashes cut short on to its predicate after the aside', () => {
    expect(clauses('In May 2024, the ferry chief — a former captain who had run the line for years — sold the company to its rival.')).toEqual([
      'The ferry chief … sold the company to its rival',
    ]);
    // A clause with a verb of its own keeps to itself.
    expect(clauses('In May 2024, the ferry chief resigned — a surprise to the board — and left the port.')).toEqual(['The ferry chief resigned']);
  });

  it('does not end a long clause at the comma after a date that opens a "that" clause', () => {
    expect(clauses('The port chief warned that by Friday morning, residents of the harbour district would likely be facing further flooding and widespread damage to homes along the quay.')[0]).toMatch(
      /^The port chief warned that by Friday morning, residents of the harbour district would/u,
    );
  });

  it('reads a compound in -ed as an adjective, not a second predicate, but a prefixed verb as a verb', () => {
    expect(clauses('On Friday the port said unpaid fees and state-owned berths had passed to the buyer.')).toEqual([
      'The port said unpaid fees and state-owned berths had passed to the buyer',
    ]);
    expect(['state-owned', 'stock-based', 're-entered', 'co-founded', 'launched'].map(looksLikeVerb)).toEqual([false, false, true, true, true]);
  });

  it('reads verbs in -red, -bed and -greed as verbs ("offered", "robbed", "agreed"), and "hundred" or "speed" as none', () => {
    expect(['offered', 'entered', 'robbed', 'agreed', 'decreed', 'hundred', 'speed', 'seabed'].map(looksLikeVerb)).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('dates the main clause when a long sentence’s date stands in an opening phrase with no verb', () => {
    const [clause] = clauses(
      'In a further twist on Tuesday, the port chair said the ferry strike had forced the board and the union to agree that every crossing to Kelby must stop until the spring inspections end.',
    );
    expect(clause).toMatch(/^The port chair said the ferry strike had forced the board/u);
  });

  it('does not cut a clause at the colon of a clock time', () => {
    expect(clauses('The jury left after hearing the case at 3:15 p.m. and breaking for dinner at 6 p.m. on Nov. 2, 2025.')).toEqual([
      'Hearing the case at 3:15 p.m. and breaking for dinner at 6 p.m. on Nov. 2, 2025',
    ]);
  });

  it('reads a parenthetical between dashes with the subject before it', () => {
    expect(clauses('The ferry fleet — bought in 2019 — was sold in 2024.')).toEqual([
      'The ferry fleet — bought in 2019',
      'The ferry fleet — bought in 2019 — was sold in 2024',
    ]);
  });

  it('ends a participle clause at its commas', () => {
    expect(clauses('The regulator fined the ferry firm on Tuesday, ending an inquiry that began in November 2020.')).toEqual([
      'The regulator fined the ferry firm on Tuesday',
      'Ending an inquiry that began in November 2020',
    ]);
    expect(clauses('A second inquiry, opened in April 2024, is expected to end later this year.')).toEqual([
      'A second inquiry, opened in April 2024',
      'A second inquiry, opened in April 2024, is expected to end later this year',
    ]);
  });

  it('ends a clause cut before a connective at the word before it, not on “thus” or “and”', () => {
    expect(clauses('The ferry deal won final approval on Friday, thus, ending a year of hearings.')[0]).toBe('The ferry deal won final approval on Friday');
  });

  it('keeps the commas of a list inside the clause', () => {
    expect(clauses('By late 2025, ferries from Arden, Bexley, and Corran had joined the scheme, doubling traffic.')).toEqual([
      'Ferries from Arden, Bexley, and Corran had joined the scheme',
    ]);
  });

  it('dates the phrase after “N months after” when that phrase has no date of its own', () => {
    expect(clauses('The tunnel opened 10 months after the council approved it.')).toEqual(['The council approved it']);
    expect(clauses('Ten months after its June 2024 debut, the water taxi shut down.')).toEqual(['The water taxi shut down', 'Its June 2024 debut']);
  });

  it('cuts a long clause at a clause boundary, never in the middle of a word', () => {
    const sentence =
      'In June 2025, the regional transport authority spent $14 million to buy the bankrupt ferry operator’s three vessels and the dock leases along the estuary and hired its former crews.';
    const [text] = clauses(sentence);
    expect(text).toBe('The regional transport authority spent $14 million to buy the bankrupt ferry operator’s three vessels and the dock leases along the estuary');
    expect((text ?? '').length).toBeLessThanOrEqual(140);
  });

  it('names the speaker of a quotation that follows a colon, so “we” has a referent', () => {
    expect(clauses('The harbour master wrote on the notice board: “Nine months ago we dredged the channel.')).toEqual([
      'The harbour master: “We dredged the channel”',
    ]);
  });

  it('keeps the quoted words when a leading date cut the quotation open, and closes a bracket it opened', () => {
    expect(clauses('“In June 2025, we sold the old ferry,” the captain said.')).toEqual(['We sold the old ferry']);
    expect(clauses('The co-operative (founded in 2019) runs four boats.')).toEqual(['The co-operative (founded in 2019)']);
  });

  it('reads a bracketed aside without a verb as part of the clause, not as a boundary', () => {
    expect(clauses('The board said the offer was fair, after it rejected the first $12m (£9m) offer in April 2025.')).toEqual([
      'It rejected the first $12m (£9m) offer in April 2025',
    ]);
  });

  it('hears plans and expectations as upcoming, and reports as not', () => {
    expect(['will reopen', 'plans to sell', 'is expected to rise', 'hopes to open', 'sentencing was scheduled for March 28'].map(soundsPlanned)).toEqual([true, true, true, true, true]);
    expect(['reopened', 'said it was sold', 'the planner left', 'the fee was set at $5'].map(soundsPlanned)).toEqual([false, false, false, false]);
  });

  it('dates a hearing "scheduled for" a month and day without a year forward from the report', () => {
    const [hearing] = extractTimeline([segment({ id: 'a-post', published: '2026-11-03', body: 'The court said sentencing was scheduled for March 28.' })], 'tern');
    expect([hearing?.label, hearing?.upcoming]).toEqual(['28 March 2027', true]);
  });
});

describe('extractTimeline on an undated report of a busy news day', () => {
  const story = readJson<{ articles: FixtureArticle[] }>('undated-report-of-busy-day.json').articles.map(segment);
  const events = extractTimeline(story, 'ardent');

  it('counts its weekday from the day most dated reports came out, not from the earliest report', () => {
    const rescue = events.find((e) => e.sourceIds.includes('undated'));
    expect([rescue?.label, rescue?.start]).toEqual(['18 September 2025', '2025-09-18']);
    expect(rescue?.anchorNote).toContain("the day most of this story's dated sources were published");
  });

  it('dates no photo caption and no web cache banner', () => {
    expect(events.filter((e) => /Volunteers clear|snapshot/u.test(e.text))).toEqual([]);
  });

  it('counts from a later full date the report states itself, up to the latest known report', () => {
    const schools = events.find((e) => e.sourceIds.includes('undated-caption') && /schools/u.test(e.text));
    expect(schools?.start).toBe('2025-09-19');
  });
});

describe('extractTimeline on a story told three ways', () => {
  const events = extractTimeline(tram, 'riverside-trams');

  it('makes the reopening one event citing all three reports, however each wrote the date', () => {
    const day = byLabel(events, '10 March 2026');
    expect(day).toHaveLength(1);
    expect(day[0]?.sourceIds).toEqual(['city-desk', 'weekly-review', 'wire-copy']);
    expect(day[0]?.start).toBe('2026-03-10');
    expect(day[0]?.end).toBe('2026-03-10');
  });

  it('counts an undated report’s weekday from the story’s dated report and says so', () => {
    const note = byLabel(events, '10 March 2026')[0]?.anchorNote ?? '';
    expect(note).toContain('wire-copy states no publication date');
    expect(note).toContain('“On Tuesday”');
    expect(note).toContain('12 March 2026');
    expect(note).toContain('(city-desk)');
  });

  it('keeps month, part-of-year and year precision as written', () => {
    expect(byLabel(events, 'May 2023').map((e) => [e.start, e.end, e.text])).toEqual([
      ['2023-05-01', '2023-05-31', 'The city council voted to rebuild the line in May 2023'],
    ]);
    expect(byLabel(events, 'Early 2024').map((e) => [e.start, e.end, e.sourceIds])).toEqual([['2024-01-01', '2024-04-30', ['city-desk', 'wire-copy']]]);
    const lastYear = byLabel(events, '2025');
    expect(lastYear.map((e) => [e.start, e.end, e.sourceIds])).toEqual([['2025-01-01', '2025-12-31', ['wire-copy']]]);
    expect(lastYear[0]?.anchorNote).toContain('“Last year”');
  });

  it('marks the planned night service upcoming, starting at the publication date', () => {
    const upcoming = events.filter((e) => e.upcoming);
    expect(upcoming.map((e) => [e.start, e.label, e.sourceIds])).toEqual([
      ['2026-03-12', 'Coming weeks (from 12 March 2026)', ['city-desk']],
    ]);
    expect(upcoming[0]?.anchorNote).toBeUndefined();
  });

  it('dates nothing from figures, counts or names with numbers', () => {
    expect(events.map((e) => e.label).sort()).toEqual(['10 March 2026', '2025', 'Coming weeks (from 12 March 2026)', 'Early 2024', 'May 2023']);
  });

  it('sorts events by start, end and text and numbers their ids in that order', () => {
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `riverside-trams-t${i + 1}`));
    const keys = events.map((e) => `${e.start}|${e.end}|${e.text}`);
    expect(keys).toEqual([...keys].sort());
    expect(events.every((e) => e.storySlug === 'riverside-trams')).toBe(true);
  });

  it('adds a citation, not a duplicate, when another article dates an existing event', () => {
    const twoArticles = extractTimeline(tram.filter((a) => a.id !== 'weekly-review'), 'riverside-trams');
    expect(twoArticles).toHaveLength(events.length);
    expect(byLabel(twoArticles, '10 March 2026')[0]?.sourceIds).toEqual(['city-desk', 'wire-copy']);
  });

  it('gives the same output whatever the order of the articles', () => {
    expect(extractTimeline([...tram].reverse(), 'riverside-trams')).toEqual(events);
  });

  it('takes every event text from a sentence of a cited article', () => {
    expect(events.filter((e) => !isExtractive(e, tram)).map((e) => e.text)).toEqual([]);
  });
});

describe('one timeline entry per happening', () => {
  const formed = readJson<{ articles: FixtureArticle[] }>('one-happening.json').articles.map(segment);
  const sameDay = readJson<{ articles: FixtureArticle[] }>('two-happenings-one-date.json').articles.map(segment);

  it('merges one happening told at three precisions and in four verbs into one entry at the most precise date', () => {
    const events = extractTimeline(formed, 'tidewater');
    const forming = events.filter((e) => [e.text, ...(e.lessPrecise ?? []).map((m) => m.text)].some((t) => t.includes('Tidewater Robotics Group')));
    expect(forming).toHaveLength(1);
    expect(forming[0]?.label).toBe('March 2025');
    expect(forming[0]?.sourceIds).toEqual(['dock-review', 'harbor-post', 'port-wire', 'quay-daily']);
  });

  it('keeps the less precise tellings under the entry, closest precision first, each with its sources', () => {
    const [forming] = byLabel(extractTimeline(formed, 'tidewater'), 'March 2025');
    expect(forming?.lessPrecise?.map((m) => [m.label, m.start, m.end, m.sourceIds])).toEqual([
      ['Early 2025', '2025-01-01', '2025-04-30', ['dock-review']],
      ['2025', '2025-01-01', '2025-12-31', ['port-wire', 'quay-daily']],
    ]);
    expect(forming?.anchorNote).toBeUndefined();
  });

  it('keeps a different happening of the same year apart', () => {
    expect(byLabel(extractTimeline(formed, 'tidewater'), 'September 2025').map((e) => e.sourceIds)).toEqual([['harbor-post']]);
  });

  it('keeps two happenings of one company on one date apart, and merges the repeat of one of them', () => {
    const day = byLabel(extractTimeline(sameDay, 'brenna'), '4 March 2026');
    expect(day.map((e) => e.sourceIds)).toEqual([['quay-daily'], ['dock-review', 'harbor-post']]);
    expect(day.every((e) => e.lessPrecise === undefined)).toBe(true);
  });

  it('gives the same entries whatever the order of the articles', () => {
    expect(extractTimeline([...formed].reverse(), 'tidewater')).toEqual(extractTimeline(formed, 'tidewater'));
  });

  it('reads the “when …” clause after a date as what happened then, so “its biggest deal in 2016 when it bought X” meets “the purchase of X in 2016”', () => {
    const story = [
      { id: 'a-post', body: 'The takeover is the largest in Brenna Shipping history, surpassing the purchase of Tern Line in 2016 and Gull Ferries in 2021.' },
      { id: 'b-daily', body: 'It follows the biggest deal the group made in 2016 when it acquired the coastal operator Tern Line for $3 billion.' },
      { id: 'c-review', body: 'Brenna Shipping opened a new head office in 2016.' },
    ].map((a) => segment({ ...a, published: '2026-06-06' }));
    const year = byLabel(extractTimeline(story, 'tern'), '2016');
    expect(year.map((e) => e.sourceIds).sort()).toEqual([['a-post', 'b-daily'], ['c-review']]);
  });

  it('reads “dropped its objections” as approving, and leaves what a phrase of time after the date tells (“ahead of its final approval”) to that other happening', () => {
    const story = [
      { id: 'a-post', body: 'The port authority had doubts. It gave its provisional approval in May 2026 to a revised offer from Brenna Shipping.' },
      { id: 'b-daily', body: 'The port authority had doubts. But it dropped those objections in May 2026 ahead of its formal approval.' },
      { id: 'c-review', body: 'Tern Line opened a second ferry route in May 2026.' },
    ].map((a) => segment({ ...a, published: '2026-06-06' }));
    const may = byLabel(extractTimeline(story, 'tern'), 'May 2026');
    expect(may.map((e) => e.sourceIds).sort()).toEqual([['a-post', 'b-daily'], ['c-review']]);
  });

  const paraphrased = readJson<{ articles: FixtureArticle[] }>('paraphrases-one-day.json').articles.map(segment);
  const wednesday = byLabel(extractTimeline(paraphrased, 'kelby'), '3 June 2026');
  const citing = (word: RegExp) => wednesday.filter((e) => word.test(e.text)).map((e) => e.sourceIds);

  it('merges one happening told in other words (approved / signed off on; completed / sealed / closed; struck / hit) into one entry citing every source', () => {
    expect(citing(/approved|signed off/u)).toEqual([['harbor-post', 'quay-daily']]);
    expect(citing(/completed|sealed|closed/u)).toEqual([['dock-review', 'harbor-post', 'quay-daily']]);
    expect(citing(/struck|hit/u)).toEqual([['dock-review', 'harbor-post']]);
  });

  it('keeps different happenings of one day apart: an approval, a closing and a storm are three entries', () => {
    expect(wednesday).toHaveLength(3);
  });

  it('words an entry from a telling that is not cut short when one of its tellings is', () => {
    const story = [
      {
        id: 'a-post',
        body: 'On Friday the Pell Port Authority approved the Tern Line takeover by Brenna Shipping together with its northern ferry routes and harbour cranes and quayside warehouses and repair docks.',
      },
      { id: 'b-daily', body: 'The Pell Port Authority approved the Tern Line takeover on Friday.' },
    ].map((a) => segment({ ...a, published: '2026-06-06' }));
    const [entry] = extractTimeline(story, 'tern', { maxTextLength: 80 });
    expect(entry?.sourceIds).toEqual(['a-post', 'b-daily']);
    expect(entry?.text).toBe('The Pell Port Authority approved the Tern Line takeover on Friday');
  });

  describe('a lone telling of a happening several sources tell that day', () => {
    const story = readJson<{ articles: FixtureArticle[] }>('lone-tellings.json').articles.map(segment);
    const friday = byLabel(extractTimeline(story, 'tern'), '5 June 2026');
    const entryOf = (id: string) => friday.filter((e) => e.sourceIds.includes(id));

    it('joins their entry when it tells the same kind of act and names no one they do not (“won final approval”, “that obstacle was cleared”, the regulator by its initials)', () => {
      const approval = entryOf('a-post').find((e) => /approved|signed off|approval|cleared/u.test(e.text));
      expect(approval?.sourceIds).toEqual(['a-post', 'b-daily', 'c-wire', 'd-blog']);
    });

    it('never joins for an act a story tells many times a day, such as a strike', () => {
      const storm = [
        { id: 'a-post', body: 'Storm Orla struck the coast near Pell Harbor on Wednesday, flooding the quay.\n\nOrla struck hard.\n\nThe storm struck twice.' },
        { id: 'b-daily', body: 'Storm Orla struck the coast near Pell Harbor on Wednesday night and flooded the quay.\n\nIt struck the ferry sheds.' },
        { id: 'c-wire', body: 'The tornadoes struck at about 4 p.m. on Wednesday.\n\nTornadoes struck inland too.' },
      ].map((a) => segment({ ...a, published: '2026-06-04' }));
      expect(byLabel(extractTimeline(storm, 'orla'), '3 June 2026').map((e) => e.sourceIds)).toEqual([['a-post', 'b-daily'], ['c-wire']]);
    });

    it('joins a verdict told in other words ("was convicted" / "the guilty verdict"), whoever reported it', () => {
      const verdict = [
        { id: 'a-post', body: 'A jury convicted the ferry chief Ines Varga of fraud on Thursday.\n\nThe verdict surprised few in Kelby.' },
        { id: 'b-daily', body: 'A jury convicted Ines Varga, the ferry chief, of fraud on Thursday after a short trial.\n\nHer lawyers called the verdict unfair.' },
        { id: 'c-wire', body: 'According to the Harbor Wire, the guilty verdict came on Thursday.\n\nThe verdict can be appealed.' },
      ].map((a) => segment({ ...a, published: '2026-06-06' }));
      expect(byLabel(extractTimeline(verdict, 'varga'), '4 June 2026').map((e) => e.sourceIds)).toEqual([['a-post', 'b-daily', 'c-wire']]);
      // Who reported it, named at the end, is no party of the verdict either.
      const closing = segment({ id: 'c-wire', published: '2026-06-06', body: 'The guilty verdict came on Thursday, the Harbor Wire reported.\n\nThe verdict can be appealed.' });
      expect(byLabel(extractTimeline([...verdict.slice(0, 2), closing], 'varga'), '4 June 2026').map((e) => e.sourceIds)).toEqual([['a-post', 'b-daily', 'c-wire']]);
    });

    it('stays apart when it names a party they do not, and never joins the completion told the same day', () => {
      expect(entryOf('e-news')).toHaveLength(1);
      expect(entryOf('e-news')[0]?.sourceIds).toEqual(['e-news']);
      const closing = friday.find((e) => /completed|closed/u.test(e.text));
      expect(closing?.sourceIds).toEqual(['a-post', 'b-daily']);
    });

    it('stays apart when two happenings of that kind share the day, or when it tells another stage of the act', () => {
      const twoApprovals = [
        ...story.slice(0, 3),
        ...['f-gazette', 'g-times'].map((id) => segment({ id, published: '2026-06-06', body: 'The Kelby council approved the new ferry terminal on Friday.\n\nThe approval took two votes.' })),
      ];
      const lone = byLabel(extractTimeline(twoApprovals, 'tern'), '5 June 2026').filter((e) => e.sourceIds.includes('c-wire'));
      expect(lone.map((e) => e.sourceIds)).toEqual([['c-wire']]);
      const provisional = segment({ id: 'c-wire', published: '2026-06-06', body: 'The newest ferry purchase won provisional approval on Friday.\n\nThe approval ends months of uncertainty.' });
      const early = byLabel(extractTimeline([...story.slice(0, 2), provisional], 'tern'), '5 June 2026').filter((e) => e.sourceIds.includes('c-wire'));
      expect(early.map((e) => e.sourceIds)).toEqual([['c-wire']]);
    });
  });

  it('keeps an approval and a completion of one day apart when a statement naming both would chain them', () => {
    const story = [
      { id: 'a-post', body: 'The Pell Port Authority approved the Tern Line takeover on Friday after a year of hearings.' },
      { id: 'b-daily', body: 'The Tern Line takeover won final approval from the Pell Port Authority on Friday, completing the purchase by Brenna Shipping.' },
      { id: 'c-review', body: 'Brenna Shipping completed its purchase of Tern Line on Friday for $2 billion.' },
      { id: 'd-wire', body: 'Brenna Shipping closed its $2 billion purchase of Tern Line on Friday.' },
    ].map((a) => segment({ ...a, published: '2026-06-06' }));
    const friday = byLabel(extractTimeline(story, 'tern'), '5 June 2026');
    const approval = friday.find((e) => e.sourceIds.includes('a-post'));
    const closing = friday.find((e) => e.sourceIds.includes('d-wire'));
    expect(approval).toBeDefined();
    expect(approval).not.toBe(closing);
    expect(closing?.sourceIds).toEqual(expect.arrayContaining(['c-review', 'd-wire']));
    expect(closing?.sourceIds).not.toContain('a-post');
  });

  it('lists a vaguer telling of an act under the one more precise entry of that act, though they share no other word', () => {
    const story = [
      segment({ id: 'a-post', published: '2025-12-01', body: 'The Kelby ferry line filed for bankruptcy on 11 November 2025, the Harbour Post reported.' }),
      segment({ id: 'b-wire', published: '2025-12-01', body: 'It went bankrupt in November with $8 million of fares missing.' }),
    ];
    const events = extractTimeline(story, 'kelby');
    expect(events.map((e) => [e.label, e.sourceIds, e.lessPrecise?.map((m) => m.label)])).toEqual([['11 November 2025', ['a-post', 'b-wire'], ['November 2025']]]);
    // Two bankruptcies told that month: the vaguer telling does not say which, so it stays its own entry.
    const two = [
      ...story,
      segment({ id: 'c-news', published: '2025-12-01', body: 'The Ostrava dredging firm declared bankruptcy on 20 November 2025.' }),
    ];
    expect(byLabel(extractTimeline(two, 'kelby'), 'November 2025').map((e) => e.sourceIds)).toEqual([['b-wire']]);
  });

  it('reads no completion in "completed four days of testimony", and no closing in a fate sealed', () => {
    const story = [
      segment({ id: 'a-post', published: '2025-11-07', body: 'The jury convicted the ferry chief on Thursday, 6 November 2025. Her fate was sealed on Thursday.' }),
      segment({ id: 'b-wire', published: '2025-11-07', body: 'The ferry chief completed four days of testimony last week.' }),
    ];
    expect(extractTimeline(story, 'kelby').find((e) => e.sourceIds.includes('b-wire'))?.label).toBe('Week of 27 October 2025');
  });

  it('lists no entry for a sentence that dates only who spoke', () => {
    expect(wednesday.filter((e) => /\bsaid\b/u.test(e.text))).toEqual([]);
  });
});

describe('one happening dated two ways that cannot both be true', () => {
  const story = readJson<{ articles: FixtureArticle[] }>('rival-datings.json').articles.map(segment);
  const events = extractTimeline(story, 'tern');
  const telling = (word: RegExp) => events.filter((e) => word.test(e.text) || (e.otherDates ?? []).some((d) => word.test(d.text)));

  it('shows a veto dated March by two outlets and April by one as one entry at March, with April on it', () => {
    const veto = telling(/blocked|vetoed/u);
    expect(veto.map((e) => [e.label, e.sourceIds])).toEqual([['March 2026', ['dock-review', 'harbor-post', 'quay-daily']]]);
    expect(veto[0]?.otherDates?.map((d) => [d.label, d.start, d.end, d.sourceIds])).toEqual([['April 2026', '2026-04-01', '2026-04-30', ['dock-review']]]);
  });

  it('shows a departure dated the end of the year by two outlets and the next 1 January by one as one entry, and reads "leave the company" as stepping down', () => {
    const leaving = telling(/step down|departure|leave the combined company/u);
    expect(leaving.map((e) => [e.label, e.otherDates?.map((d) => d.label)])).toEqual([['Late 2026', ['1 January 2027']]]);
  });

  it('shows one purchase dated 2020 by one outlet and 2021 by another as one entry, reading the act across a list and "took over" as buying', () => {
    const list = segment({ id: 'm-list', published: '2026-06-15', body: 'The deal is the largest in the group’s history, passing the purchases of Corlan in 2019 and Vestry in 2021, for a total of $3 billion.' });
    const took = segment({ id: 'n-took', published: '2026-06-15', body: 'In 2020 it took over another large ferry operator on the northern coast, Vestry.' });
    const vestry = extractTimeline([list, took], 'ferries').filter((e) => [e.text, ...(e.otherDates ?? []).map((d) => d.text)].some((t) => t.includes('Vestry')));
    // One source each: the earlier of two equally precise datings leads (2020 is a day longer than 2021, not vaguer);
    // the list's first item (2019) is another purchase.
    expect(vestry.map((e) => [e.label, e.sourceIds, e.otherDates?.map((d) => [d.label, d.sourceIds])])).toEqual([
      ['2019', ['m-list'], undefined],
      ['2020', ['m-list', 'n-took'], [['2021', ['m-list']]]],
    ]);
  });

  it('lists a vaguer telling that holds both datings under the entry, and one that holds only the other dating as another dating', () => {
    const vaguer = [
      { id: 'e-quarter', body: 'The port authority vetoed the Tern Line takeover in the second quarter of 2026.' },
      { id: 'f-year', body: 'The port authority blocked the Tern Line takeover in 2026.' },
    ].map((a) => segment({ ...a, published: '2026-06-17' }));
    const veto = extractTimeline([...story, ...vaguer], 'tern').filter((e) => /blocked/u.test(e.text));
    expect(veto.map((e) => [e.label, e.lessPrecise?.map((m) => m.label), e.otherDates?.map((d) => d.label)])).toEqual([
      ['March 2026', ['2026'], ['April 2026', 'Q2 2026']],
    ]);
  });

  it('keeps a ruling told as done and a deadline still to come a week later apart', () => {
    const story = [
      segment({ id: 'r-court', published: '2026-07-07', body: 'A judge ruled on Tuesday that Brenna Shipping may go ahead with its purchase of Tern Line.' }),
      segment({ id: 's-deadline', published: '2026-07-08', body: 'The ruling lets Brenna Shipping buy Tern Line ahead of the July 14, 2026 deadline.' }),
    ];
    expect(extractTimeline(story, 'tern').map((e) => [e.label, e.upcoming, e.otherDates])).toEqual([
      ['7 July 2026', false, undefined],
      ['14 July 2026', true, undefined],
    ]);
  });

  it('keeps a preliminary approval and the final approval weeks later apart', () => {
    expect(telling(/approv/u).map((e) => [e.label, e.otherDates])).toEqual([
      ['May 2026', undefined],
      ['9 June 2026', undefined],
    ]);
  });

  it('keeps a purchase agreed in one month and completed in the next apart', () => {
    expect(telling(/buy|purchase/u).map((e) => [e.label, e.otherDates])).toEqual([
      ['January 2026', undefined],
      ['February 2026', undefined],
    ]);
  });

  it('keeps apart two days one outlet gives for the same kind of act: it tells two happenings', () => {
    const article = segment({ id: 'gulf-log', published: '2026-09-05', body: 'Storm Ilse was downgraded to a tropical storm on 2 September 2026 off Pell Harbor. It was downgraded to a depression on 3 September 2026 off Pell Harbor.' });
    expect(extractTimeline([article], 'ilse').map((e) => [e.label, e.otherDates])).toEqual([
      ['2 September 2026', undefined],
      ['3 September 2026', undefined],
    ]);
  });

  it('dates the entry as most independent sources date it: rewrites of one report do not count again', () => {
    const copies = ['wire-copy', 'wire-copy-2'].map((id) => segment({ id, published: '2026-06-16', body: 'The Tern Line takeover was vetoed in April by the port authority, the paper reported.' }));
    const withCopy = [...story, ...copies];
    const counted = extractTimeline(withCopy, 'tern').filter((e) => /blocked|vetoed/u.test(e.text));
    expect(counted.map((e) => e.label)).toEqual(['April 2026']);
    const derivatives = copies.map((copy) => ({ articleId: copy.id, derivativeOf: 'dock-review', evidence: 'same facts in the same order' }));
    const independent = extractTimeline(withCopy, 'tern', { derivatives });
    expect(independent.filter((e) => /blocked|vetoed/u.test(e.text)).map((e) => [e.label, e.otherDates?.map((d) => [d.label, d.sourceIds])])).toEqual([
      ['March 2026', [['April 2026', ['dock-review', 'wire-copy', 'wire-copy-2']]]],
    ]);
  });

  it('keeps the day disagreement of two rival days as a conflict while showing one entry', () => {
    const { events: days, disagreements } = timelineWithDisagreements(readJson<{ articles: FixtureArticle[] }>('relative-day-disagreement.json').articles.map(segment), 'kelby');
    expect(disagreements).toHaveLength(1);
    const dated = disagreements[0]?.days.map((d) => d.start) ?? [];
    expect(days.filter((e) => dated.includes(e.start) && (e.otherDates ?? []).some((d) => dated.includes(d.start)))).toHaveLength(1);
  });
});

describe('what a dated clause tells', () => {
  it('reads a clause as only a saying when its one verb is of speech, also after the tail of a quote', () => {
    expect(onlyTellsASaying('Board chair Ines Varga said on Friday')).toBe(true);
    expect(onlyTellsASaying('He said in a telephone interview early Thursday morning')).toBe(true);
    expect(onlyTellsASaying('Open to every operator," the chair said on Friday')).toBe(true);
    expect(onlyTellsASaying('The forecaster said the storm will move off the coast overnight')).toBe(false);
    expect(onlyTellsASaying('The chair said the board approved the sale on Friday')).toBe(false);
    expect(onlyTellsASaying('“The routes stay open,” the chair said on Friday')).toBe(false);
  });

  it('merges two tellings of one date that quote the same line, and words the entry from one not cut inside the quote', () => {
    const cut = segment({ id: 'a-cut', published: '2026-06-05', body: 'Proud of the crews and the new owners, the ferry chief posted on Friday “Today is a good day to sail.' });
    const whole = segment({ id: 'b-whole', published: '2026-06-05', body: 'Every passenger who stood by us through the long winter should know that “today is a good day to sail,” Ola Brekke wrote on Friday.' });
    const friday = byLabel(extractTimeline([cut, whole], 'ferries'), '5 June 2026');
    expect(friday.map((e) => e.sourceIds)).toEqual([['a-cut', 'b-whole']]);
    expect(friday[0]?.text).toContain('”');
  });

  it('reads a date next to a promise of more news as dating that promise, not a happening', () => {
    const at = (sentence: string, date: string) => datesANewsPromise(sentence, sentence.indexOf(date), date.length);
    expect(at('The ferry line plans to give more details in the coming weeks.', 'in the coming weeks')).toBe(true);
    expect(at('She said there would be more to share on the timetable “over the coming months.”', 'the coming months')).toBe(true);
    expect(at('In the coming weeks, further updates will be posted on its site.', 'In the coming weeks')).toBe(true);
    expect(at('Passengers can expect new routes in the coming months.', 'in the coming months')).toBe(false);
    expect(at('More details emerged on Friday, when the line confirmed it would close the depot in March.', 'in March')).toBe(false);
    expect(at('The line said it was starting to move its ferries to the new quay today, planning to share more details in the coming months.', 'today')).toBe(false);
  });

  it('lists no entry for a promise of more news later, and keeps a plan for what will happen', () => {
    const article = segment({ id: 'ferry-news', published: '2026-05-04', body: 'Tern Line said it would share more details in the coming weeks. Passengers can expect new island routes in the coming weeks.' });
    expect(extractTimeline([article], 'tern').map((e) => e.text)).toEqual(['Passengers can expect new island routes in the coming weeks']);
  });

  it('lists no entry for a date that only says something happened then', () => {
    const article = segment({ id: 'harbour-log', published: '2025-05-05', body: 'A storm closed the harbour on 4 May 2025. This happened at 9 pm on 4 May 2025.' });
    expect(byLabel(extractTimeline([article], 'harbour'), '4 May 2025').map((e) => e.text)).toEqual(['A storm closed the harbour on 4 May 2025']);
  });
});

describe('forecasts', () => {
  it('reads a date after "will" or "is expected to" as a forecast, and a date after a saying as the saying', () => {
    const at = (sentence: string, date: string) => datesAForecast(sentence, sentence.indexOf(date));
    expect(at('Forecasters said the storm will cross the bay and reach open water on Friday.', 'Friday')).toBe(true);
    expect(at('The ferry line is expected to resume sailings on Monday.', 'Monday')).toBe(true);
    expect(at('The bank will shut 80 branches, it said on Sunday.', 'Sunday')).toBe(false);
    expect(at('The storm reached open water on Friday.', 'Friday')).toBe(false);
  });

  it('drops a forecast for a day the coverage has reached, and keeps one for a later day as upcoming', () => {
    const story = [
      { id: 'f1', published: '2026-03-04' as IsoDate, body: 'Forecasters said Storm Ilse will cross the bay and reach open water on Thursday. The port will reopen on March 12.' },
      { id: 'f2', published: '2026-03-05' as IsoDate, body: 'Storm Ilse left the bay on Thursday after a night of gales.' },
    ].map(segment);
    const events = extractTimeline(story, 'ilse');
    expect(events.map((e) => [e.label, e.sourceIds, e.upcoming])).toEqual([
      ['5 March 2026', ['f2'], false],
      ['12 March 2026', ['f1'], true],
    ]);
  });
});

describe('days that sources disagree on', () => {
  const story = readJson<{ articles: FixtureArticle[] }>('relative-day-disagreement.json').articles.map(segment);

  it('finds one happening dated to two days once a relative day ("a day after") is counted from its publication date', () => {
    const { disagreements } = timelineWithDisagreements(story, 'kelby');
    expect(disagreements.map((d) => d.days.map((day) => [day.label, day.articleIds]))).toEqual([
      [
        ['4 June 2026', ['ledger']],
        ['5 June 2026', ['courier', 'wire']],
      ],
    ]);
  });

  it('names the disagreement by its shortest whole statement, its date left out', () => {
    const { disagreements } = timelineWithDisagreements(story, 'kelby');
    expect(disagreements.map((d) => d.topic)).toEqual(['The Coastal Trade Authority signed off on the deal']);
  });

  it('lists the statements each entry was made from, one article or more per cited source', () => {
    const { events, statements } = timelineWithDisagreements(tram, 'riverside-trams');
    for (const event of events) {
      const told = statements.get(event.id) ?? [];
      expect([...new Set(told.map((s) => s.articleId))].sort()).toEqual(event.sourceIds);
    }
  });

  it('gives the same entries as extractTimeline', () => {
    expect(timelineWithDisagreements(story, 'kelby').events).toEqual(extractTimeline(story, 'kelby'));
  });

  it('finds none among different happenings of different days, nor in a story that dates each once', () => {
    const paraphrased = readJson<{ articles: FixtureArticle[] }>('paraphrases-one-day.json').articles.map(segment);
    expect(timelineWithDisagreements(paraphrased, 'kelby').disagreements).toEqual([]);
    expect(timelineWithDisagreements(tram, 'riverside-trams').disagreements).toEqual([]);
  });
});

describe('extractTimeline on undated articles', () => {
  it('counts relative dates from a full date the article itself states when the story has no known date', () => {
    const events = extractTimeline([segment(lone.selfDated)], 'museum');
    const fire = byLabel(events, '2025');
    expect(fire.map((e) => e.text)).toEqual(["A fire destroyed the museum's east wing"]);
    expect(fire[0]?.anchorNote).toContain('2 May 2026, the latest full date the article itself states');
    expect(byLabel(events, '2 May 2026')[0]?.anchorNote).toBeUndefined();
  });

  it('drops relative dates when nothing can anchor them, rather than inventing one', () => {
    expect(extractTimeline([segment(lone.nothingToCountFrom)], 'museum')).toEqual([]);
  });

  it('keeps two different events on the same day apart', () => {
    const article = segment({
      id: 'harbour-log',
      published: '2025-05-05',
      body: 'A storm closed the harbour on 4 May 2025. The port authority elected a new chair on 4 May 2025.',
    });
    expect(byLabel(extractTimeline([article], 'harbour'), '4 May 2025')).toHaveLength(2);
  });

  it('lists two lines of one statement in one paragraph as one entry, and two reported happenings there as two', () => {
    const letter = segment({
      id: 'ferry-letter',
      published: '2025-05-05',
      body: 'The new owner wrote to passengers: "Today we take the helm of the Tern Line. Our first sailing under the new flag leaves today."',
    });
    const reported = segment({
      id: 'ferry-report',
      published: '2025-05-05',
      body: 'The Tern Line changed hands today. Its first sailing under the new flag left the harbour today.',
    });
    expect(byLabel(extractTimeline([letter], 'ferry'), '5 May 2025')).toHaveLength(1);
    expect(byLabel(extractTimeline([reported], 'ferry'), '5 May 2025')).toHaveLength(2);
  });

  it('words a merged event from the report that names its date outright', () => {
    const counted = segment({ id: 'a-counted', published: '2026-04-09', body: 'The bridge opened 10 months after the council approved the bridge plan.' });
    const stated = segment({ id: 'b-stated', published: '2026-04-09', body: 'In June 2025, the city council approved the bridge plan by one vote.' });
    const june = byLabel(extractTimeline([counted, stated], 'bridge'), 'June 2025');
    expect(june.map((e) => [e.text, e.sourceIds])).toEqual([['The city council approved the bridge plan by one vote', ['a-counted', 'b-stated']]]);
  });

  it('does not call a plan upcoming when the date only says when it was announced', () => {
    const article = segment({
      id: 'bank-news',
      published: '2026-04-09',
      body: 'On Monday, the bank announced plans to shut 40 branches. Forty branches will close, the bank said Thursday. The bank will sell its tower in June 2026.',
    });
    const events = extractTimeline([article], 'bank');
    expect(events.map((e) => [e.label, e.upcoming])).toEqual([
      ['6 April 2026', false],
      ['9 April 2026', false],
      ['June 2026', true],
    ]);
  });

  it('calls a date after the publication day upcoming even without a word of plan', () => {
    const article = segment({ id: 'dock-news', published: '2026-04-09', body: 'Closures begin on 2 May at the east dock.' });
    expect(extractTimeline([article], 'dock').map((e) => [e.label, e.upcoming])).toEqual([['2 May 2026', true]]);
  });

  it('makes no event of a date with nothing said about it', () => {
    const article = segment({ id: 'dateline', published: '2026-01-10', body: 'Back in 2024.\n\nThe yard closed in March 2025.' });
    expect(extractTimeline([article], 'yard').map((e) => e.label)).toEqual(['March 2025']);
  });

  it('makes no event of a clock time and its zone alone ("3 pm Eastern Time on Thursday")', () => {
    const article = segment({ id: 'clock', published: '2026-01-10', body: 'The jury came back at 3 pm Eastern Time on Thursday.\n\nIt was 3 pm Eastern Time on Thursday.' });
    expect(extractTimeline([article], 'yard').map((e) => e.text)).toEqual(['The jury came back at 3 pm Eastern Time on Thursday']);
  });

  it('dates a hearing "tentatively scheduled for" a month and day of "next year" forward', () => {
    const [hearing] = extractTimeline([segment({ id: 'a-post', published: '2026-11-03', body: 'His sentencing is tentatively scheduled for March 28 of next year.' })], 'tern');
    expect(hearing?.label).toBe('28 March 2027');
  });

  it('skips headings', () => {
    const article = segment({ id: 'headed', published: '2026-01-10', body: '## Looking back at 2024\n\nThe yard closed in March 2025.' });
    expect(extractTimeline([article], 'yard').map((e) => e.label)).toEqual(['March 2025']);
  });

  it('rejects options outside their range', () => {
    expect(() => extractTimeline(tram, 'x', { maxTextLength: 10 })).toThrow(OptionError);
    expect(() => extractTimeline(tram, 'x', { sameEventOverlap: 1.5 })).toThrow(OptionError);
  });
});

describe('extractTimeline on the five seed articles, end to end', () => {
  const seedDir = new URL('../../seeds/', import.meta.url);
  const known: Record<string, IsoDate> = { '004': '2026-04-09' };
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = file.slice(0, 3);
      const body = readFileSync(new URL(file, seedDir), 'utf8');
      // 001 and 002 open with their headline; the others have none.
      const title = id === '001' || id === '002' ? (body.split('\n')[0] ?? 'unknown') : 'unknown';
      return segment({ id, published: known[id] ?? 'unknown', body, title });
    });
  const events = extractTimeline(seeds, 'meta-muse-spark');
  const one = (label: string) => {
    const found = byLabel(events, label);
    expect(found.length, `events labelled ${label}`).toBeGreaterThan(0);
    return found;
  };

  it('dates the launch day from the dated report and the undated “On Wednesday”', () => {
    const [launch] = one('8 April 2026');
    expect(launch?.sourceIds).toEqual(['000', '004']);
    expect(launch?.anchorNote).toContain('000 states no publication date; “On Wednesday” was counted from 9 April 2026');
  });

  it('lists the previous model’s launch once, at April 2025, with “early 2025” and “2025” under it', () => {
    const [april] = one('April 2025');
    expect(april?.sourceIds).toEqual(['000', '001', '002', '004']);
    expect(april?.text).toContain('Llama 4');
    expect(april?.lessPrecise?.map((m) => [m.label, m.sourceIds])).toEqual([
      ['Early 2025', ['001']],
      ['2025', ['004']],
    ]);
    expect(events.filter((e) => /Llama 4\b/.test(e.text))).toHaveLength(1);
  });

  it('dates the Scale AI investment to June 2025', () => {
    const [june] = one('June 2025');
    expect(june?.sourceIds).toContain('002');
    expect(june?.text).toContain('Scale AI');
  });

  it('dates the download figures to 2023, Q3 2023, late 2025 and early 2026', () => {
    for (const label of ['2023', 'Q3 2023', 'Late 2025', 'Early 2026']) expect(one(label)[0]?.sourceIds).toEqual(['004']);
    expect(one('Q3 2023')[0]?.text).toContain('100 million downloads');
  });

  it('lists the 2025 reorganization once: “last year” in three wordings, under the month another report dates it to', () => {
    const entries = events.filter((e) => [e.text, ...(e.lessPrecise ?? []).map((m) => m.text)].some((t) => /restructured|reorganized|created last year/.test(t)));
    expect(entries).toHaveLength(1);
    const [reorganization] = entries;
    expect(reorganization?.label).toBe('June 2025');
    expect(reorganization?.lessPrecise?.map((m) => [m.label, m.sourceIds])).toEqual([['2025', ['000', '001', '002']]]);
    expect(reorganization?.anchorNote).toContain('“last year”');
    expect(byLabel(events, '2025')).toEqual([]);
  });

  it('marks the rollout upcoming, starting at the anchor', () => {
    const upcoming = events.filter((e) => e.upcoming);
    expect(upcoming.map((e) => [e.start, e.sourceIds])).toEqual([['2026-04-09', ['002']]]);
    expect(upcoming[0]?.text).toContain('WhatsApp');
  });

  it('dates no event from a version number or a figure', () => {
    const years = new Set(events.map((e) => e.start.slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2025', '2026']);
    expect(events.filter((e) => /\b(?:3\.1|5\.4|4\.6|14\.3|89\.5|58 million)\b/.test(e.label))).toEqual([]);
  });

  it('keeps every event text extractive and short', () => {
    expect(events.filter((e) => !isExtractive(e, seeds)).map((e) => e.text)).toEqual([]);
    expect(events.filter((e) => e.text.length > 140).map((e) => e.text)).toEqual([]);
  });
});
