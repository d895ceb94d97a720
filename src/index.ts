/**
 * The public programmatic surface of sle-msc (package.json `exports`): the pipeline stages a script or
 * another tool may call, and the validated statistics layer. Everything else is internal.
 */
export { loadLock, readLock, loadRandomization, readRandomization, sha256File } from './lock/index.js';
export type { Lock, RandomizationRow, Unblinding } from './lock/types.js';
export { loadSapSettings, defaultSettingsPath, SAP_VERSION } from './sap/index.js';
export type { SapSettings } from './sap/index.js';
export { runPipeline } from './pipeline/run-pipeline.js';
export type { PipelineInput, PipelineResult } from './pipeline/run-pipeline.js';
export { deriveAll } from './derive/derive-all.js';
export type { Derived } from './derive/derive-all.js';
export { analyzeAll } from './analyze/analyze-all.js';
export type { AnalysisResult } from './analyze/analyze-all.js';
export type { Issue, IssueCode } from './core/issues.js';
export type { ArdRow } from './ard/types.js';
export { ardToCsv } from './output/ard-csv.js';
export { sortArdRows } from './ard/order.js';
export { ARD_ENDPOINTS, ARD_STATS, ARD_METHODS } from './ard/vocabulary.js';
export type { ArdEndpoint, ArdStat, ArdMethod } from './ard/vocabulary.js';
export { simulateTrial } from './simulate/simulate-trial.js';
export { dummyRandomization } from './unblinding/dummy-randomization.js';

// Statistics (no trial knowledge)
export { fitMmrm, fitMmrmWithFallback, mmrmLsMeans } from './numerics/mmrm/index.js';
export { miettinenNurminenCi } from './numerics/binary/miettinen-nurminen.js';
export { newcombeCi } from './numerics/binary/newcombe.js';
export { wilsonCi } from './numerics/binary/wilson.js';
export { clopperPearsonCi } from './numerics/binary/clopper-pearson.js';
export { fisherExactTwoSided } from './numerics/binary/fisher-exact.js';
export { cochranMantelHaenszel } from './numerics/binary/cmh.js';
export { fitLogistic } from './numerics/glm/logistic.js';
export { fitPoisson } from './numerics/glm/poisson.js';
export { fitNegativeBinomial } from './numerics/glm/negative-binomial.js';
export { waldRatio } from './numerics/glm/wald.js';
export { kaplanMeier } from './numerics/survival/kaplan-meier.js';
export { survivalMedian } from './numerics/survival/survival-quantile.js';
export { logRankTest } from './numerics/survival/logrank.js';
export { fitCox } from './numerics/survival/cox.js';
export { wilcoxonRankSum } from './numerics/rank/wilcoxon.js';
export { hodgesLehmann } from './numerics/rank/hodges-lehmann.js';
export { quantileType2 } from './numerics/descriptive/quantile.js';
export { summarize } from './numerics/descriptive/summary.js';
export { hochberg, holm } from './numerics/multiplicity.js';
