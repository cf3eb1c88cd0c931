import { describe, expect, it } from 'vitest'
import { ema } from './ema'
import { lwma } from './lwma'
import {
  createMovingAverage,
  MA_METHODS,
  movingAverage,
  movingAverageWarmup,
} from './moving-average'
import { sma } from './sma'
import { smma } from './smma'

const P = new Float64Array([1, 3, 2, 5, 4, 6])

describe('movingAverage', () => {
  it('dispatches to each method', () => {
    expect(movingAverage(P, 3, 'sma')).toEqual(sma(P, 3))
    expect(movingAverage(P, 3, 'ema')).toEqual(ema(P, 3))
    expect(movingAverage(P, 3, 'smma')).toEqual(smma(P, 3))
    expect(movingAverage(P, 3, 'lwma')).toEqual(lwma(P, 3))
    expect(MA_METHODS.map((m) => movingAverageWarmup(m, 3))).toEqual([2, 0, 2, 2])
  })

  it('streams the same values for every method', () => {
    for (const m of MA_METHODS) {
      const ma = createMovingAverage(m, 3)
      expect(Array.from(P, (x) => ma.update(x))).toEqual(Array.from(movingAverage(P, 3, m)))
    }
  })

  it('names an unknown method', () => {
    expect(() => createMovingAverage('wma' as never, 3)).toThrow(/unknown method "wma"/)
  })
})
