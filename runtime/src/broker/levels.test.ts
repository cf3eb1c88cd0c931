import { describe, expect, it } from 'vitest'
import { SYMBOLS } from '../symbols/catalogue'
import { defineSymbol } from '../symbols/symbol-spec'
import { checkStopLevels, distanceInPrice, resolveLevel } from './levels'

const EURUSD = SYMBOLS.EURUSD!

describe('distanceInPrice', () => {
  it('converts points, pips, ATR multiples and percentages', () => {
    expect(distanceInPrice({ kind: 'points', points: 20 }, 1.1, EURUSD, NaN)).toBeCloseTo(
      0.0002,
      15,
    )
    expect(distanceInPrice({ kind: 'pips', pips: 2 }, 1.1, EURUSD, NaN)).toBeCloseTo(0.0002, 15)
    expect(distanceInPrice({ kind: 'atr', multiple: 2, atr: 0.0015 }, 1.1, EURUSD, NaN)).toBe(0.003)
    expect(distanceInPrice({ kind: 'atr', multiple: 2 }, 1.1, EURUSD, 0.001)).toBe(0.002)
    expect(distanceInPrice({ kind: 'atr', multiple: 2 }, 1.1, EURUSD, NaN)).toBeNaN()
    expect(distanceInPrice({ kind: 'percent', percent: 1 }, 1.1, EURUSD, NaN)).toBeCloseTo(
      0.011,
      15,
    )
  })

  it('uses the gold pip of 10 cents', () => {
    expect(distanceInPrice({ kind: 'pips', pips: 5 }, 2000, SYMBOLS.XAUUSD!, NaN)).toBeCloseTo(
      0.5,
      12,
    )
  })
})

describe('resolveLevel', () => {
  it('puts stops against the position and targets with it, normalised', () => {
    const points = (n: number) => ({ kind: 'points', points: n }) as const
    expect(resolveLevel(points(200), 1, 'stop', 1.10012, EURUSD, NaN)).toBe(1.09812)
    expect(resolveLevel(points(200), 1, 'target', 1.10012, EURUSD, NaN)).toBe(1.10212)
    expect(resolveLevel(points(200), -1, 'stop', 1.1, EURUSD, NaN)).toBe(1.102)
    expect(resolveLevel({ kind: 'pips', pips: 30 }, -1, 'target', 1.1, EURUSD, NaN)).toBe(1.097)
    expect(resolveLevel({ kind: 'percent', percent: 1 }, 1, 'stop', 1.1001, EURUSD, NaN)).toBe(
      1.0891,
    )
  })

  it('normalises absolute prices to the tick size', () => {
    expect(resolveLevel({ kind: 'price', price: 1.1234567 }, 1, 'stop', 1.2, EURUSD, NaN)).toBe(
      1.12346,
    )
  })
})

describe('checkStopLevels (mt5-semantics.md 3.8)', () => {
  it('wants a long stop below the Bid and a target above it', () => {
    expect(checkStopLevels(1, 1.1, 1.099, 1.102, EURUSD)).toBeNull()
    expect(checkStopLevels(1, 1.1, 1.2, NaN, EURUSD)).toBe('stop loss 1.2 is not below the Bid 1.1')
    expect(checkStopLevels(1, 1.1, NaN, 1.09, EURUSD)).toBe(
      'take profit 1.09 is not above the Bid 1.1',
    )
  })

  it('wants a short stop above the Ask', () => {
    expect(checkStopLevels(-1, 1.1001, 1.10008, NaN, EURUSD)).toBe(
      'stop loss 1.10008 is not above the Ask 1.1001',
    )
  })

  it('enforces the stops level in points', () => {
    const strict = defineSymbol({ ...EURUSD, name: 'EURUSD.x', stopsLevel: 30 })
    expect(checkStopLevels(1, 1.1, 1.0997, NaN, strict)).toBeNull() // exactly 30 points
    expect(checkStopLevels(1, 1.1, 1.0999, NaN, strict)).toBe(
      'stop loss 1.0999 is closer than the stops level (30 points) to the Bid 1.1',
    )
  })
})
