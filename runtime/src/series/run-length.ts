/**
 * Counts consecutive bars on which a value rose (`direction` 1) or fell (−1). Mirrors `TlRun` in
 * `Include/Tradeloom/Series.mqh`: a NaN input, or no change in the direction, resets the run to 0.
 */
export interface RunLength {
  /** Adds the newest value and returns the length of the current run. */
  update(x: number): number
}

/**
 * @example
 * const rising = createRunLength(1)
 * const risingFor3Bars = rising.update(ctx.close) >= 3
 */
export function createRunLength(direction: 1 | -1): RunLength {
  let previous = NaN
  let length = 0
  return {
    update(x: number): number {
      // NaN compares false, so a missing value on either bar ends the run.
      length = (direction > 0 ? x > previous : x < previous) ? length + 1 : 0
      previous = x
      return length
    },
  }
}
