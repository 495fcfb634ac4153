import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_STAGES } from '../../src/pipeline/stage-observer.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs the CLI as a child process (asynchronously, so the three cases run side by side). */
function bench(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['scripts/bench.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

describe.concurrent('npm run bench', () => {
  it('prints one JSON object with every figure the issue asks for, and sane values', async () => {
    const { status, stdout, stderr } = await bench(['--articles', '30', '--seed', '3', '--baseline', '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] as string);

    expect(result.articles).toBe(30);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.peakMemoryMB).toBeGreaterThan(10);
    expect(result.candidatePairs).toBeGreaterThanOrEqual(0);
    expect(result.candidatePairs).toBeLessThanOrEqual((30 * 29) / 2);
    expect(Object.keys(result.stages).sort()).toEqual([...PIPELINE_STAGES].sort());
    const stageSum = Object.values(result.stages as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(stageSum).toBeLessThanOrEqual(result.seconds + 0.01);
    for (const scores of [result.bcubed, result.baseline.bcubed]) {
      for (const key of ['precision', 'recall', 'f1']) {
        expect(scores[key]).toBeGreaterThanOrEqual(0);
        expect(scores[key]).toBeLessThanOrEqual(1);
      }
    }
    expect(result.baseline.seconds).toBeGreaterThan(0);
    expect(result.speedup).toBeGreaterThan(0);
    expect(result.incremental.identical).toBe(true);
    expect(result.incremental.misses).toBe(1);
    expect(result.incremental.hits).toBe(30);
    expect(result.incremental.rounds).toBe(7);
  });

  it('prints a table without --json, and leaves the baseline out unless asked', async () => {
    const { status, stdout } = await bench(['--articles', '12', '--no-incremental']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Pipeline on 12 generated articles/);
    expect(stdout).toMatch(/^cluster\s+[\d.]+ s/m);
    expect(stdout).toMatch(/BCubed\s+P [\d.]+\s+R [\d.]+\s+F1 [\d.]+/);
    expect(stdout).not.toMatch(/baseline|add one article/);
  });

  it('refuses a bad option with a message naming it and exit code 2', async () => {
    const { status, stderr, stdout } = await bench(['--articles', 'many']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--articles/);
    expect(stderr).toMatch(/"many"/);
    expect(stderr).toMatch(/whole number/);
  });
});
