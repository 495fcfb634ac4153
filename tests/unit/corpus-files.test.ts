import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleFileError } from '../../src/errors.ts';
import { readCorpus } from '../../src/eval/corpus-files.ts';

const article = (id: string) => ({ id, url: `https://example.org/${id}`, outlet: 'Kelby Post', title: 'unknown', published: 'unknown', event: 'strike', query: 'ferry strike', kind: 'full' });

describe('readCorpus', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function corpus(ids: string[], withTexts: string[]): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ name: 'ferries', description: 'invented coverage of one ferry strike', gathered: '2026-12-02', events: { strike: 'The Kelby ferry strike ends' }, articles: ids.map(article) }));
    mkdirSync(path.join(dir, 'texts'));
    for (const id of withTexts) writeFileSync(path.join(dir, 'texts', `${id}.txt`), `The ferry strike in Kelby ended (${id}).`);
    return dir;
  }

  it('reads every text, or only the articles asked for', () => {
    const folder = corpus(['a1', 'a2', 'a3'], ['a1', 'a2', 'a3']);
    expect([...readCorpus(folder).texts.keys()]).toEqual(['a1', 'a2', 'a3']);
    const some = readCorpus(folder, ['a2']);
    expect(some.manifest.articles.map((a) => a.id)).toEqual(['a2']);
    expect([...some.texts.keys()]).toEqual(['a2']);
  });

  it('names every missing text and how to gather it, and does not mind one it was not asked for', () => {
    const folder = corpus(['a1', 'a2', 'a3'], ['a2']);
    expect(() => readCorpus(folder)).toThrow(ArticleFileError);
    expect(() => readCorpus(folder)).toThrow(/2 of 3 texts are missing[\s\S]*a1, a3[\s\S]*gather each text again/);
    expect(readCorpus(folder, ['a2']).texts.size).toBe(1);
  });

  it('says which folder has no manifest', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    expect(() => readCorpus(dir)).toThrow(/has no manifest\.json/);
  });
});
