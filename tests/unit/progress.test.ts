import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/io/progress.ts';
import type { StageObserver } from '../../src/pipeline/stage-observer.ts';

describe('createProgress', () => {
  const fakeStream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
  };
  const drive = (progress: StageObserver & { finish(): void }) => {
    progress.start?.('sentences', 2);
    progress.run('normalize', () => 1);
    progress.run('sentences', () => 1);
    progress.run('normalize', () => 1);
    progress.run('sentences', () => 1);
    progress.run('cluster', () => 1);
    progress.finish();
  };

  it('draws each stage with its count and the elapsed time on a terminal', () => {
    const { written, stream } = fakeStream(true);
    let clock = 0;
    drive(createProgress({ stream, env: {}, now: () => (clock += 250), intervalMs: 0 }));
    const text = written.join('');
    expect(text).toMatch(/articles\s+2\/2\s+[\d.]+ s\n/);
    expect(text).toMatch(/cluster\s+1\s+[\d.]+ s\n/);
    expect(text).toMatch(/done in [\d.]+ s\n$/);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { written, stream } = fakeStream(false);
    drive(createProgress({ stream, env: {} }));
    expect(written).toEqual([]);
  });

  it('writes nothing in CI even on a terminal', () => {
    const { written, stream } = fakeStream(true);
    drive(createProgress({ stream, env: { CI: 'true' } }));
    expect(written).toEqual([]);
  });

  it('returns what each piece of work returns', () => {
    const progress = createProgress({ stream: fakeStream(true).stream, env: {} });
    expect(progress.run('merge', () => 'story')).toBe('story');
  });
});
