import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { alignClaims, DEFAULT_ALIGN_OPTIONS, LEFT_OUT_REASONS, otherMainActs } from '../../src/pipeline/align/align-claims.ts';
import {
  anchorsDisagree,
  buildIdf,
  claimTerms,
  clauses,
  compatibleDates,
  dateMentions,
  nameVariant,
  scorePair,
  sentenceFeatures,
} from '../../src/pipeline/align/claim-features.ts';
import { candidatePairs } from '../../src/pipeline/align/claim-candidates.ts';
import { stanceDifference } from '../../src/pipeline/align/claim-stance.ts';
import { independentCount } from '../../src/pipeline/align/find-conflicts/find-conflicts.ts';
import { daily, gazette, harborArticles, harborDerivatives, wire } from '../fixtures/merge/harbor-story.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

interface LabeledPair {
  label: 'same' | 'partial' | 'different' | 'conflict';
  /** For conflicts: figure, date, name, or the stance that differs (negation, comparison, modality, scope). */
  kind?: string;
  a: string;
  b: string;
}

const STANCE_KINDS = new Set(['negation', 'comparison', 'modality', 'scope']);

const { pairs } = JSON.parse(readFileSync(new URL('../fixtures/align/labeled-pairs.json', import.meta.url), 'utf8')) as {
  pairs: LabeledPair[];
};

/** Scores every labeled pair with IDF over all labeled sentences, as one story would. */
function scoreLabeledPairs() {
  const texts = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const features = new Map(texts.map((text, i) => [text, sentenceFeatures(`s#${i}`, `a${i}`, text)]));
  const idf = buildIdf([...features.values()]);
  return pairs.map((pair) => ({ pair, result: scorePair(features.get(pair.a)!, features.get(pair.b)!, idf) }));
}

