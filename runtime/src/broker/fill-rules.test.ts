import { describe, expect, it } from 'vitest'
import { SYMBOLS } from '../symbols/catalogue'
import {
  barExit,
  longStopLossFill,
  longTakeProfitFill,
  marketBuyPrice,
  marketSellPrice,
  shortStopLossFill,
  shortTakeProfitFill,
} from './fill-rules'

const EURUSD = SYMBOLS.EURUSD!

describe('market fills (mt5-semantics.md 6.4 step 2)', () => {
  it('buys at the open plus spread and slippage, normalised to digits', () => {
    expect(marketBuyPrice(1.1, 12, 0, EURUSD)).toBe(1.10012)
    expect(marketBuyPrice(1.1, 12, 3, EURUSD)).toBe(1.10015)
  })

  it('sells at the open bid minus slippage', () => {
    expect(marketSellPrice(1.1, 0, EURUSD)).toBe(1.1)
    expect(marketSellPrice(1.1, 3, EURUSD)).toBe(1.09997)
  })
})

describe('stop loss and take profit inside a bar', () => {
  it('fills a long stop at the level, or at the open after a gap through it', () => {
    expect(longStopLossFill(1.1, 1.098, 1.099)).toBe(1.099)
    expect(longStopLossFill(1.0985, 1.098, 1.099)).toBe(1.0985)
    expect(longStopLossFill(1.1, 1.0995, 1.099)).toBeNaN()
    expect(longStopLossFill(1.1, 1.098, NaN)).toBeNaN()
  })

  it('fills a long target at the level, or at the better open after a gap', () => {
    expect(longTakeProfitFill(1.1, 1.103, 1.102)).toBe(1.102)
    expect(longTakeProfitFill(1.1025, 1.103, 1.102)).toBe(1.1025)
    expect(longTakeProfitFill(1.1, 1.1019, 1.102)).toBeNaN()
  })

  it('checks a short on Ask prices', () => {
    expect(shortStopLossFill(1.1001, 1.1021, 1.102)).toBe(1.102)
    expect(shortStopLossFill(1.1025, 1.103, 1.102)).toBe(1.1025)
    expect(shortTakeProfitFill(1.1001, 1.0979, 1.098)).toBe(1.098)
    expect(shortTakeProfitFill(1.0975, 1.097, 1.098)).toBe(1.0975)
    expect(shortTakeProfitFill(1.1001, 1.0981, 1.098)).toBeNaN()
  })

  it('lets the stop loss win when a bar reaches both', () => {
    expect(barExit(1.099, 1.102)).toBe('stop')
    expect(barExit(NaN, 1.102)).toBe('target')
    expect(barExit(1.099, NaN)).toBe('stop')
    expect(barExit(NaN, NaN)).toBe('none')
  })
})
