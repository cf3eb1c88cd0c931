import { describe, expect, it } from 'vitest'
import { barsFromColumns, createBars } from './bars'

describe('createBars', () => {
  it('allocates zero-filled columns of the given length', () => {
    const bars = createBars(3)
    expect(bars.length).toBe(3)
    expect([...bars.close]).toEqual([0, 0, 0])
    expect(bars.spread).toBeInstanceOf(Float64Array)
  })

  it('rejects a bad length', () => {
    expect(() => createBars(-1)).toThrow(
      'createBars: length must be a non-negative integer, got -1',
    )
  })
})

describe('barsFromColumns', () => {
  const columns = {
    time: [0, 60],
    open: [1, 2],
    high: [1.5, 2.5],
    low: [0.5, 1.5],
    close: [1.2, 2.2],
  }

  it('copies columns and defaults volume and spread to zero', () => {
    const bars = barsFromColumns(columns)
    expect(bars.length).toBe(2)
    expect([...bars.high]).toEqual([1.5, 2.5])
    expect([...bars.tickVolume]).toEqual([0, 0])
    expect([...bars.spread]).toEqual([0, 0])
  })

  it('names the column whose length differs from time', () => {
    expect(() => barsFromColumns({ ...columns, low: [0.5] })).toThrow(
      'barsFromColumns: column "low" has 1 values but "time" has 2',
    )
    expect(() => barsFromColumns({ ...columns, spread: new Float64Array(3) })).toThrow(
      'column "spread"',
    )
  })
})
