/**
 * Hands the digest from `npm run build` to the Astro build it starts, so the two overlap.
 *
 * Astro spends its first seconds starting up (config, Vite, integrations) before it asks the
 * loader for content, and the pipeline spends its seconds on the articles. On its own, Astro would
 * run the pipeline only once it gets there; `scripts/build-site.ts` instead starts Astro as a child
 * process and runs the pipeline itself at the same time, on the machine's other core. When Astro's
 * loader needs the digest it asks over the IPC channel Node opens between parent and child (the
 * message is a request, not a push, so nothing is lost if the child is not listening yet); the
 * parent answers with the digest, or with the reason the pipeline failed.
 *
 * The channel uses Node's `advanced` serialization (the structured clone algorithm), so the digest
 * crosses as an object, without a JSON round trip. `astro build` or `astro dev` started any other
 * way never sees `DIGEST_FROM_PARENT` and runs the pipeline in its own process as before.
 */
import type { ChildProcess } from 'node:child_process';
import type { Digest } from '../types.ts';

/** Set in the child's environment by the parent that will answer its request. */
export const HANDOFF_ENV = 'DIGEST_FROM_PARENT';

/** The child's request. */
interface DigestRequest {
  kind: 'digest-request';
}

/** The parent's answer: the digest, or the failure the parent has already reported itself. */
type DigestAnswer = { kind: 'digest'; digest: Digest } | { kind: 'digest-failed'; reason: string };

/** True when this process was started by a parent that will hand it the digest. */
export function parentHasDigest(env: Record<string, string | undefined> = process.env): boolean {
  return env[HANDOFF_ENV] === '1' && process.connected === true;
}

/**
 * Child side: asks the parent for the digest and resolves with it. Rejects with the parent's
 * reason when its pipeline failed, or when the parent goes away before answering. The channel is
 * closed once the answer is in, so it cannot keep the child alive after Astro is done.
 */
export function receiveDigestFromParent(): Promise<Digest> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const answer = message as Partial<DigestAnswer> | null;
      if (answer?.kind !== 'digest' && answer?.kind !== 'digest-failed') return;
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      process.disconnect?.();
      if (answer.kind === 'digest') resolve((answer as { digest: Digest }).digest);
      else reject(new Error(`the digest could not be built: ${(answer as { reason: string }).reason}`));
    };
    const onDisconnect = (): void => {
      process.off('message', onMessage);
      reject(new Error('npm run build stopped before it handed over the digest'));
    };
    process.on('message', onMessage);
    process.once('disconnect', onDisconnect);
    const request: DigestRequest = { kind: 'digest-request' };
    process.send?.(request);
  });
}

/**
 * Parent side: listens for `child`'s request from now on, runs `build` (while the child starts
 * up) and answers with its outcome, whenever the request comes. Resolves with the digest, or with
 * the error `build` threw: the caller reports it and stops the child, which is told only that the
 * build failed.
 */
export async function serveDigest(child: ChildProcess, build: () => Digest | Promise<Digest>): Promise<{ digest: Digest } | { error: unknown }> {
  let answer: DigestAnswer | undefined;
  let asked = false;
  const reply = (): void => {
    if (asked && answer !== undefined && child.connected) child.send(answer);
  };
  // Listening before `build` starts: a request that comes while it runs is answered when it ends.
  child.on('message', (message: unknown) => {
    if ((message as Partial<DigestRequest> | null)?.kind !== 'digest-request') return;
    asked = true;
    reply();
  });
  try {
    const digest = await build();
    answer = { kind: 'digest', digest };
    reply();
    return { digest };
  } catch (error) {
    answer = { kind: 'digest-failed', reason: 'the pipeline failed; npm run build prints why' };
    reply();
    return { error };
  }
}
