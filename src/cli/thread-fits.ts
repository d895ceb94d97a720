/**
 * The change MMRMs of an unblinded `analyze` run shared between the main thread and the figure thread
 * (figure-thread.ts): pipeline/change-mmrm-inputs.ts lists them before the analyses start, the thread
 * fits them from the first on, and the main thread, when its analyses ask for a fit, takes the thread's
 * or, while waiting for it, fits another model nobody has claimed yet (kept for when it is asked for);
 * it fits the one it waits for itself only when nothing else is left. Each model is claimed once (an
 * atomic flag per model), so neither thread idles while a model is unclaimed, and the thread, warmed up
 * while the main thread derived (warmUpFits), makes the first, largest fit (SLEDAI-2K) while the main
 * thread makes the next ones. The thread posts each result as it is made; the main thread takes them
 * synchronously (its pipeline is synchronous): `receiveMessageOnPort` reads the thread's port without
 * the event loop, and `Atomics.wait` sleeps until the thread has posted another.
 * Same results, so the same bytes, whichever thread fits which: the same `fitChangeMmrm` on a structured
 * clone of the same numbers (test/cli/thread-fits.test.ts forces the splits). A fit asked for with other
 * inputs than the list's, or one the thread could not make (it failed, or posted nothing for
 * FALLBACK_AFTER_MS), is made in the main thread instead, and so are all after it.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import {
  fitChangeMmrm,
  type ChangeMmrmFitter,
  type ChangeMmrmInput,
  type MmrmChangeResult,
  type MmrmObservation,
} from '../analyze/mmrm-analysis.js';
import { ARM_CODES } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';

/** What the main thread sends: the inputs, the settings, its end of the channel and the shared state. */
export interface FitRequest {
  readonly kind: 'mmrm';
  readonly inputs: readonly ChangeMmrmInput[];
  readonly settings: SapSettings;
  readonly port: MessagePort;
  /** Int32Array over it, at CLAIMED, POSTED and FAILED (newFitState). */
  readonly state: SharedArrayBuffer;
}

interface FitReply {
  readonly i: number;
  readonly result: MmrmChangeResult;
}

/** Replies the thread has posted (it is woken on each). */
const POSTED = 0;
/** 1 once the thread failed. */
const FAILED = 1;
/** Model i's claim at CLAIMS + i: 0 while nobody fits it. */
const CLAIMS = 2;
/** The main thread stops waiting for a thread that posted nothing for this long, and fits itself. */
export const FALLBACK_AFTER_MS = 30_000;
const WAIT_SLICE_MS = 100;

/** The shared state of `models` fits. */
export function newFitState(models: number): SharedArrayBuffer {
  return new SharedArrayBuffer((CLAIMS + models) * Int32Array.BYTES_PER_ELEMENT);
}

const claim = (shared: Int32Array, i: number): boolean => Atomics.compareExchange(shared, CLAIMS + i, 0, 1) === 0;

/**
 * The thread's side: fits each model nobody has claimed, first to last, posting each result at once;
 * only `models` (tests: a chosen split) if given.
 */
export function answerFits({ inputs, settings, port, state }: FitRequest, models = inputs.keys()): void {
  const shared = new Int32Array(state);
  try {
    for (const i of models) {
      if (!claim(shared, i)) continue;
      const { observations, visits } = inputs[i] as ChangeMmrmInput;
      const reply: FitReply = { i, result: fitChangeMmrm(observations, visits, settings) };
      port.postMessage(reply);
      Atomics.add(shared, POSTED, 1);
      Atomics.notify(shared, POSTED);
    }
  } catch {
    Atomics.store(shared, FAILED, 1);
    Atomics.notify(shared, POSTED);
  } finally {
    port.close();
  }
}

/**
 * The main thread's side: the fitter that hands out the fits of `inputs` (asked for in their order,
 * with the same `settings`), the thread's or its own; `fitChangeMmrm` for anything else.
 */
