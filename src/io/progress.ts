/**
 * A progress display for long builds: one line on stderr per stage, rewritten in place as the
 * stage's count grows (`cluster … 1/1`, `align … 840/1,962`), with the time since the build began.
 *
 * It is a `StageObserver`, so the pipeline stays unaware of the terminal. It writes nothing when
 * stderr is not a terminal or `CI` is set, so logs and piped output stay clean.
 */
import type { PipelineStage, StageObserver } from '../pipeline/stage-observer.ts';

/** Where the display writes: stderr, or anything with the same two members (tests pass a fake). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Options of `createProgress`; defaults are the real process's stderr, environment and clock. */
export interface ProgressOptions {
  stream?: ProgressStream;
  env?: Record<string, string | undefined>;
  /** Milliseconds from an arbitrary origin. */
  now?: () => number;
  /** Least time between two redraws of the same line, in ms; default 100. */
  intervalMs?: number;
}

/** A progress observer; `finish()` ends the last line and prints the total time. */
export interface Progress extends StageObserver {
  /** False when the display is silent (not a terminal, or CI). */
  readonly enabled: boolean;
  finish(): void;
}

/** True when a progress display should draw: the stream is a terminal and `CI` is unset or empty. */
export function progressEnabled(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && (env.CI === undefined || env.CI === '' || env.CI === 'false' || env.CI === '0');
}

/**
 * The lines the display shows. Stages that run once per article, or once per cluster, interleave,
 * so each group gets one line and counts the completions of its last stage.
 */
const GROUPS: Record<PipelineStage, { label: string; counts: boolean }> = {
  ingest: { label: 'read', counts: true },
  normalize: { label: 'articles', counts: false },
  sentences: { label: 'articles', counts: true },
  cluster: { label: 'cluster', counts: true },
  derivatives: { label: 'stories', counts: false },
  align: { label: 'stories', counts: false },
  merge: { label: 'stories', counts: false },
  timeline: { label: 'stories', counts: true },
};

/** Creates the progress display for one build. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 100;
  const enabled = progressEnabled(stream, options.env ?? process.env);
  const began = now();
  const totals = new Map<string, number>();
  let label: string | undefined;
  let done = 0;
  let lastDraw = -Infinity;

  const draw = (force: boolean): void => {
    if (!enabled || label === undefined) return;
    const time = now();
    if (!force && time - lastDraw < intervalMs) return;
    lastDraw = time;
    const total = totals.get(label);
    const count = total === undefined ? formatCount(done) : `${formatCount(done)}/${formatCount(total)}`;
    // "\r" plus "erase line" redraws in place; the line stays short enough for a narrow terminal.
    stream.write(`\r\u001b[2K  ${label.padEnd(9)}${count.padStart(15)}   ${formatSeconds(time - began)}`);
  };
  const switchTo = (next: string | undefined): void => {
    if (next === label) return;
    if (label !== undefined) {
      draw(true);
      if (enabled) stream.write('\n');
    }
    label = next;
    done = 0;
    lastDraw = -Infinity;
    // Show the new stage at once: a long single step (clustering) would otherwise look like a hang.
    draw(true);
  };

  return {
    enabled,
    start(stage, total) {
      if (GROUPS[stage].counts) totals.set(GROUPS[stage].label, total);
    },
    run(stage, work) {
      const group = GROUPS[stage];
      switchTo(group.label);
      const result = work();
      if (group.counts) {
        done += 1;
        draw(false);
      }
      return result;
    },
    finish() {
      switchTo(undefined);
      if (enabled) stream.write(`  done in ${formatSeconds(now() - began)}\n`);
    },
  };
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