function precisionRecall(threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { pair, result } of scoreLabeledPairs()) {
    const aligned = result.score >= threshold && !anchorsDisagree(result) && stanceDifference(pair.a, pair.b) === undefined;
    // A sentence stating one of another's two facts is one claim with it (cited as partial support).
    const positive = pair.label === 'same' || pair.label === 'partial';
    if (aligned && positive) tp += 1;
    else if (aligned) fp += 1;
    else if (positive) fn += 1;
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

describe('the same-fact score, calibrated on hand-labeled pairs', () => {
  it('has at least 40 labeled pairs of each kind to calibrate on', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    for (const label of ['same', 'different', 'conflict']) expect(pairs.filter((p) => p.label === label).length).toBeGreaterThanOrEqual(8);
  });

  it(`reaches precision and recall of at least 0.9 at the default threshold ${DEFAULT_ALIGN_OPTIONS.threshold}`, () => {
    const { precision, recall } = precisionRecall(DEFAULT_ALIGN_OPTIONS.threshold);
    // Measured on 51 pairs at 0.40: precision 0.96, recall 0.96 (at 0.35: 0.93 / 0.96; at 0.45: 1.00 / 0.96).
    // On 89 pairs (negation, hedges, two facts in one, paraphrases added): the scorer of d52e846
    // 0.69 / 0.96; now 0.92 / 0.98 (stances compared, news verbs folded). The miss is a paraphrase
    // that shares few words; the false matches are near-misses that share their subject's words in
    // a tiny IDF set.
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('loses recall when the threshold is raised well above the default, so the threshold matters', () => {
    expect(precisionRecall(0.7).recall).toBeLessThan(precisionRecall(DEFAULT_ALIGN_OPTIONS.threshold).recall);
  });

  it('never aligns a pair where one sentence denies or weakens what the other asserts', () => {
    const stancePairs = pairs.filter((p) => p.label === 'conflict' && STANCE_KINDS.has(p.kind ?? ''));
    expect(stancePairs.length).toBeGreaterThanOrEqual(12);
    for (const pair of stancePairs) expect(stanceDifference(pair.a, pair.b)?.aspect, pair.b).toBe(pair.kind);
  });

  it('finds no stance difference between two wordings of one fact', () => {
    for (const pair of pairs.filter((p) => p.label === 'same' || p.label === 'partial')) expect(stanceDifference(pair.a, pair.b), pair.b).toBeUndefined();
  });

  it('does not read one thing written two ways as rival anchors: a clock time, a speed beside a distance, a title on a surname, a quote mark', () => {
    const { pairs: patterns } = JSON.parse(readFileSync(new URL('../fixtures/align/real-pattern-pairs.json', import.meta.url), 'utf8')) as { pairs: LabeledPair[] };
    const handled = patterns.filter((p) => ['clock-time-as-figure', 'distance-as-figure', 'name-with-title', 'quote-mark-on-name'].includes(p.kind ?? ''));
    expect(handled.length).toBeGreaterThanOrEqual(5);
    for (const pair of handled) {
      const a = sentenceFeatures('a#0', 'a', pair.a);
      const b = sentenceFeatures('b#0', 'b', pair.b);
      expect(anchorsDisagree(scorePair(a, b, buildIdf([a, b]))), pair.b).toBe(false);
    }
  });

  it('never aligns a look-alike pair whose figure, date or name differs, and marks each as contradicting', () => {
    for (const { pair, result } of scoreLabeledPairs().filter((r) => r.pair.label === 'conflict' && !STANCE_KINDS.has(r.pair.kind ?? ''))) {
      expect(anchorsDisagree(result), pair.b).toBe(true);
      expect(result.topical, pair.b).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.conflictTopical);
    }
  });
});

describe('anchors', () => {
  it('reads dates at the precision the text gives', () => {
    expect(dateMentions('It launched in April 2025, not early 2025, and was updated on June 8, 2026.')).toEqual([
      { raw: 'April 2025', year: 2025, month: 4 },
      { raw: 'early 2025', year: 2025, part: 'early' },
      { raw: 'June 8, 2026', year: 2026, month: 6, day: 8 },
    ]);
  });

  it('lets a bare year agree with any date that year, but not a month with a vaguer part of the year', () => {
    const [april, early, bare] = dateMentions('April 2025 / early 2025 / 2025');
    expect(compatibleDates(april!, bare!)).toBe(true);
    expect(compatibleDates(april!, early!)).toBe(false);
  });

  it('tells a respelled name from a fuller form of the same name', () => {
    expect(nameVariant('meta intelligence labs', 'meta superintelligence labs')).toBe('spelling');
    expect(nameVariant('northfield climate institute', 'northfield ocean institute')).toBe('word');
    expect(nameVariant('gemini pro', 'gemini pro preview')).toBeNull();
    expect(nameVariant('meta’s ai', 'meta ai')).toBeNull();
    expect(nameVariant('ms okafor', 'ruth okafor')).toBeNull();
    expect(nameVariant('gov. okafor', 'ruth okafor')).toBeNull();
  });

  it('reads two ratings of one kind as rival anchors, unless a shared figure ties the sentences to one fact', () => {
    const pair = (x: string, y: string) => {
      const a = sentenceFeatures('a#0', 'a', x);
      const b = sentenceFeatures('b#0', 'b', y);
      return anchorsDisagree(scorePair(a, b, buildIdf([a, b])));
    };
    expect(pair('As Storm Vela reached the coast, it was a dangerous Category 3 storm.', 'Storm Vela, a Category 1 storm by now, has left the coast.')).toBe(true);
    expect(pair('Storm Vela reached the coast as a Category 3 storm with winds of 110 mph.', 'Storm Vela, a Category 3 storm, reached the coast.')).toBe(false);
    expect(pair('With winds of 110 mph at landfall, Storm Vela weakened to Category 1 inland.', 'Storm Vela, the Category 3 storm, had winds of 110 mph.')).toBe(false);
    expect(pair('Ferries stopped in Kelby in October 2023 during the strike.', 'The strike stopped ferries in Kelby, said Route 9 crews.')).toBe(false);
  });
});

describe('alignClaims', () => {
  it('groups a paraphrase from a rewrite with the sentence it rewrites, citing both sources', () => {
    const { groups } = alignClaims(harborArticles, harborDerivatives);
    const jobCuts = groups.find((g) => g.sentenceIds.includes('wire#0'));
    expect(jobCuts).toEqual({ sentenceIds: ['daily#0', 'wire#0'], sourceIds: ['daily', 'wire'] });
    const staff = groups.find((g) => g.sentenceIds.includes('wire#1'));
    expect(staff?.sourceIds).toEqual(['daily', 'wire']);
  });

  it('keeps a look-alike sentence with a different figure out of the group and records a conflict instead', () => {
    const { groups, conflicts } = alignClaims(harborArticles, harborDerivatives);
    expect(groups.find((g) => g.sentenceIds.includes('gazette#0'))?.sourceIds).toEqual(['gazette']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.kind).toBe('contradiction');
    expect(conflicts[0]?.variants).toEqual([
      {
        text: '1,200',
        sourceIds: ['daily', 'wire'],
        independentSourceCount: 1,
        example: 'Slowing demand for container shipping is forcing Harbor Freight Lines to eliminate 1,200 positions, the company said on Monday.',
        sentenceIds: ['daily#0', 'wire#0'],
      },
      {
        text: '800',
        sourceIds: ['gazette'],
        independentSourceCount: 1,
        example: 'Harbor Freight Lines will cut 800 jobs as container shipping demand slows, the company said on Monday.',
        sentenceIds: ['gazette#0'],
      },
    ]);
  });

  it('counts a rewrite and its original once in a conflict variant, and two independent reports twice', () => {
    expect(independentCount(['daily', 'wire'], harborDerivatives)).toBe(1);
    expect(independentCount(['daily', 'wire'], [])).toBe(2);
    const chain = [
      { articleId: 'c', derivativeOf: 'b', evidence: '' },
      { articleId: 'b', derivativeOf: 'a', evidence: '' },
    ];
    expect(independentCount(['a', 'b', 'c'], chain)).toBe(1);
  });

  it('cites a source whose longer sentence contains a shorter claim, without merging the two claims', () => {
    const { groups } = alignClaims(harborArticles, harborDerivatives);
    const founded = groups.find((g) => g.sentenceIds.includes('wire#4'));
    const sold = groups.find((g) => g.sentenceIds.includes('wire#5'));
    expect(founded?.sourceIds).toEqual(['daily', 'wire']);
    expect(sold?.sourceIds).toEqual(['daily', 'wire']);
    expect(founded).not.toBe(sold);
  });

  it('cites a source whose sentence states the claim in one of its two clauses, and keeps the claim in the other source’s words', () => {
    const council = makeArticle('council', [['The council has approved a new cycle lane along the Harbour Road seafront.', 'Work on the lane is due to start in the spring.']]);
    const meeting = makeArticle('meeting', [['Residents opposed the plan at a crowded public meeting in the town hall.', 'Shop owners on the seafront fear losing parking spaces.']]);
    const both = makeArticle('both', [
      ['Residents opposed the plan at a crowded public meeting in the town hall, but councillors voted through the Harbour Road seafront cycle lane anyway.'],
    ]);
    const { groups } = alignClaims([council, both, meeting], []);
    const own = (g: { sentenceIds: string[]; coveringIds?: string[] }) => g.sentenceIds.filter((id) => !(g.coveringIds ?? []).includes(id));
    const approved = groups.find((g) => own(g).includes('council#0'));
    expect(approved?.sourceIds).toEqual(['both', 'council']);
    expect(approved?.coveringIds).toEqual(['both#0']);
    // The other way round too: the two-fact sentence's claim cites the council report for its second fact.
    const opposed = groups.find((g) => own(g).includes('meeting#0'));
    expect(opposed?.sentenceIds).toContain('both#0');
    expect(opposed?.sourceIds).toContain('council');
  });

  it('does not align sentences that only share the subject’s name', () => {
    const { groups } = alignClaims(harborArticles, harborDerivatives);
    const jobCuts = groups.find((g) => g.sentenceIds.includes('wire#0'));
    expect(jobCuts?.sentenceIds).not.toContain('wire#4');
  });

  it('merges a fact one article states twice into one group', () => {
    const twice = makeArticle('twice', [
      ['The Orla bridge over the Vessen river will close for repairs on 3 May 2027.'],
      ['Drivers should plan detours.', 'The Orla bridge over the Vessen river closes for repairs on 3 May 2027, the council said.'],
    ]);
    const { groups } = alignClaims([twice], []);
    expect(groups.find((g) => g.sentenceIds.includes('twice#0'))?.sentenceIds).toEqual(['twice#0', 'twice#2']);
  });

  it('does not chain two facts together through one sentence that mentions both', () => {
    const a = makeArticle('a', [['Kestrel Air grounded its fleet of 42 regional jets after a software fault on Sunday.']]);
    const b = makeArticle('b', [['The regulator opened an inquiry into the airline’s maintenance records in Bristol.']]);
    const c = makeArticle('c', [
      [
        'Kestrel Air grounded its fleet of 42 regional jets after a software fault on Sunday, and the regulator opened an inquiry into the airline’s maintenance records in Bristol.',
      ],
    ]);
    const { groups } = alignClaims([a, b, c], []);
    // The two-fact sentence may cite each for one of its clauses, but no claim is both facts.
    const own = (g: { sentenceIds: string[]; coveringIds?: string[] }) => g.sentenceIds.filter((id) => !(g.coveringIds ?? []).includes(id));
    for (const group of groups) expect(own(group).includes('a#0') && own(group).includes('b#0')).toBe(false);
    expect(groups.some((g) => own(g).includes('a#0'))).toBe(true);
  });

  it('leaves out headings and short rhetoric with the reason', () => {
    const article = makeArticle('opinion', [
      ['# What happens next'],
      ['The stakes are high.', 'Orland Mining shares fell 12% on Tuesday after the report.'],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(leftOut).toEqual([
      { sentenceId: 'opinion#0', reason: LEFT_OUT_REASONS.heading },
      { sentenceId: 'opinion#1', reason: LEFT_OUT_REASONS.rhetoric },
    ]);
    expect(groups.map((g) => g.sentenceIds)).toEqual([['opinion#2']]);
  });

  it('leaves out a sentence that only says who reported something, and keeps one that says what', () => {
    const article = makeArticle('credit', [
      ['The Kell river rose 3 metres overnight and flooded the harbour.', 'This according to the Northfield Weather Office.', 'The Northfield Weather Office said the river would fall by Friday.'],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(leftOut).toEqual([{ sentenceId: 'credit#1', reason: LEFT_OUT_REASONS.attribution }]);
    expect(groups.flatMap((g) => g.sentenceIds)).toEqual(['credit#0', 'credit#2']);
  });

  it('leaves out a credit or label that a caption ran into, as page chrome', () => {
    const article = makeArticle('caption', [
      ['Flood water fills the market square in Dunmore on Tuesday.', 'Orla Penn / AFP via Getty Images', '(More flood stories.)'],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(leftOut).toEqual([
      { sentenceId: 'caption#1', reason: LEFT_OUT_REASONS.chrome },
      { sentenceId: 'caption#2', reason: LEFT_OUT_REASONS.chrome },
    ]);
    expect(groups.map((g) => g.sentenceIds)).toEqual([['caption#0']]);
  });

  it('leaves out a line with no verb, no stop and no figure, as a caption, and keeps a row of figures', () => {
    const article = makeArticle('verbless', [
      ['Storm Venith flooded the harbour road in Kelby on Tuesday.', 'The Kelby harbour booth at the 2019 ferry fair in Dunmore', 'Kelby to Ash Point...4-6 ft', 'Ferries resume sailing on Friday'],
    ]);
    const { leftOut } = alignClaims([article], []);
    expect(leftOut.filter((l) => l.reason === LEFT_OUT_REASONS.chrome).map((l) => l.sentenceId)).toEqual(['verbless#1']);
  });

  it('leaves out a caption that ends with its photographer’s name in brackets, and keeps a name that spells out an abbreviation', () => {
    const article = makeArticle('credited', [
      [
        'Storm Venith flooded the harbour road in Kelby on Tuesday.',
        'Flood water fills the market square in Dunmore on Tuesday (Orla Penn)',
        'The KHA said the pier would reopen on Friday (Kell Harbour Authority).',
        'The WFO said rain would ease by Friday (Weather Forecast Office).',
      ],
    ]);
    const { leftOut } = alignClaims([article], []);
    expect(leftOut.filter((l) => l.reason === LEFT_OUT_REASONS.chrome).map((l) => l.sentenceId)).toEqual(['credited#1']);
  });

  it('tells report openings whose main verbs name different acts apart, whatever their other clauses name', () => {
    // Approving and completing are two steps of one story, not one fact.
    expect(otherMainActs('Brenna Shipping has received court approval to proceed with its takeover of Tern Line.', 'Brenna Shipping completed its takeover of Tern Line on Friday.')).toBe(true);
    // Completed, closed and finalized are one act; so are unveiled and launched.
    expect(otherMainActs('Brenna Shipping closed its purchase of Tern Line on Friday after regulators approved it.', 'Brenna Shipping has finalized its takeover of Tern Line.')).toBe(false);
    expect(otherMainActs('On Thursday, Orland Motors unveiled its first pickup since its chief reorganized the unit.', 'Orland Motors launched the Ridgeback, designed by the recently formed Orland Labs.')).toBe(false);
    // An opening that names no act is no evidence either way.
    expect(otherMainActs('Tern Line is now part of Brenna Shipping.', 'Brenna Shipping completed its takeover of Tern Line.')).toBe(false);
  });

  it('leaves out the title of a link to another page run into the text, and keeps a labelled sentence that ends with a stop', () => {
    const article = makeArticle('links', [
      ['Storm Venith came ashore near Kelby on Tuesday night.', 'Storm Venith Tracker: Venith leaves the coast after hitting Kelby', 'Analysis: the harbour wall held because it was raised in 2019.'],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(leftOut).toEqual([{ sentenceId: 'links#1', reason: LEFT_OUT_REASONS.chrome }]);
    expect(groups.flatMap((g) => g.sentenceIds)).toEqual(['links#0', 'links#2']);
  });

  it('leaves out the chrome of real saved pages that reads like a sentence: a caption, a credit run into one, an address, a link', () => {
    const article = makeArticle('saved', [
      [
        'The river at Brannock crested at 9.4 metres on Tuesday, the water board said.',
        'Flooded shops along the quay in Brannock, Ga., on March 3, 2026.',
        'Orla Penn / AFP / AFP Two men carry sandbags past the town hall as the water rises.',
        'https://news.example.org/2026/03/04/brannock-river-record-crest-1234567.html',
        'Read full article: Brannock river crests at record mark as rain eases',
        'free website hit counter Brannock floods – Tarrow Bay Press',
        'Tarrow Bay Press may earn a commission if you buy something through a link in this article.',
        'Sandbags on the quay (Picture: Orla Penn)',
        'The mayor is pictured outside the town hall in March.',
        'Debris along the quay in Brannock on Tuesday.',
        'Per Dana Okafor (via Tarrow Bay Press):',
      ],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(leftOut.map((l) => [l.sentenceId, l.reason])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => [`saved#${i}`, LEFT_OUT_REASONS.chrome]));
    expect(groups.map((g) => g.sentenceIds)).toEqual([['saved#0']]);
  });

  it('keeps a short sentence opening with a name the story uses elsewhere', () => {
    const article = makeArticle('named', [
      ['Analysts said Orland was surprised by the report.', 'Orland acknowledged the gaps.', 'Analysts acknowledged the gaps.'],
    ]);
    const { groups, leftOut } = alignClaims([article], []);
    expect(groups.flatMap((g) => g.sentenceIds)).toContain('named#1');
    expect(leftOut).toEqual([{ sentenceId: 'named#2', reason: LEFT_OUT_REASONS.rhetoric }]);
  });

  it('reports a look-alike name across sources as a conflict of names', () => {
    const one = makeArticle('one', [['The study was led by the Northfield Marine Institute in Aberdeen.']]);
    const two = makeArticle('two', [['Researchers at the Northfeld Marine Institute in Aberdeen led the study.']]);
    const { conflicts } = alignClaims([one, two], []);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.topic).toBe('The name “… Marine Institute”');
    expect(conflicts[0]?.kind).toBe('contradiction');
    expect(conflicts[0]?.variants).toEqual([
      {
        text: 'Northfeld Marine Institute',
        sourceIds: ['two'],
        independentSourceCount: 1,
        example: 'Researchers at the Northfeld Marine Institute in Aberdeen led the study.',
        sentenceIds: ['two#0'],
      },
      {
        text: 'Northfield Marine Institute',
        sourceIds: ['one'],
        independentSourceCount: 1,
        example: 'The study was led by the Northfield Marine Institute in Aberdeen.',
        sentenceIds: ['one#0'],
      },
    ]);
  });

  it('does not fold a sentence into a quotation because it restates how the speaker is described', () => {
    const paper = makeArticle('paper', [
      [
        'The tornado touched down near Kell Harbour on Wednesday evening.',
        '“It was terrifying. We found two neighbours trapped under a fallen oak. I wish they had left,” said Ana Ruiz, a 70-year-old resident of Kell Harbour, a town on the coast.',
      ],
    ]);
    const radio = makeArticle('radio', [
      [
        'The tornado touched down near Kell Harbour on Wednesday evening, forecasters said.',
        'Kell Harbour lost a 70-year-old resident.',
        '“It was terrifying. We found two neighbours trapped under an oak,” said 70-year-old Ana Ruiz.',
      ],
    ]);
    const { groups } = alignClaims([paper, radio], []);
    expect(groups.find((g) => g.sentenceIds.includes('paper#1'))?.sentenceIds).toEqual(['paper#1', 'radio#2']);
    expect(groups.find((g) => g.sentenceIds.includes('radio#1'))?.sentenceIds).toEqual(['radio#1']);
  });

  it('gives the same groups whatever order the articles come in', () => {
    const forward = alignClaims([wire, daily, gazette], harborDerivatives);
    const backward = alignClaims([gazette, daily, wire], harborDerivatives);
    expect(backward).toEqual(forward);
  });

  it('refuses a threshold outside 0–1 with an error naming the option', () => {
    expect(() => alignClaims(harborArticles, [], { threshold: 1.5 })).toThrow(OptionError);
    expect(() => alignClaims(harborArticles, [], { linkage: -0.1 })).toThrow(/linkage/);
  });
});

/** A long article of distinct invented facts, from a seeded generator so the test is deterministic. */
function generatedFacts(count: number, seed = 7): string[] {
  const nouns = ['council', 'harbor', 'museum', 'railway', 'hospital', 'library', 'airport', 'school', 'bridge', 'market', 'stadium', 'reservoir'];
  const towns = ['Arlen', 'Bexford', 'Corrin', 'Dunmore', 'Elstow', 'Farrow', 'Galloway', 'Hexham', 'Ilsley', 'Jarrow', 'Kelby', 'Lorton'];
  const verbs = ['approved', 'rejected', 'delayed', 'funded', 'reviewed', 'audited', 'expanded', 'closed', 'reopened', 'renamed'];
  const objects = ['budget', 'extension', 'contract', 'survey', 'repairs', 'timetable', 'lease', 'tender', 'inquiry', 'upgrade'];
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const pick = <T,>(list: T[]): T => list[next(list.length)] as T;
    return `The ${pick(towns)} ${pick(nouns)} board ${pick(verbs)} the ${pick(objects)} worth ${100 + i} thousand pounds on ${pick(['Monday', 'Tuesday', 'Friday'])}.`;
  });
}

describe('candidate pairs', () => {
  it('scores a small share of all pairs on a long article, so cost grows about linearly', () => {
    const texts = generatedFacts(1500);
    const features = texts.map((text, i) => sentenceFeatures(`long#${i}`, 'long', text));
    const indices = features.map((_, i) => i);
    const pairs = candidatePairs(features, indices, 1);
    const allPairs = (texts.length * (texts.length - 1)) / 2;
    // Measured: about 1.3% of all pairs (each sentence shares two rare words with a few dozen others).
    expect(pairs.length / allPairs).toBeLessThan(0.05);
  });

  it('collapses identical sentences, so one fact repeated two thousand times is one claim', () => {
    const article = makeArticle('repeat', [Array.from({ length: 2000 }, () => 'The Orla ferry to Vessen island sails twice a day from 3 May 2027.')]);
    const { groups } = alignClaims([article], []);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.sentenceIds).toHaveLength(2000);
  });

  it('still aligns a fact that each of sixty sources states, although its words fill the story', () => {
    const filler = generatedFacts(300);
    const wordings = [
      'Kestrel Air grounded its fleet of 42 regional jets after a software fault.',
      'After a software fault, Kestrel Air grounded its 42 regional jets.',
      'Kestrel Air has grounded all 42 of its regional jets because of a software fault.',
    ];
    // A desk name of its own keeps each source's sentence from being an identical copy.
    const desk = (a: number) => `${['ka', 'lo', 'mi', 'nu', 're', 'sa'][a % 6]}${['tiv', 'vor', 'xen', 'zul', 'pam', 'qir', 'wan', 'yel', 'bos', 'dun'][Math.floor(a / 6)]}`;
    const articles = Array.from({ length: 60 }, (_, a) =>
      makeArticle(`src${String(a).padStart(2, '0')}`, [[`${wordings[a % 3]!.slice(0, -1)}, the ${desk(a)} desk reported.`, ...filler.slice(a * 5, a * 5 + 5)]]),
    );
    const { groups } = alignClaims(articles, []);
    const grounded = groups.find((g) => g.sentenceIds.includes('src00#0'));
    expect(grounded?.sourceIds).toHaveLength(60);
  });

  it('finds every pair the full comparison would align on the harbor story', () => {
    const features = harborArticles.flatMap((article) => article.sentences.map((s) => sentenceFeatures(s.id, article.id, s.text)));
    const idf = buildIdf(features);
    const found = new Set(candidatePairs(features, features.map((_, i) => i), harborArticles.length).map(([i, j]) => `${i},${j}`));
    for (let i = 0; i < features.length; i += 1) {
      for (let j = i + 1; j < features.length; j += 1) {
        const result = scorePair(features[i]!, features[j]!, idf);
        if (result.score >= DEFAULT_ALIGN_OPTIONS.threshold * 0.7) expect(found.has(`${i},${j}`), `${features[i]!.text} / ${features[j]!.text}`).toBe(true);
      }
    }
  });
});

describe('recall on paraphrases', () => {
  it('reads equivalent news verbs, hyphenated compounds and the AI abbreviation as the same words', () => {
    expect(claimTerms('Orland unveiled a closed-source artificial intelligence model')).toEqual(claimTerms('Orland launched a closed source AI model'));
    expect(claimTerms('The firm reorganized its lab')).toEqual(claimTerms('The firm restructured its lab'));
    expect(claimTerms('The club poached coaches with rich compensation')).toEqual(claimTerms('The club hired coaches with rich pay'));
    expect(claimTerms('Trading was suspended as homes lost electricity')).toEqual(claimTerms('Trading was halted as homes lost power'));
    // "release" also names later versions ("hopes to release open versions"), so it stays apart.
    expect(claimTerms('Orland released a model')).not.toEqual(claimTerms('Orland launched a model'));
  });

  it('makes the leads of independent reports of one event one claim, keeping their differing name as a conflict', () => {
    const one = makeArticle('one', [
      ['On Thursday, Orland Motors unveiled its first electric pickup since chief executive Ada Rein reorganized the company’s vehicle work last year under the new Orland Autonomy Labs.'],
      ['The truck will cost $48,000 in the base version.'],
    ]);
    const two = makeArticle('two', [
      ['Orland Motors launched the Ridgeback on Thursday, its first electric pickup, designed by the recently formed Orland Autonomous Labs.'],
      ['Deliveries start in the autumn.'],
    ]);
    const three = makeArticle('three', [
      ['Orland Motors has unveiled the Ridgeback, the first vehicle built by its Orland Autonomous Labs, a unit it set up last year.'],
      ['Analysts expect strong demand in rural markets.'],
    ]);
    const { groups, conflicts } = alignClaims([one, two, three], []);
    expect(groups.find((g) => g.sentenceIds.includes('one#0'))?.sourceIds).toEqual(['one', 'three', 'two']);
    expect(conflicts.map((c) => c.variants.map((v) => v.text).sort())).toContainEqual(['Orland Autonomous Labs', 'Orland Autonomy Labs']);
  });

  it('does not take a report’s background opening for its lead', () => {
    const one = makeArticle('one', [['On Thursday, Orland Motors unveiled its first electric pickup since chief executive Ada Rein reorganized the company’s vehicle work last year.'], ['The truck will cost $48,000.']]);
    const two = makeArticle('two', [['For years, Orland Motors was known for small city cars sold mainly in Europe.'], ['On Thursday it launched the Ridgeback, its first electric pickup.']]);
    const three = makeArticle('three', [['Orland Motors has built city cars for decades, and its first pickup marks a change of course for the company.'], ['The Ridgeback was launched on Thursday.']]);
    const { groups } = alignClaims([one, two, three], []);
    const lead = groups.find((g) => g.sentenceIds.includes('one#0'));
    for (const opening of ['two#0', 'three#0']) expect(lead?.sentenceIds).not.toContain(opening);
  });

  it('keeps leads apart when their figures differ, since the figure is the event', () => {
    const { groups } = alignClaims(harborArticles, harborDerivatives);
    expect(groups.find((g) => g.sentenceIds.includes('gazette#0'))?.sourceIds).toEqual(['gazette']);
  });

  it('does not make two different facts of one article one claim because they share a name and a word', () => {
    const article = makeArticle('one', [
      ['Orland Motors has unveiled the Ridgeback, the first vehicle built by its Orland Mobility Labs, a unit it created last year.'],
      ['Ada Rein has been asked to run the newly-created Orland Mobility Labs unit.'],
    ]);
    const { groups } = alignClaims([article], []);
    expect(groups.map((g) => g.sentenceIds)).toEqual([['one#0'], ['one#1']]);
  });
});

describe('folding a restated clause', () => {
  const original = makeArticle('orig', [
    [
      'Orland Motors has hired engineers from rival carmakers with pay packages worth millions of dollars, and committed billions of dollars to buying or taking large stakes in battery startups.',
      'The Ridgeback goes on sale in May.',
    ],
  ]);
  const rewrite = makeArticle('copy', [
    [
      'Orland Motors has recruited engineers from rival carmakers with pay packages worth millions of dollars.',
      'It also spent billions of dollars to buy or take large stakes in promising battery startups.',
      'The Ridgeback goes on sale in May.',
    ],
  ]);
  const links = [{ articleId: 'copy', derivativeOf: 'orig', evidence: 'same facts in the same order' }];

  it('folds a sentence that restates one clause of a claim its sources already back', () => {
    const { groups } = alignClaims([original, rewrite], links);
    const hiring = groups.find((g) => g.sentenceIds.includes('orig#0'));
    expect(hiring?.sentenceIds).toEqual(['copy#0', 'copy#1', 'orig#0']);
    expect(groups.filter((g) => g.sentenceIds.includes('copy#1'))).toHaveLength(1);
  });

  it('does not fold it when it states a figure the larger claim does not', () => {
    const precise = makeArticle('copy', [
      [
        'Orland Motors has recruited engineers from rival carmakers with pay packages worth millions of dollars.',
        'It also spent $4.2 billion to buy or take large stakes in promising battery startups.',
        'The Ridgeback goes on sale in May.',
      ],
    ]);
    const { groups } = alignClaims([original, precise], links);
    expect(groups.find((g) => g.sentenceIds.includes('copy#1'))?.sentenceIds).toEqual(['copy#1']);
  });
});

describe('clauses', () => {
  it('splits a sentence where a writer joins statements, and keeps a plain sentence whole', () => {
    expect(clauses('The plant opens in May; it will employ 300 people — most of them local, and wages start at £12.')).toEqual([
      'The plant opens in May',
      'it will employ 300 people',
      'most of them local',
      'wages start at £12.',
    ]);
    expect(clauses('For now the app stays closed source, a change for a firm known for open code.')).toEqual([
      'For now the app stays closed source',
      'a change for a firm known for open code.',
    ]);
    expect(clauses('The plant opens in May.')).toEqual(['The plant opens in May.']);
  });
});

describe('figures each source adds', () => {
  it('does not merge two sentences that share one figure but each give another the other lacks', () => {
    const lead = 'Orland Motors has unveiled the Ridgeback, its first electric pickup.';
    const one = makeArticle('one', [[lead, 'Towing results were strong: the Ridgeback hauled 4,100 kg up the Kelby hill course in 95 seconds.']]);
    const two = makeArticle('two', [[lead, 'On the Kelby course, a test of heavy hauling, the pickup managed 4,100 kg, trailing the $52,000 Tarrant.']]);
    const { groups } = alignClaims([one, two], []);
    expect(groups.find((g) => g.sentenceIds.includes('one#1'))?.sourceIds).toEqual(['one']);
  });

  it('still merges them when one only repeats the other’s figure', () => {
    const one = makeArticle('one', [['On the Kelby hill towing course the Ridgeback managed 4,100 kg, behind the 4,600 kg of its closest rival.']]);
    const two = makeArticle('two', [['The Ridgeback managed 4,100 kg on the Kelby hill towing course.']]);
    const { groups } = alignClaims([one, two], []);
    expect(groups.find((g) => g.sentenceIds.includes('two#0'))?.sourceIds).toEqual(['one', 'two']);
  });
});

describe('alignClaims with statements that differ in what they assert', () => {
  const lab = 'Lab tests published by Corvan show its Halo chip outperforms the graphics chips of Brandt and Teller on most games.';
  const weaker = 'Lab tests published by Corvan show its Halo chip is competitive with the graphics chips of Brandt and Teller on most games, although it does not beat them.';
  const echo = 'Corvan’s own lab tests show the Halo chip outperforms the graphics chips from Brandt and Teller on most games.';
  const articles = [makeArticle('a', [[lab]]), makeArticle('b', [[weaker]]), makeArticle('c', [[echo]])];

  it('keeps a weaker statement out of the claim and shows both as a stance disagreement with their sources', () => {
    const { groups, conflicts } = alignClaims(articles, []);
    expect(groups.find((g) => g.sentenceIds.includes('a#0'))?.sourceIds).toEqual(['a', 'c']);
    expect(groups.find((g) => g.sentenceIds.includes('b#0'))?.sourceIds).toEqual(['b']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.kind).toBe('stance');
    expect(conflicts[0]?.variants.map((v) => v.sourceIds)).toEqual([['a', 'c'], ['b']]);
    expect(conflicts[0]?.variants[0]?.text).toMatch(/^Its Halo chip outperforms the graphics chips/u);
    expect(conflicts[0]?.variants[1]?.text).toMatch(/^Its Halo chip is competitive with .* although it does not beat them$/u);
  });
});
