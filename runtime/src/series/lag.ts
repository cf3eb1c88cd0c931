/**
 * The value `bars` bars ago, streaming. Mirrors `TlLag` in mql5-templates'
 * `Include/Tradeloom/Series.mqh`: a ring of `bars + 1` slots; NaN until `bars + 1` inputs were seen.
 */
export interface Lag {
  /** Adds the newest value and returns the one `bars` updates ago (NaN before that). */
  update(x: number): number
}

/**
 * @example
 * const closeYesterday = createLag(1)
 * closeYesterday.update(ctx.close) // NaN on the first bar, then the previous close
 */
export function createLag(bars: number): Lag {
  if (!Number.isInteger(bars) || bars < 0)
    throw new RangeError(`Lag: bars must be a whole number >= 0, got ${bars}`)
  const size = bars + 1
  const ring = new Float64Array(size).fill(NaN)
  let count = 0
  let next = 0
  return {
    update(x: number): number {
      ring[next] = x
      next = next + 1 === size ? 0 : next + 1
      count++
      return count <= bars ? NaN : ring[next]!
    },
  }
}
