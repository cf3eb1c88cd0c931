/**
 * MT5 `iMA` with a method chosen at run time (`ENUM_MA_METHOD`). Each method lives in its own
 * file (sma.ts, ema.ts, smma.ts, lwma.ts) with its exact operation order; this only dispatches.
 */
import { createEma, ema, emaWarmup } from './ema'
import { createLwma, lwma, lwmaWarmup } from './lwma'
import { createSma, sma, smaWarmup } from './sma'
import { createSmma, smma, smmaWarmup } from './smma'

/** MT5 `ENUM_MA_METHOD`: MODE_SMA, MODE_EMA, MODE_SMMA, MODE_LWMA. */
export type MaMethod = 'sma' | 'ema' | 'smma' | 'lwma'

/** Every moving-average method, in MT5's enum order (MODE_SMA = 0 ... MODE_LWMA = 3). */
export const MA_METHODS: readonly MaMethod[] = ['sma', 'ema', 'smma', 'lwma']

/** A streaming moving average of any method. */
export interface MovingAverage {
  update(x: number): number
  readonly value: number
}

function unknownMethod(method: unknown): RangeError {
  return new RangeError(
    `moving average: unknown method ${JSON.stringify(method)}; expected one of ${MA_METHODS.join(', ')}`,
  )
}

/**
 * Creates a streaming moving average with MT5 semantics for `method`.
 *
 * @example
 * const ma = createMovingAverage('lwma', 20)
 */
export function createMovingAverage(method: MaMethod, period: number): MovingAverage {
  switch (method) {
    case 'sma':
      return createSma(period)
    case 'ema':
      return createEma(period)
    case 'smma':
      return createSmma(period)
    case 'lwma':
      return createLwma(period)
    default:
      throw unknownMethod(method)
  }
}

/** Batch moving average; bit-identical to `createMovingAverage`. */
export function movingAverage(
  values: Float64Array,
  period: number,
  method: MaMethod,
): Float64Array {
  switch (method) {
    case 'sma':
      return sma(values, period)
    case 'ema':
      return ema(values, period)
    case 'smma':
      return smma(values, period)
    case 'lwma':
      return lwma(values, period)
    default:
      throw unknownMethod(method)
  }
}

/** Index of the first valid value of a moving average for a NaN-free input. */
export function movingAverageWarmup(method: MaMethod, period: number): number {
  switch (method) {
    case 'sma':
      return smaWarmup(period)
    case 'ema':
      return emaWarmup(period)
    case 'smma':
      return smmaWarmup(period)
    case 'lwma':
      return lwmaWarmup(period)
    default:
      throw unknownMethod(method)
  }
}
