import { describe, expect, it } from 'vitest'
import { detectTimeframe, modalSpacing, TIMEFRAMES, timeframeSeconds } from './timeframe'

const times = (step: number, n: number, skipEvery = 0) => {
  const out: number[] = []
  let t = 1_600_000_000
  for (let i = 0; i < n; i++) {
    out.push(t)
    t += skipEvery > 0 && i % skipEvery === skipEvery - 1 ? step * 3 : step
  }
  return Float64Array.from(out)
}

describe('detectTimeframe', () => {
  it('detects every timeframe from the modal spacing, ignoring gaps', () => {
    for (const tf of TIMEFRAMES.filter((t) => t !== 'MN1')) {
      expect(detectTimeframe(times(timeframeSeconds(tf), 50, 5))).toBe(tf)
    }
  })

  it('detects monthly bars whatever the month length', () => {
    const months = Float64Array.from([0, 1, 2, 3, 4, 5], (m) => Date.UTC(2021, m, 1) / 1000)
    expect(detectTimeframe(months)).toBe('MN1')
  })

  it('returns null for unsupported spacings and too few bars', () => {
    expect(detectTimeframe(times(120, 10))).toBeNull()
    expect(detectTimeframe(new Float64Array([1]))).toBeNull()
    expect(modalSpacing(times(120, 10))).toBe(120)
  })

  it('rejects an unknown timeframe name', () => {
    expect(() => timeframeSeconds('H2' as never)).toThrow(/unknown timeframe "H2"/)
  })
})
