import { describe, expect, it } from 'vitest'
import { barsFromColumns } from '../bars'
import type { Bars } from '../bars'
import { MONDAY } from '../../test/helpers'
import { correlationOfDailyReturns, dailyCloses, dailyLogReturns } from './correlation'

const DAY = 86_400

/** Bars at 12:00 UTC on the given day offsets from MONDAY, with these closes. */
function daily(days: number[], closes: number[]): Bars {
  return barsFromColumns({
    time: days.map((d) => MONDAY + d * DAY + 12 * 3600),
    open: closes,
    high: closes,
    low: closes,
    close: closes,
  })
}

/** Closes whose consecutive log returns are exactly `returns` (starting at 100). */
function closesFor(returns: number[]): number[] {
  const out = [100]
  for (const r of returns) out.push(out[out.length - 1]! * Math.exp(r))
  return out
}

describe('dailyCloses / dailyLogReturns', () => {
  it('keeps the last close of each UTC day and returns log returns between listed days', () => {
    const bars = barsFromColumns({
      time: [MONDAY, MONDAY + 3600, MONDAY + DAY - 1, MONDAY + DAY, MONDAY + 3 * DAY],
      open: [1, 1, 1, 1, 1],
      high: [1, 1, 2, 2, 4],
      low: [1, 1, 1, 1, 1],
      close: [1, 1.5, 2, 1, 4],
    })
    const closes = dailyCloses(bars)
    const day0 = MONDAY / DAY
    expect(closes).toEqual({ day: [day0, day0 + 1, day0 + 3], close: [2, 1, 4] })
    const returns = dailyLogReturns(closes)
    expect(returns.day).toEqual([day0 + 1, day0 + 3])
    expect(returns.value[0]).toBeCloseTo(Math.log(0.5), 15)
    expect(returns.value[1]).toBeCloseTo(Math.log(4), 15)
  })
})

describe('correlationOfDailyReturns', () => {
  const days = Array.from({ length: 31 }, (_, k) => k)
  const returns = days.slice(1).map((k) => ((k * 7919) % 13) / 1000 - 0.006)

  it('is 1 for the same moves, −1 for opposite ones, on 30 common returns', () => {
    const a = daily(days, closesFor(returns))
    expect(correlationOfDailyReturns(a, a, { lookbackDays: 60 })).toEqual({
      correlation: 1,
      days: 30,
    })
    const b = daily(days, closesFor(returns.map((r) => -r)))
    const r = correlationOfDailyReturns(a, b, { lookbackDays: 60 })
    expect(r.days).toBe(30)
    expect(r.correlation).toBeCloseTo(-1, 12)
  })

  it('matches a hand-computed r = 0.5 and uses only the last lookbackDays returns', () => {
    // x = 1,2,3 and y = 1,3,2 (in %): means 2, Sxy = 1, Sxx = Syy = 2, r = 1/2. Before them, three
    // returns that would change r if the lookback were ignored.
    const a = daily([0, 1, 2, 3, 4, 5, 6], closesFor([0.05, -0.04, 0.02, 0.01, 0.02, 0.03]))
    const b = daily([0, 1, 2, 3, 4, 5, 6], closesFor([-0.05, 0.04, 0.02, 0.01, 0.03, 0.02]))
    const r = correlationOfDailyReturns(a, b, { lookbackDays: 3, minDays: 3 })
    expect(r.days).toBe(3)
    expect(r.correlation).toBeCloseTo(0.5, 12)
  })

  it('aligns on days both have, so a day missing in one series pairs equal intervals', () => {
    // b has no close on day 2: a's returns day1→day2→day3 become one return day1→day3.
    const a = daily([0, 1, 2, 3, 4], closesFor([0.01, 0.02, 0.03, 0.04]))
    const b = daily([0, 1, 3, 4], closesFor([0.01, 0.05, 0.04]))
    const r = correlationOfDailyReturns(a, b, { lookbackDays: 10, minDays: 3 })
    expect(r).toEqual({ correlation: expect.closeTo(1, 12), days: 3 })
  })

  it('is null with fewer than 20 common returns or a flat series', () => {
    const a = daily(days.slice(0, 20), closesFor(returns.slice(0, 19)))
    expect(correlationOfDailyReturns(a, a, { lookbackDays: 60 })).toEqual({
      correlation: null,
      days: 19,
    })
    const flat = daily(
      days,
      days.map(() => 1.1),
    )
    const moving = daily(days, closesFor(returns))
    expect(correlationOfDailyReturns(flat, moving, { lookbackDays: 60 })).toEqual({
      correlation: null,
      days: 30,
    })
    expect(() => correlationOfDailyReturns(a, a, { lookbackDays: 1 })).toThrow(
      'lookbackDays must be',
    )
  })
})
