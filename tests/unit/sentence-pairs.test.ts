import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleFileError, ManifestError, UsageError } from '../../src/errors.ts';
import {
  citedTogether,
  errorsByKind,
  joinedByKind,
  parsePairLabels,
  precisionRecall,
  resolvePairs,
  scoreInventedPairs,
  scorePairs,
  sentenceHash,
  type PairLabels,
} from '../../src/eval/sentence-pairs.ts';
import { main, parsePairArgs } from '../../scripts/eval-pairs.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

// An invented story: a ferry line's strike, told by two papers.
const coast = makeArticle('coast', [
  ['# Ferry strike'],
  [
    'Deckhands at Larkspur Ferries walked off the job on Monday, halting all 14 crossings to Fennick Island.',
    'The union wants a raise of 9 percent over two years.',
    'Larkspur Ferries said talks would resume on Thursday.',
  ],
]);
const herald = makeArticle('herald', [
  [
    'All 14 crossings to Fennick Island stopped on Monday after deckhands at Larkspur Ferries went on strike.',
    'The union is asking for a 6 percent raise over two years.',
    'Islanders queued for the one private water taxi.',
  ],
]);
const articles = [coast, herald];

const ref = (id: string) => {
  const sentence = articles.flatMap((a) => a.sentences).find((s) => s.id === id);
  return { sentence: id, hash: sentenceHash(sentence?.text ?? '') };
};

const labels: PairLabels = {
  about: 'invented',
  corpus: 'harbour',
  story: 'a ferry strike',
  articles: ['coast', 'herald'],
  pairs: [
    { id: 'h-1', a: ref('coast#1'), b: ref('herald#0'), label: 'same', kind: 'paraphrase', drawn: 'joined', reason: 'the walkout halted every crossing on Monday' },
    { id: 'h-2', a: ref('coast#2'), b: ref('herald#1'), label: 'conflict', kind: 'figure', drawn: 'near-threshold', reason: 'two sizes for one demanded raise' },
    { id: 'h-3', a: ref('coast#3'), b: ref('herald#2'), label: 'different', kind: 'shared-subject', drawn: 'shared-anchor', reason: 'talks resume versus a water taxi' },
    { id: 'h-4', a: ref('coast#0'), b: ref('herald#0'), label: 'same', kind: 'paraphrase', drawn: 'by-hand', reason: 'a heading names the strike but states nothing' },
  ],
};

describe('parsePairLabels', () => {
  it('accepts a file whose pairs reference listed articles with kinds their labels allow', () => {
    expect(parsePairLabels(JSON.stringify(labels), 'eval/harbour/sentence-pairs.json').pairs).toHaveLength(4);
  });

  it('refuses a kind its label does not allow, naming the field and the kinds it allows', () => {
    const bad = { ...labels, pairs: [{ ...labels.pairs[0], kind: 'figure' }] };
    const parse = () => parsePairLabels(JSON.stringify(bad), 'eval/harbour/sentence-pairs.json');
    expect(parse).toThrow(ManifestError);
    expect(parse).toThrow(/pairs\.0\.kind.*copy, paraphrase/s);
  });

  it('refuses a pair whose two sentences come from one article', () => {
    const bad = { ...labels, pairs: [{ ...labels.pairs[0], b: ref('coast#2') }] };
    expect(() => parsePairLabels(JSON.stringify(bad), 'f.json')).toThrow(/two articles/);
  });

  it('refuses a sentence of an article the story does not list', () => {
    const bad = { ...labels, articles: ['coast', 'gazette'] };
    expect(() => parsePairLabels(JSON.stringify(bad), 'f.json')).toThrow(/does not list.*herald/s);
  });

  it('refuses a reason copied at length, so sentences cannot slip into the file', () => {
    const bad = { ...labels, pairs: [{ ...labels.pairs[0], reason: 'x'.repeat(201) }] };
    expect(() => parsePairLabels(JSON.stringify(bad), 'f.json')).toThrow(/pairs\.0\.reason/);
  });
});