export function threadFitter(
  inputs: readonly ChangeMmrmInput[],
  settings: SapSettings,
  port: MessagePort,
  state: SharedArrayBuffer,
): ChangeMmrmFitter {
  const shared = new Int32Array(state);
  /** Fits made ahead by this thread or received from the other, by model. */
  const made = new Map<number, MmrmChangeResult>();
  let next = 0;
  let usable = true;

  const fitOwn = (i: number) => {
    const { observations, visits } = inputs[i] as ChangeMmrmInput;
    return fitChangeMmrm(observations, visits, settings);
  };

  function receive(): void {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const { i, result } = m.message as FitReply;
      made.set(i, result);
    }
  }

  /** A model after `i` nobody has claimed, now claimed by this thread; -1 if none. */
  function claimAnother(i: number): number {
    for (let j = i + 1; j < inputs.length; j++) if (claim(shared, j)) return j;
    return -1;
  }

  /** Model i's fit, from whichever thread makes it; null if the other thread will not make it. */
  function fitOf(i: number): MmrmChangeResult | null {
    let idleSince = performance.now();
    for (;;) {
      const posted = Atomics.load(shared, POSTED);
      receive();
      const result = made.get(i);
      if (result !== undefined) {
        made.delete(i);
        return result;
      }
      if (Atomics.load(shared, FAILED) === 1) return null;
      const j = claimAnother(i);
      if (j !== -1) made.set(j, fitOwn(j));
      else if (claim(shared, i)) return fitOwn(i);
      else if (Atomics.wait(shared, POSTED, posted, WAIT_SLICE_MS) === 'timed-out') {
        if (performance.now() - idleSince > FALLBACK_AFTER_MS) return null;
        continue;
      }
      idleSince = performance.now();
    }
  }

  /** From now on this thread fits what it is asked for; the other claims nothing more. */
  function stopSharing(): void {
    usable = false;
    for (let j = 0; j < inputs.length; j++) claim(shared, j);
    made.clear();
    port.close();
  }

  return (observations, visits, asked) => {
    const i = next++;
    const input = inputs[i];
    const same = usable && input !== undefined && asked === settings && sameInput(input, observations, visits);
    const result = same ? fitOf(i) : null;
    if (result === null || i === inputs.length - 1) stopSharing();
    return result ?? fitChangeMmrm(observations, visits, asked);
  };
}

function sameInput(input: ChangeMmrmInput, observations: readonly MmrmObservation[], visits: readonly string[]) {
  return sameList(input.visits, visits, Object.is) && sameList(input.observations, observations, sameObservation);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

function sameObservation(a: MmrmObservation, b: MmrmObservation): boolean {
  return (
    a.USUBJID === b.USUBJID &&
    a.ARMCD === b.ARMCD &&
    a.AVISIT === b.AVISIT &&
    Object.is(a.BASE, b.BASE) &&
    Object.is(a.CHG, b.CHG)
  );
}

/** What the main thread sends as the thread starts: the settings the warm-up fit uses. */
export interface WarmUpRequest {
  readonly kind: 'warm-up';
  readonly settings: SapSettings;
}

/**
 * One change MMRM fitted on made-up data and thrown away, while the main thread derives: the thread's
 * fits of the run are then compiled ones (a cold first fit takes several times as long).
 */
export function warmUpFits({ settings }: WarmUpRequest): void {
  const visits = ['V1', 'V2', 'V3'];
  const observations: MmrmObservation[] = [];
  for (let s = 0; s < 30; s++) {
    const arm = ARM_CODES[s % ARM_CODES.length] as (typeof ARM_CODES)[number];
    visits.forEach((visit, v) => {
      if ((s + v) % 7 === 6) return; // a few missing visits, as in a trial
      const CHG = ((s * 37 + v * 17) % 13) - 6 + (s % ARM_CODES.length);
      observations.push({ USUBJID: `S${s}`, ARMCD: arm, AVISIT: visit, BASE: 4 + ((s * 7) % 11), CHG });
    });
  }
  fitChangeMmrm(observations, visits, settings);
}
