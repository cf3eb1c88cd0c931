import { describe, expect, it } from 'vitest'
import { createLag } from './lag'
import { createRunLength } from './run-length'

describe('createLag', () => {
  it('returns the value N bars ago, NaN before', () => {
    const lag = createLag(2)
    expect([1, 2, 3, 4, 5].map((x) => lag.update(x))).toEqual([NaN, NaN, 1, 2, 3])
  })
  it('with 0 bars returns the input itself', () => {
    const lag = createLag(0)
    expect([7, 8].map((x) => lag.update(x))).toEqual([7, 8])
  })
  it('rejects a negative or fractional length', () => {
    expect(() => createLag(-1)).toThrow(RangeError)
    expect(() => createLag(1.5)).toThrow(/whole number/)
  })
})

describe('createRunLength', () => {
  it('counts consecutive rises and resets on a fall, a tie or NaN', () => {
    const rising = createRunLength(1)
    expect([1, 2, 3, 3, 4, NaN, 5, 6].map((x) => rising.update(x))).toEqual([
      0, 1, 2, 0, 1, 0, 0, 1,
    ])
  })
  it('counts falls for direction -1', () => {
    const falling = createRunLength(-1)
    expect([5, 4, 3, 4].map((x) => falling.update(x))).toEqual([0, 1, 2, 0])
  })
})
