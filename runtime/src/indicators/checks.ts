/**
 * Argument checks shared by the indicators. Bad parameters are programming or configuration
 * errors, so they throw before any value is computed, naming the indicator and the parameter.
 */

/** @internal Throws a RangeError unless `value` is an integer >= `min`. */
export function checkPeriod(name: string, value: number, min = 1, param = 'period'): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name}: ${param} must be an integer >= ${min}, got ${value}`)
  }
}

/** @internal Throws a RangeError unless `value` is a finite number >= `min`. */
export function checkNumber(name: string, value: number, param: string, min = 0): void {
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`${name}: ${param} must be a finite number >= ${min}, got ${value}`)
  }
}

/**
 * @internal Error for a NaN input after the series started. Running sums and recursive averages
 * would stay NaN forever, so we refuse instead of silently returning NaN from then on.
 */
export function nanAfterStart(name: string, index: number): RangeError {
  return new RangeError(
    `${name}: input is NaN at position ${index} after the series started; ` +
      'only leading NaNs (the warm-up of an upstream indicator) are allowed',
  )
}

/**
 * @internal An output array whose first `first` slots are NaN (warm-up); callers write every
 * slot from `first` on, so the rest is not pre-filled (one pass less over large outputs).
 */
export function warmupArray(length: number, first: number): Float64Array {
  const out = new Float64Array(length)
  out.fill(NaN, 0, Math.max(0, Math.min(first, length)))
  return out
}

/**
 * @internal Index of the first non-NaN value (MT5 `begin`), after checking that no NaN follows
 * it. For batch indicators that validate in one pass before their main loop.
 */
export function seriesBegin(name: string, values: Float64Array): number {
  const len = values.length
  let b = 0
  while (b < len && values[b] !== values[b]) b++
  for (let i = b + 1; i < len; i++) if (values[i] !== values[i]) throw nanAfterStart(name, i - b)
  return b
}
