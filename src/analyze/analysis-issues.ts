/**
 * The analysis's own findings as typed issues (issue 12): a covariance structure that did not converge,
 * a negative binomial model replaced by Poisson, an effect that is not estimable, another model
 * warning. Each becomes a warning `Issue` with a code, located at the file `analysis` with the endpoint
 * and parameter in its rule, so it reaches stderr, the run log and the manifest like any other warning.
 *
 * Arms appear in these messages; only unblinded runs fit models, so a blinded run has none.
 */
import { issue, type Issue, type IssueCode } from '../core/issues.js';
import type { MmrmAttempt } from '../numerics/mmrm/index.js';

/** The location of every analysis issue (there is no input line to point at). */
export const ANALYSIS_ISSUE_FILE = 'analysis';

export type AnalysisIssueCode = Extract<IssueCode, 'MMRM_FALLBACK' | 'NB_POISSON' | 'NOT_ESTIMABLE' | 'MODEL_WARNING'>;

/** A finding of one model fit, before it is placed (the fit does not know its endpoint). */
export interface AnalysisWarning {
  readonly code: AnalysisIssueCode;
  readonly message: string;
}

/** Receives the issues of an analysis; `analyzeAll` collects them. */
export type IssueSink = (issue: Issue) => void;

/** Discards issues: for callers (tests, `explain`) that want the rows only. */
export const ignoreIssues: IssueSink = () => undefined;

export const notEstimable = (message: string): AnalysisWarning => ({ code: 'NOT_ESTIMABLE', message });
/** One NB_POISSON per rate model that switched, with every reason the negative binomial was set aside. */
export const poissonUsed = (reasons: readonly string[]): AnalysisWarning => ({
  code: 'NB_POISSON',
  message: `Poisson used instead of negative binomial: ${reasons.join('; ')}`,
});
export const modelWarning = (message: string): AnalysisWarning => ({ code: 'MODEL_WARNING', message });

/** `where` names the analysis: endpoint, parameter and statistic (`FLARE_RENAL rate ratio`). */
export function analysisIssue(where: string, w: AnalysisWarning): Issue {
  return issue('warning', ANALYSIS_ISSUE_FILE, `${where}: ${w.message}`, undefined, undefined, w.code);
}

/** Sends each of a fit's warnings, placed at `where`, to `report`. */
export function reportWarnings(report: IssueSink, where: string, warnings: readonly AnalysisWarning[]): void {
  for (const w of warnings) report(analysisIssue(where, w));
}

/** `US did not converge (…); TOEPH did not converge (…)`: the structures the fallback passed over. */
function failedStructures(attempts: readonly MmrmAttempt[]): string {
  return attempts
    .filter((a) => !a.converged)
    .map((a) => `${a.covariance.toUpperCase()} did not converge (${a.message})`)
    .join('; ');
}

/**
 * The MMRM's covariance fallback (SAP §6.4) after a fit converged: an MMRM_FALLBACK naming the
 * structures that did not converge and the one used, or nothing when the first one converged.
 */
export function mmrmFallbackWarnings(attempts: readonly MmrmAttempt[]): AnalysisWarning[] {
  const used = attempts.find((a) => a.converged);
  const failed = failedStructures(attempts);
  if (used === undefined || failed === '') return [];
  return [{ code: 'MMRM_FALLBACK', message: `${failed}; ${used.covariance.toUpperCase()} used` }];
}

/** An MMRM without a result: why (no data, …) and, when structures were tried, how each failed. */
export function mmrmFailureWarning(reason: string, attempts: readonly MmrmAttempt[]): AnalysisWarning {
  const failed = failedStructures(attempts);
  return notEstimable(failed === '' ? reason : `${reason}: ${failed}`);
}
