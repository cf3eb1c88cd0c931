/**
 * Columnar bar storage. The backtester's speed depends on typed arrays, not arrays of objects
 * (architecture.md, "Strategy semantics").
 */
export interface Bars {
  readonly length: number
  /** Bar open time in epoch seconds. MT5 exports server time without a zone; we label it UTC. */
  readonly time: Float64Array
  readonly open: Float64Array
  readonly high: Float64Array
  readonly low: Float64Array
  readonly close: Float64Array
  readonly tickVolume: Float64Array
  /** Spread in points, as MT5 exports it (`<SPREAD>`, `MqlRates.spread`); 0 when unknown. */
  readonly spread: Float64Array
}

/** The column names of {@link Bars}, in the order MT5 exports them. */
export const BAR_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'tickVolume', 'spread'] as const

/** One of the seven columns of {@link Bars}. */
export type BarColumn = (typeof BAR_COLUMNS)[number]

/**
 * Allocates `length` zero-filled bars whose arrays the caller fills in place (importers, the
 * synthetic generator). Zero is not a valid price: fill every column before running on them.
 *
 * @example
 * const bars = createBars(2)
 * bars.close[0] = 1.1
 */
export function createBars(length: number): Bars {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`createBars: length must be a non-negative integer, got ${length}`)
  }
  return {
    length,
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    tickVolume: new Float64Array(length),
    spread: new Float64Array(length),
  }
}

/** Input of {@link barsFromColumns}: plain arrays or typed arrays; volume and spread are optional. */
export interface BarColumns {
  readonly time: ArrayLike<number>
  readonly open: ArrayLike<number>
  readonly high: ArrayLike<number>
  readonly low: ArrayLike<number>
  readonly close: ArrayLike<number>
  /** Defaults to zeros. */
  readonly tickVolume?: ArrayLike<number>
  /** Spread in points; defaults to zeros, meaning "unknown: use the symbol's typical spread". */
  readonly spread?: ArrayLike<number>
}

/**
 * Copies columns into a new {@link Bars}. Every given column must have the same length as `time`;
 * a mismatch throws a RangeError naming the column, because a silently truncated column would
 * shift every later bar.
 *
 * @example
 * const bars = barsFromColumns({ time: [0, 3600], open: [1, 1.1], high: [1.2, 1.2], low: [0.9, 1], close: [1.1, 1.15] })
 */
export function barsFromColumns(columns: BarColumns): Bars {
  const length = columns.time.length
  const bars = createBars(length)
  for (const name of BAR_COLUMNS) {
    const source = columns[name]
    if (source === undefined) {
      if (name === 'tickVolume' || name === 'spread') continue
      throw new TypeError(`barsFromColumns: column "${name}" is missing`)
    }
    if (source.length !== length) {
      throw new RangeError(
        `barsFromColumns: column "${name}" has ${source.length} values but "time" has ${length}`,
      )
    }
    const target = bars[name]
    for (let i = 0; i < length; i++) target[i] = source[i]!
  }
  return bars
}
