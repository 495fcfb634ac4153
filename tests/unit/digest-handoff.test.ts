import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FrontMatterError, ProblemListError } from '../../src/errors.ts';
import { buildDigestFromDisk } from '../../src/io/digest-from-disk.ts';
import { HANDOFF_ENV, serveDigest } from '../../src/io/digest-handoff.ts';
import type { Digest } from '../../src/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const CHILD = path.join(here, '../fixtures/handoff/child.ts');

/**
 * Starts the stand-in child the way `scripts/build-site.ts` starts Astro: one Node process (tsx as
 * an import hook, not its CLI, which would put a relay process in between) with an IPC channel.
 * A child still running after 10 s is killed, so a broken handoff fails the test instead of hanging it.
 */
function startChild(env: Record<string, string>): { child: ChildProcess; report: Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, ...env },
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const report = new Promise<Record<string, unknown>>((resolve) =>
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === null ? (JSON.parse(output || '{}') as Record<string, unknown>) : { outcome: `killed by ${signal}` });
    }),
  );
  return { child, report };
}

const digest = (): Digest => buildDigestFromDisk('tests/fixtures/merge/content', repoRoot, { cache: false, progress: false, env: { CI: 'true' } }).digest;

describe('handing the digest from the build script to Astro', () => {
  it('gives the child that asks the very digest the parent built', async () => {
    const { child, report } = startChild({ [HANDOFF_ENV]: '1' });
    const built = digest();
    const outcome = await serveDigest(child, () => built);
    expect(outcome).toEqual({ digest: built });
    const got = await report;
    expect(got.outcome).toBe('digest');
    expect(JSON.stringify(got.digest)).toBe(JSON.stringify(built));
    expect(built.stories.length).toBeGreaterThan(0);
  });

  it('returns the pipeline’s error to the caller and tells the child the build failed', async () => {
    const { child, report } = startChild({ [HANDOFF_ENV]: '1' });
    const failure = new ProblemListError([new FrontMatterError('missing field `outlet`', { file: 'content/bad.md', field: 'outlet', found: 'nothing', fix: 'add `outlet: <publisher>`' })]);
    const outcome = await serveDigest(child, () => {
      throw failure;
    });
    expect(outcome).toEqual({ error: failure });
    const got = await report;
    expect(got).toEqual({ outcome: 'rejected', message: 'the digest could not be built: the pipeline failed; npm run build prints why' });
  });

  it('answers a request that comes while the digest is still being built', async () => {
    const { child, report } = startChild({ [HANDOFF_ENV]: '1' });
    const built = digest();
    const asked = new Promise((resolve) => child.once('message', resolve));
    const outcome = await serveDigest(child, async () => {
      await asked;
      return built;
    });
    expect(outcome).toEqual({ digest: built });
    expect(JSON.stringify((await report).digest)).toBe(JSON.stringify(built));
  });

  it('rejects the child’s request when the parent goes away without answering', async () => {
    const { child, report } = startChild({ [HANDOFF_ENV]: '1' });
    child.once('message', () => child.disconnect());
    const got = await report;
    expect(got).toEqual({ outcome: 'rejected', message: 'npm run build stopped before it handed over the digest' });
  });

  it('does not wait for a digest when the process was not started by the build script', async () => {
    const { report } = startChild({ [HANDOFF_ENV]: '' });
    expect(await report).toEqual({ outcome: 'no parent' });
  });
});
