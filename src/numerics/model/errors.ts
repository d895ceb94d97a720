/**
 * A model specification or data set the engine cannot use. `kind` tells the caller which exit code
 * applies: `spec` (bad formula, unknown variable, bad option value → usage) or `data` (no usable
 * observations, duplicate visits, … → invalid input). Kept free of exit codes so numerics stays
 * independent of the command line.
 */
export class ModelInputError extends Error {
  readonly kind: 'spec' | 'data';
  constructor(kind: 'spec' | 'data', message: string) {
    super(message);
    this.name = 'ModelInputError';
    this.kind = kind;
  }
}
