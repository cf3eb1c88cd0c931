import { describe, expect, it } from 'vitest'
import { thinSeries } from './thin-series'

describe('thinSeries', () => {
  it('keeps short series as they are', () => {
    expect(thinSeries(new Float64Array([1, 2, 3]), 5)).toEqual([1, 2, 3])
  })

  it('keeps the first and last point and spaces the rest evenly', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i)
    expect(thinSeries(values, 5)).toEqual([0, 25, 50, 75, 100])
  })
})
