import { describe, expect, it } from 'vitest'
import { checkLots, formatLots, lotHint, nearestValidLot, stepDecimals } from './lots'

const fx = { volumeMin: 0.01, volumeMax: 100, volumeStep: 0.01 }
const index = { volumeMin: 0.1, volumeMax: 50, volumeStep: 0.1 }

describe('lot validation', () => {
  it('accepts sizes within the limits that are multiples of the step', () => {
    expect(checkLots(0.01, fx)).toEqual({ ok: true })
    expect(checkLots(0.3, index)).toEqual({ ok: true }) // 0.3 / 0.1 is not exactly 3 in floats
    expect(checkLots(100, fx)).toEqual({ ok: true })
  })

  it('refuses a size below the minimum and suggests the minimum', () => {
    const check = checkLots(0.05, index)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.message).toContain("below the symbol's minimum of 0.1")
    expect(check.nearest).toBe(0.1)
  })

  it('refuses a size above the maximum', () => {
    const check = checkLots(120, fx)
    expect(check).toMatchObject({ ok: false, nearest: 100 })
  })

  it('refuses a size that is not a multiple of the step and names the nearest valid one', () => {
    const check = checkLots(0.25, index)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.message).toContain('not a multiple of the step 0.1')
    expect(check.message).toContain('0.3')
    expect(check.nearest).toBeCloseTo(0.3, 12)
  })

  it('refuses zero, negatives and non-numbers', () => {
    expect(checkLots(0, fx).ok).toBe(false)
    expect(checkLots(-1, fx).ok).toBe(false)
    expect(checkLots(Number.NaN, fx).ok).toBe(false)
  })

  it('formats hints and sizes with the step decimals', () => {
    expect(stepDecimals(0.01)).toBe(2)
    expect(stepDecimals(1)).toBe(0)
    expect(stepDecimals(0.1)).toBe(1)
    expect(formatLots(0.1 + 0.2, 0.01)).toBe('0.3')
    expect(lotHint(fx)).toBe('min 0.01 · max 100 · step 0.01 lots')
  })

  it('snaps to the nearest multiple inside the limits', () => {
    expect(nearestValidLot(0.123, fx)).toBe(0.12)
    expect(nearestValidLot(0.001, fx)).toBe(0.01)
    expect(nearestValidLot(1000, index)).toBe(50)
  })
})