describe('resolvePairs', () => {
  const textPath = (id: string) => `eval/harbour/texts/${id}.txt`;

  it('finds both sentences of every pair in the split texts', () => {
    const [first] = resolvePairs(labels, articles, 'f.json', textPath);
    expect(first?.aText).toMatch(/^Deckhands at Larkspur/);
    expect(first?.bText).toMatch(/^All 14 crossings/);
  });

  it('names the text file and the pair when a sentence changed, and says how to repair it', () => {
    const edited = makeArticle('herald', [['All 15 crossings to Fennick Island stopped on Monday after deckhands at Larkspur Ferries went on strike.']]);
    const onlyFirst = { ...labels, pairs: labels.pairs.slice(0, 1) };
    const resolve = () => resolvePairs(onlyFirst, [coast, edited], 'f.json', textPath);
    expect(resolve).toThrow(ArticleFileError);
    expect(resolve).toThrow(/pair `h-1`/);
    expect(resolve).toThrow(/eval\/harbour\/texts\/herald\.txt/);
    expect(resolve).toThrow(/--sentences harbour:herald/);
  });

  it('lists every changed sentence at once when several pairs drifted', () => {
    const edited = makeArticle('herald', [['Every crossing stopped.', 'The union asks for more.', 'Islanders waited.']]);
    const resolve = () => resolvePairs(labels, [coast, edited], 'f.json', textPath);
    expect(resolve).toThrow(/4 labelled sentences no longer match/);
    expect(resolve).toThrow(/h-1.*h-2.*h-3.*h-4/s);
  });

  it('names the text file when an article of the story is missing', () => {
    expect(() => resolvePairs(labels, [coast], 'f.json', textPath)).toThrow(/herald\.txt/);
  });
});

describe('scorePairs', () => {
  const outcomes = scorePairs(resolvePairs(labels, articles, 'f.json', (id) => id), articles);
  const byId = new Map(outcomes.map((o) => [o.pair.id, o]));

  it('joins two wordings of one fact and counts them positive', () => {
    expect(byId.get('h-1')).toMatchObject({ aligned: true, positive: true });
  });

  it('keeps apart a look-alike pair whose figure differs and says the figures refused it', () => {
    expect(byId.get('h-2')).toMatchObject({ aligned: false, positive: false });
    expect(byId.get('h-2')?.refusedBy).toBe('figures');
  });

  it('never joins a heading, since the align stage leaves headings out', () => {
    expect(byId.get('h-4')).toMatchObject({ aligned: false, refusedBy: 'left-out' });
  });

  it('joins fewer pairs when the threshold is raised to 1', () => {
    const strict = scorePairs(resolvePairs(labels, articles, 'f.json', (id) => id), articles, { threshold: 1 });
    expect(strict.filter((o) => o.aligned)).toHaveLength(0);
  });
});

describe('citedTogether', () => {
  it('says a pair is cited together only when one claim holds both of its sentences', () => {
    const claims = [{ sentenceIds: ['coast#1', 'herald#0'] }, { sentenceIds: ['coast#2'] }, { sentenceIds: ['herald#1'] }];
    expect(citedTogether(labels.pairs, claims)).toEqual([true, false, false, false]);
  });
});

describe('precision, recall and the error lists', () => {
  const outcome = (id: string, label: 'same' | 'partial' | 'different', kind: string, aligned: boolean) =>
    ({ pair: { id, label, kind }, positive: label !== 'different', aligned, score: 0.5, topical: 0.5 }) as Parameters<typeof errorsByKind>[0][number];
  const set = [outcome('p1', 'same', 'paraphrase', true), outcome('p2', 'partial', 'subset', false), outcome('p3', 'partial', 'subset', false), outcome('p4', 'different', 'shared-anchor', true)];

  it('counts precision over joined pairs and recall over positive ones', () => {
    expect(precisionRecall(set)).toMatchObject({ pairs: 4, positives: 3, truePositives: 1, falsePositives: 1, falseNegatives: 2, precision: 0.5 });
    expect(precisionRecall(set).recall).toBeCloseTo(1 / 3);
  });

  it('calls precision perfect when nothing is joined, rather than dividing by zero', () => {
    expect(precisionRecall([outcome('p2', 'partial', 'subset', false)])).toMatchObject({ precision: 1, recall: 0 });
  });

  it('groups false positives and false negatives by label and kind', () => {
    const { falsePositives, falseNegatives } = errorsByKind(set);
    expect([...falsePositives.keys()]).toEqual(['different/shared-anchor']);
    expect(falseNegatives.get('partial/subset')?.map((o) => o.pair.id)).toEqual(['p2', 'p3']);
  });

  it('tells per label and kind how many pairs are joined, labels in their fixed order', () => {
    expect(joinedByKind(set)).toEqual([
      { kind: 'same/paraphrase', pairs: 1, joined: 1 },
      { kind: 'partial/subset', pairs: 2, joined: 0 },
      { kind: 'different/shared-anchor', pairs: 1, joined: 1 },
    ]);
  });

  it('decides invented pairs by the same rule, a changed figure keeping a look-alike apart', () => {
    const decided = scoreInventedPairs([
      { label: 'same', a: 'The mill in Orrin closed in 1987 after ninety years.', b: 'After ninety years, the Orrin mill shut down in 1987.' },
      { label: 'conflict', kind: 'date', a: 'The mill in Orrin closed in 1987 after ninety years.', b: 'The mill in Orrin closed in 1991 after ninety years.' },
    ]);
    expect(decided.map((d) => d.aligned)).toEqual([true, false]);
  });
});

