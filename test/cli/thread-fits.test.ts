import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fitChangeMmrm, type ChangeMmrmInput, type MmrmObservation } from '../../src/analyze/mmrm-analysis.js';
import { answerFits, newFitState, threadFitter, warmUpFits } from '../../src/cli/thread-fits.js';
import { ARM_CODES } from '../../src/lock/types.js';
import { settings } from '../derive/helpers.js';

/** A small change-MMRM data set, different for each seed (some subjects miss a visit). */
function input(seed: number): ChangeMmrmInput {
  const visits = ['WEEK12', 'WEEK24', 'WEEK52'];
  const observations: MmrmObservation[] = [];
  for (let s = 0; s < 24; s++) {
    const ARMCD = ARM_CODES[s % ARM_CODES.length]!;
    visits.forEach((AVISIT, v) => {
      if ((s + v + seed) % 5 === 4) return;
      const CHG = (((s + 3) * (seed + 5) * 31 + v * 17) % 23) / 3 - 4 + (s % 3) * v;
      observations.push({ USUBJID: `S${s}`, ARMCD, AVISIT, BASE: 4 + ((s * (seed + 7)) % 11), CHG });
    });
  }
  return { observations, visits };
}

const inputs = [0, 1, 2, 3].map(input);

/**
 * The fits handed out when the "thread" (here this thread, through the same channel and shared claims)
 * has fitted the models in `theirs` and this thread fits the others, its own or while waiting; the
 * thread's fits come out of the structured clone of its replies.
 */
function fitsWithSplit(theirs: readonly number[]) {
  const { port1, port2 } = new MessageChannel();
  const state = newFitState(inputs.length);
  const fit = threadFitter(inputs, settings(), port1, state);
  answerFits({ kind: 'mmrm', inputs, settings: settings(), port: port2, state }, theirs.values());
  return inputs.map((x) => fit(x.observations, x.visits, settings()));
}

/** Every subset of the models: every split between the two threads. */
const splits = Array.from({ length: 2 ** inputs.length }, (_, mask) =>
  inputs.flatMap((_x, i) => ((mask >> i) & 1 ? [i] : [])),
);

describe('change MMRMs shared with the figure thread', () => {
  const direct = inputs.map((x) => fitChangeMmrm(x.observations, x.visits, settings()));

  it('the data sets are fitted (else the comparison below proves little)', () => {
    expect(direct.every((r) => r.converged && r.lsmeans.size > 0)).toBe(true);
  });

  it.each(splits)('gives the same results whichever thread fits which model (thread: %j)', (...theirs) => {
    expect(fitsWithSplit(theirs)).toEqual(direct);
  });

  it('fits a model asked for with other data than the thread was given itself, and all after it', () => {
    const { port1, port2 } = new MessageChannel();
    const state = newFitState(inputs.length);
    const fit = threadFitter(inputs, settings(), port1, state);
    answerFits({ kind: 'mmrm', inputs, settings: settings(), port: port2, state });
    const other = input(9);
    expect(fit(other.observations, other.visits, settings())).toEqual(
      fitChangeMmrm(other.observations, other.visits, settings()),
    );
    expect(fit(inputs[1]!.observations, inputs[1]!.visits, settings())).toEqual(direct[1]);
  });

  it('the warm-up fit changes nothing fitted afterwards', () => {
    warmUpFits({ kind: 'warm-up', settings: settings() });
    expect(fitsWithSplit([0, 2])).toEqual(direct);
  });
});
