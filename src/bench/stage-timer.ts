/**
 * A `StageObserver` that adds up the wall time of each pipeline stage, for the benchmark.
 *
 * The per-cluster stages run interleaved (derivatives, align, merge and timeline for one cluster,
 * then the next), so each stage's time is the sum over its calls rather than one span.
 */
import { PIPELINE_STAGES, type PipelineStage, type StageObserver } from '../pipeline/stage-observer.ts';

/** A timing observer plus what it measured. */
export interface StageTimer extends StageObserver {
  /** Wall-clock seconds spent in each stage so far (every stage present, 0 when it did not run). */
  seconds(): Record<PipelineStage, number>;
  /** CPU seconds (user + system) of each stage: unlike wall time, barely moved by other processes. */
  cpuSeconds(): Record<PipelineStage, number>;
  /** Units of work each stage ran (articles or clusters); cache hits are not counted. */
  calls(): Record<PipelineStage, number>;
  /** Highest resident set size seen between stage calls, in bytes. */
  peakRss(): number;
}

/** Creates a timer; `inner` (a progress display, say) still sees every call. */
export function createStageTimer(inner?: StageObserver): StageTimer {
  const totals = Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as Record<PipelineStage, number>;
  const counts = { ...totals };
  const cpu = { ...totals };
  let peak = process.memoryUsage.rss();
  return {
    start(stage, total) {
      inner?.start?.(stage, total);
    },
    run(stage, work) {
      const began = performance.now();
      const cpuBegan = process.cpuUsage();
      const result = inner === undefined ? work() : inner.run(stage, work);
      totals[stage] += (performance.now() - began) / 1000;
      const used = process.cpuUsage(cpuBegan);
      cpu[stage] += (used.user + used.system) / 1e6;
      counts[stage] += 1;
      // Sampling once per call is cheap (one syscall) and catches the peak of every stage.
      peak = Math.max(peak, process.memoryUsage.rss());
      return result;
    },
    seconds: () => ({ ...totals }),
    cpuSeconds: () => ({ ...cpu }),
    calls: () => ({ ...counts }),
    peakRss: () => peak,
  };
}
