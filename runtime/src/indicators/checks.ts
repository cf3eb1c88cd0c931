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
 * @internal An output array whose first `first` slots are NaN (warm-up); callers write every
 * slot from `first` on, so the rest is not pre-filled (one pass less over large outputs).
 */
export function warmupArray(length: number, first: number): Float64Array {
  const out = new Float64Array(length)
  out.fill(NaN, 0, Math.max(0, Math.min(first, length)))
  return out
}

/**
 * @internal Index of the first non-NaN value (MT5 `begin`). Batches call it after `packHoles`, so
 * no NaN follows it.
 */
export function seriesBegin(values: Float64Array): number {
  const len = values.length
  let b = 0
  while (b < len && values[b] !== values[b]) b++
  return b
}