describe('npm run eval:pairs', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  /** A throw-away repo holding the invented story as the seeds, its labels and an invented fixture. */
  function fixtureRepo(pairs: PairLabels): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-pairs-'));
    mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
    mkdirSync(path.join(dir, 'eval/seeds'), { recursive: true });
    mkdirSync(path.join(dir, 'tests/fixtures/align'), { recursive: true });
    for (const article of articles) {
      const body = article.sentences.map((s) => (s.kind === 'heading' ? `## ${s.text}\n` : `${s.text}\n`)).join('');
      writeFileSync(path.join(dir, `content/articles/${article.id}.md`), `---\ntitle: unknown\noutlet: ${article.id}\npublished: unknown\norigin: content/articles/${article.id}.md\n---\n${body}`);
    }
    writeFileSync(path.join(dir, 'eval/seeds/sentence-pairs.json'), JSON.stringify({ ...pairs, corpus: 'seeds' }));
    writeFileSync(path.join(dir, 'tests/fixtures/align/labeled-pairs.json'), JSON.stringify({ pairs: [{ label: 'same', a: 'The dam opened in 1961.', b: 'In 1961 the dam opened.' }] }));
    writeFileSync(path.join(dir, 'tests/fixtures/align/real-pattern-pairs.json'), JSON.stringify({ pairs: [{ label: 'different', a: 'The dam opened in 1961.', b: 'The dam cost £4 million.' }] }));
    return dir;
  }

  /** The labels rewritten against the sentences as the pipeline splits the fixture repo's files. */
  function splitLabels(): PairLabels {
    const only = { ...labels, pairs: [{ ...labels.pairs[0], a: { sentence: 'coast#1', hash: '' }, b: { sentence: 'herald#0', hash: '' } }] } as PairLabels;
    const hashOf = (text: string) => sentenceHash(text);
    only.pairs[0]!.a.hash = hashOf(coast.sentences[1]!.text);
    only.pairs[0]!.b.hash = hashOf(herald.sentences[0]!.text);
    return only;
  }

  it('prints precision and recall per corpus, overall and on the invented pairs as JSON', () => {
    root = fixtureRepo(splitLabels());
    let out = '';
    const code = main(['--json'], root, (text) => (out += text), () => undefined);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.corpora.seeds).toMatchObject({ pairs: 1, truePositives: 1, precision: 1, recall: 1 });
    expect(report.invented).toMatchObject({ pairs: 1, recall: 1 });
  });

  it('exits 1 naming the pair and the article when a labelled sentence no longer matches its hash', () => {
    const drifted = splitLabels();
    drifted.pairs[0]!.b.hash = '0000000000';
    root = fixtureRepo(drifted);
    let err = '';
    expect(main([], root, () => undefined, (text) => (err += text))).toBe(1);
    expect(err).toMatch(/pair `h-1`/);
    expect(err).toMatch(/content\/articles\/herald\.md/);
  });

  it('refuses an option it does not know', () => {
    expect(() => parsePairArgs(['--treshold'])).toThrow(UsageError);
  });
});
