/**
 * The analysis run (run-stages.ts) with its figures drawn in this thread: the programmatic surface and
 * the tests use it. The command line imports run-stages.ts instead, so that the drawing code loads on
 * its figure thread only.
 */
import { memoryOutput } from '../output/output-files.js';
import { renderFigureFiles } from '../render/charts/figure-files.js';
import type { FigureSpec } from '../render/charts/figure-spec.js';
import { runStages, type PipelineInput, type PipelineResult } from './run-stages.js';

export { runPipelineAsync, type PipelineInput, type PipelineResult } from './run-stages.js';

/** The run, every output file made in this thread (the same bytes as runPipelineAsync). */
export function runPipeline(input: PipelineInput): PipelineResult {
  let specs: readonly FigureSpec[] = [];
  const memory = memoryOutput();
  const output = input.output ?? memory;
  const result = runStages({ ...input, output }, (made) => (specs = made));
  for (const [path, content] of renderFigureFiles(specs)) output.set(path, content);
  return { ...result, files: memory.files };
}
