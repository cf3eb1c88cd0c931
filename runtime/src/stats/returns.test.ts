import { describe, expect, it } from 'vitest'
import {
  dailyReturns,
  meanAndStd,
  monthStartSeconds,
  monthlyReturns,
  sharpeRatio,
  sortinoRatio,
  utcMonthKey,
} from './returns'

const f = (xs: number[]): Float64Array => Float64Array.from(xs)
const DAY = 86_400

describe('daily returns and ratios', () => {
  // day 0 ends at 110, day 1 at 99, day 3 (after a gap) at 108.9; initial cash 100
  const equity = f([100, 110, 99, 108.9])
  const time = f([0, 3600, DAY, 3 * DAY])

  it('values each UTC day at its last bar and skips days without bars', () => {
    const r = [...dailyReturns(equity, time, 100)]
    expect(r).toHaveLength(3)
    ;[0.1, -0.1, 0.1].forEach((x, i) => expect(r[i]).toBeCloseTo(x, 12))
  })

  it('annualises Sharpe and Sortino with √252', () => {
    const r = f([0.1, -0.1, 0.1])
    // mean 1/30, sample std √(0.04/3): mean/std = 1/(2√3); · √252 = √84 / 2
    expect(sharpeRatio(r)).toBeCloseTo(Math.sqrt(84) / 2, 12)
    // downside deviation √(0.01/3): mean/dd = 1/√3; · √252 = √84
    expect(sortinoRatio(r)).toBeCloseTo(Math.sqrt(84), 12)
  })

  it('is NaN where undefined', () => {
    expect(sharpeRatio(f([0.1]))).toBeNaN()
    expect(sharpeRatio(f([0.1, 0.1]))).toBeNaN() // zero deviation
    expect(sortinoRatio(f([0.1, 0.2]))).toBeNaN() // no losing day
    expect(meanAndStd(f([]))).toEqual({ mean: NaN, std: NaN })
  })
})

describe('monthlyReturns', () => {
  it('chains months from the initial cash', () => {
    const time = f([
      Date.UTC(2024, 0, 31, 12) / 1000,
      Date.UTC(2024, 0, 31, 13) / 1000,
      Date.UTC(2024, 1, 1, 12) / 1000,
      Date.UTC(2024, 2, 15) / 1000,
    ])
    const rows = monthlyReturns(f([105, 110, 121, 108.9]), time, 100)
    expect(rows.map((r) => [r.year, r.month, r.startEquity, r.endEquity])).toEqual([
      [2024, 1, 100, 110],
      [2024, 2, 110, 121],
      [2024, 3, 121, 108.9],
    ])
    ;[10, 10, -10].forEach((x, i) => expect(rows[i]!.returnPct).toBeCloseTo(x, 10))
  })

  it('crosses a year and skips months without bars', () => {
    const time = f([
      Date.UTC(2023, 11, 15) / 1000,
      Date.UTC(2023, 11, 31, 23) / 1000,
      Date.UTC(2024, 1, 10) / 1000,
    ])
    const rows = monthlyReturns(f([101, 102, 99]), time, 100)
    expect(rows.map((r) => [r.year, r.month, r.endEquity])).toEqual([
      [2023, 12, 102],
      [2024, 2, 99],
    ])
  })

  it('computes UTC months like Date does, leap days and centuries included', () => {
    for (const iso of [
      '1970-01-01',
      '2000-02-29T23:59:59',
      '2100-03-01',
      '1969-12-31T23:00:00',
      '2024-12-31T23:59:59',
    ]) {
      const d = new Date(`${iso}Z`)
      const key = d.getUTCFullYear() * 12 + d.getUTCMonth()
      expect(utcMonthKey(d.getTime() / 1000)).toBe(key)
      expect(monthStartSeconds(key)).toBe(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000)
    }
  })
})
