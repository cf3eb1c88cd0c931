import { describe, expect, it } from 'vitest'
import { getSymbol, SYMBOLS } from './catalogue'
import { defineSymbol, normalizePrice, priceMoveValue } from './symbol-spec'

describe('symbol catalogue', () => {
  it('has the promised symbols with consistent specs', () => {
    expect(Object.keys(SYMBOLS)).toEqual([
      'EURUSD',
      'GBPUSD',
      'USDJPY',
      'XAUUSD',
      'US500',
      'BTCUSD',
      'AAPL',
    ])
    for (const spec of Object.values(SYMBOLS)) {
      expect(spec.point).toBeCloseTo(10 ** -spec.digits, 12)
      expect(spec.volumeMin).toBeGreaterThanOrEqual(spec.volumeStep)
    }
  })

  it('EURUSD: 5 digits, pip = 10 points, 1 USD per tick per lot', () => {
    const s = getSymbol('EURUSD')
    expect([s.digits, s.point, s.pipSize, s.tickValue, s.contractSize]).toEqual([
      5, 0.00001, 0.0001, 1, 100_000,
    ])
  })

  it('trades AAPL in whole shares', () => {
    expect(getSymbol('AAPL').volumeStep).toBe(1)
  })

  it('matches case-insensitively and lets custom specs win', () => {
    expect(getSymbol('eurusd').name).toBe('EURUSD')
    const mine = defineSymbol({ ...SYMBOLS.EURUSD!, name: 'EURUSD', typicalSpread: 3 })
    expect(getSymbol('EURUSD', [mine]).typicalSpread).toBe(3)
  })

  it('names every known symbol when the name is unknown', () => {
    expect(() => getSymbol('DOGEUSD')).toThrow(
      'Unknown symbol "DOGEUSD". Known symbols: EURUSD, GBPUSD, USDJPY, XAUUSD, US500, BTCUSD, AAPL.',
    )
  })
})

describe('defineSymbol', () => {
  const base = {
    name: 'GER40',
    digits: 2,
    tickSize: 0.25,
    tickValue: 0.25,
    contractSize: 1,
    volumeMin: 0.1,
    volumeMax: 100,
    volumeStep: 0.1,
    typicalSpread: 100,
  }

  it('derives point and pip size', () => {
    const s = defineSymbol(base)
    expect([s.point, s.pipSize, s.stopsLevel, s.description]).toEqual([0.01, 0.01, 0, 'GER40'])
    expect(defineSymbol({ ...base, digits: 3 }).pipSize).toBe(0.01)
  })

  it('rejects a bad field by name', () => {
    expect(() => defineSymbol({ ...base, tickValue: 0 })).toThrow(
      'symbol "GER40": tickValue must be a positive number, got 0',
    )
    expect(() => defineSymbol({ ...base, volumeMax: 0.05 })).toThrow('volumeMax 0.05 is below')
    expect(() => defineSymbol({ ...base, digits: 1.5 })).toThrow('digits must be an integer')
  })

  it('normalises prices to the tick size, not only to digits', () => {
    const s = defineSymbol(base)
    expect(normalizePrice(18000.13, s)).toBe(18000.25)
    expect(normalizePrice(18000.12, s)).toBe(18000)
    expect(normalizePrice(1.100004999, SYMBOLS.EURUSD!)).toBe(1.1)
  })

  it('values a price move through tick size and tick value, rounded to cents', () => {
    // 50 ticks of 0.25 at 0.25 USD each for 0.3 lots = 3.75 USD
    expect(priceMoveValue(12.5, 0.3, defineSymbol(base))).toBe(3.75)
    // EURUSD 1.10000 -> 1.10123 is 123 points = 123 USD per lot; 0.1 lot = 12.30
    expect(priceMoveValue(1.10123 - 1.1, 0.1, SYMBOLS.EURUSD!)).toBe(12.3)
  })
})
