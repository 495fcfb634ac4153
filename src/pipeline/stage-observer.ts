/**
 * A hook through which the orchestrator reports its stages, so the benchmark can time them and the
 * CLI can show progress without the pipeline itself touching a clock or the terminal.
 */

/** The pipeline's stages, in the order they run. */
export const PIPELINE_STAGES = ['ingest', 'normalize', 'sentences', 'cluster', 'derivatives', 'align', 'merge', 'timeline'] as const;

/** One stage's name. */
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * Watches a build. `start` announces how many units (articles or clusters) a stage will process;
 * `run` is handed each unit of work and must return `work()`'s result unchanged.
 */
export interface StageObserver {
  start?(stage: PipelineStage, total: number): void;
  run<T>(stage: PipelineStage, work: () => T): T;
}

/** The observer used when none is given: runs the work and watches nothing. */
export const silentObserver: StageObserver = {
  run: (_stage, work) => work(),
};
