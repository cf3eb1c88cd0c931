import { describe, expect, it } from 'vitest'
import { createIchimoku, ichimoku, ichimokuWarmup } from './ichimoku'
import { barsOf } from './test-series'

const HIGH = [10, 12, 11, 13, 14, 12]
const LOW = [8, 9, 9, 10, 11, 10]
const CLOSE = [9, 11, 10, 12, 13, 11]

describe('ichimoku', () => {
  it('matches hand-computed Ichimoku(2, 3, 4) lines', () => {
    const l = ichimoku(barsOf(HIGH, LOW, CLOSE), 2, 3, 4)
    expect(Array.from(l.tenkan.slice(0, 3))).toEqual([NaN, (12 + 8) / 2, (12 + 9) / 2])
    expect(Array.from(l.kijun.slice(0, 4))).toEqual([NaN, NaN, (12 + 8) / 2, (13 + 9) / 2])
    expect(l.spanA[2]).toBe((10.5 + 10) / 2)
    expect(l.spanB[3]).toBe((13 + 8) / 2)
    expect(Array.from(l.chikou)).toEqual(CLOSE)
  })

  it('exposes the cloud drawn at bar i as the spans computed kijun bars earlier (MT5 shift = kijun)', () => {
    const l = ichimoku(barsOf(HIGH, LOW, CLOSE), 2, 3, 4)
    expect(l.cloudA[5]).toBe(l.spanA[2])
    expect(l.cloudB[5]).toBeNaN() // spanB[2] needs 4 bars
    expect(l.cloudA[4]).toBeNaN()
    expect(ichimokuWarmup(2, 3, 4, 'cloudA')).toBe(5)
    expect(ichimokuWarmup(2, 3, 4)).toBe(6)
    expect(ichimokuWarmup(9, 26, 52, 'tenkan')).toBe(8)
  })

  it('streams the same lines', () => {
    const s = createIchimoku(2, 3, 4)
    HIGH.forEach((h, i) => s.update(h, LOW[i]!, CLOSE[i]!))
    const l = ichimoku(barsOf(HIGH, LOW, CLOSE), 2, 3, 4)
    expect([s.tenkan, s.kijun, s.spanA, s.spanB, s.cloudA]).toEqual([
      l.tenkan[5],
      l.kijun[5],
      l.spanA[5],
      l.spanB[5],
      l.cloudA[5],
    ])
  })
})
