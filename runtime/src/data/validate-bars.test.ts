import { describe, expect, it } from 'vitest'
import type { Bars } from '../bars'
import { validateBars } from './validate-bars'

function bars(rows: [string, number, number, number, number][]): Bars {
  const n = rows.length
  const col = (k: number) => Float64Array.from(rows, (r) => r[k] as number)
  return {
    length: n,
    time: Float64Array.from(rows, (r) => Date.parse(r[0] + 'Z') / 1000),
    open: col(1),
    high: col(2),
    low: col(3),
    close: col(4),
    tickVolume: new Float64Array(n),
    spread: new Float64Array(n),
  }
}

describe('validateBars', () => {
  it('accepts clean bars', () => {
    const r = validateBars(
      bars([
        ['2024-01-01T00:00', 1, 2, 0.5, 1.5],
        ['2024-01-01T01:00', 1.5, 2, 1, 1.8],
      ]),
    )
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
  })

  it('reports each bad row by row index', () => {
    const r = validateBars(
      bars([
        ['2024-01-01T00:00', 1, 2, 0.5, 1.5],
        ['2024-01-01T01:00', 1.5, 1.4, 1, 1.2], // high below open
        ['2024-01-01T02:00', 1.5, 2, 1.6, 1.8], // low above open
        ['2024-01-01T02:00', 1.5, 2, 1, 1.8], // duplicate time
        ['2024-01-01T01:30', 1.5, 2, 1, 1.8], // backwards
        ['2024-01-01T04:00', -1, 2, 1, 1.8], // non-positive
      ]),
      { timeframe: 'H1' },
    )
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'high-below-open-close'],
      [2, 'low-above-open-close'],
      [3, 'duplicate-time'],
      [4, 'time-not-increasing'],
      [5, 'non-positive-price'],
    ])
    expect(r.errors[0]!.message).toBe('row 1: high 1.4 is below open 1.5')
  })

  it('treats weekend gaps as normal info and other gaps longer than the timeframe as warnings', () => {
    const r = validateBars(
      bars([
        ['2024-01-04T22:00', 1, 2, 0.5, 1.5], // Thursday
        ['2024-01-05T01:00', 1, 2, 0.5, 1.5], // Friday: 2 missing H1 bars
        ['2024-01-05T23:00', 1, 2, 0.5, 1.5], // 22 h gap mid-week: warning
        ['2024-01-08T00:00', 1, 2, 0.5, 1.5], // Monday: weekend gap
      ]),
      { timeframe: 'H1' },
    )
    expect(r.warnings.map((w) => w.row)).toEqual([1, 2])
    expect(r.warnings[0]!.message).toBe(
      'gap of 3 h between 2024-01-04 22:00:00 and 2024-01-05 01:00:00 (timeframe H1; 2 weekday bars missing)',
    )
    expect(r.info.find((i) => i.code === 'weekend-gaps')?.message).toBe(
      '1 weekend gaps (market closed Saturday and Sunday): normal, not errors',
    )
  })

  it('notes flat bars (open = high = low = close) as info', () => {
    const r = validateBars(
      bars([
        ['2024-01-01T00:00', 1, 1, 1, 1],
        ['2024-01-02T00:00', 1, 2, 0.5, 1.5],
      ]),
    )
    expect(r.info.find((i) => i.code === 'flat-bars')?.row).toBe(0)
  })
})
