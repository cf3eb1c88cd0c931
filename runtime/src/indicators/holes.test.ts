import { describe, expect, it } from 'vitest'
import { packHoles, packRows, unpackLines, unpackRows } from './holes'

const f64 = (xs: number[]) => Float64Array.from(xs)

describe('packHoles', () => {
  it('leaves a series alone when its only NaNs are leading ones (MT5 begin)', () => {
    expect(packHoles(f64([NaN, NaN, 1, 2]))).toBeUndefined()
    expect(packHoles(f64([1, 2, 3]))).toBeUndefined()
    expect(packHoles(f64([NaN, NaN]))).toBeUndefined()
    expect(packHoles(f64([]))).toBeUndefined()
  })

  it('packs the values of a series with holes and remembers where they were', () => {
    const packed = packHoles(f64([NaN, 1, NaN, NaN, 2, 3, NaN]))!
    expect(Array.from(packed.columns.values)).toEqual([1, 2, 3])
    expect(Array.from(packed.rows)).toEqual([1, 4, 5])
    expect(packed.length).toBe(7)
  })
})

describe('packRows', () => {
  it('keeps only the rows where every column has a value', () => {
    const packed = packRows({ high: f64([3, NaN, 5, 6]), low: f64([1, 2, 4, NaN]) })!
    expect(Array.from(packed.columns.high)).toEqual([3, 5])
    expect(Array.from(packed.columns.low)).toEqual([1, 4])
    expect(Array.from(packed.rows)).toEqual([0, 2])
  })

  it('returns undefined when nothing is missing', () => {
    expect(packRows({ high: f64([3, 4]), low: f64([1, 2]) })).toBeUndefined()
  })
})

describe('unpackRows', () => {
  it('repeats the previous output on a skipped row, NaN before the first row', () => {
    const packed = packHoles(f64([NaN, 1, NaN, 2, NaN]))!
    expect(Array.from(unpackRows(f64([10, 20]), packed))).toEqual([NaN, 10, 10, 20, 20])
  })

  it('spreads every line of a multi-line result', () => {
    const packed = packHoles(f64([1, NaN, 2]))!
    const lines = unpackLines({ a: f64([1, 2]), b: f64([NaN, 5]) }, packed)
    expect(Array.from(lines.a)).toEqual([1, 1, 2])
    expect(Array.from(lines.b)).toEqual([NaN, NaN, 5])
  })
})
