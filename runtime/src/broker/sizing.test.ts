import { describe, expect, it } from 'vitest'
import { SYMBOLS } from '../symbols/catalogue'
import { riskPerLot, roundVolumeDown, sizeEntry } from './sizing'

const { EURUSD, XAUUSD, US500, AAPL } = SYMBOLS as Required<typeof SYMBOLS>

describe('roundVolumeDown (mt5-semantics.md 3.8)', () => {
  it('floors to the step without binary noise and caps at the maximum', () => {
    expect(roundVolumeDown(0.3, EURUSD!)).toBe(0.3)
    expect(roundVolumeDown(0.0199, EURUSD!)).toBe(0.01)
    expect(roundVolumeDown(0.009, EURUSD!)).toBe(0)
    expect(roundVolumeDown(123.456, EURUSD!)).toBe(100)
  })

  it('keeps whole shares', () => {
    expect(roundVolumeDown(10.9, AAPL!)).toBe(10)
  })
})

describe('sizeEntry', () => {
  it('rounds fixed lots down and refuses below the minimum with an explanation', () => {
    expect(sizeEntry({ kind: 'fixed', lots: 0.015 }, 1e4, 1.1, NaN, EURUSD!)).toBe(0.01)
    expect(sizeEntry({ kind: 'fixed', lots: 0.005 }, 1e4, 1.1, NaN, EURUSD!)).toBe(
      'fixed sizing gives 0.005 lots, which rounds down to 0, below the minimum volume 0.01 of EURUSD',
    )
  })

  it('sizes a percentage of equity by the value of one lot', () => {
    // one EURUSD lot at 1.1 is worth 110 000 USD: 10 000 USD buys 0.0909 -> 0.09 lots
    expect(sizeEntry({ kind: 'percent-equity', percent: 100 }, 1e4, 1.1, NaN, EURUSD!)).toBe(0.09)
    // one US500 lot at 5000.00 is worth 5000 USD: 50 % of 10 000 -> 1 lot
    expect(sizeEntry({ kind: 'percent-equity', percent: 50 }, 1e4, 5000, NaN, US500!)).toBe(1)
  })

  it('sizes the risk to the stop through tick size and tick value', () => {
    // 1 % of 10 000 = 100 USD; 200 points at 1 USD each per lot -> 0.5 lots
    expect(riskPerLot(1.1, 1.098, EURUSD!)).toBeCloseTo(200, 9)
    expect(sizeEntry({ kind: 'risk-percent', percent: 1 }, 1e4, 1.1, 1.098, EURUSD!)).toBe(0.5)
    // gold: 2 % = 200 USD; 10 USD move = 1000 ticks of 1 USD per lot -> 0.2 lots
    expect(sizeEntry({ kind: 'risk-percent', percent: 2 }, 1e4, 2000, 1990, XAUUSD!)).toBe(0.2)
  })

  it('refuses risk sizing without a stop', () => {
    expect(sizeEntry({ kind: 'risk-percent', percent: 1 }, 1e4, 1.1, NaN, EURUSD!)).toBe(
      'risk-percent sizing needs a stop loss on the order',
    )
  })

  it('refuses when equity is gone', () => {
    expect(sizeEntry({ kind: 'percent-equity', percent: 10 }, -5, 1.1, NaN, EURUSD!)).toBe(
      'percent-equity sizing gives no volume (equity -5)',
    )
  })
})
