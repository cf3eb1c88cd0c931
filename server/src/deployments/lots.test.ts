import { describe, expect, it } from 'vitest'
import { builtInSymbols } from './test-fixtures'
import {
  isMultipleOfStep,
  lotRangeCheck,
  lotStepCheck,
  nearestValidLot,
  stepDecimals,
} from './lots'

const eurusd = builtInSymbols().find((s) => s.name === 'EURUSD')!
const index = { ...eurusd, name: 'GER40', volumeMin: 0.5, volumeMax: 50, volumeStep: 0.5 }

describe('lot checks', () => {
  it('counts the decimals of a step', () => {
    expect([0.01, 0.1, 0.5, 1, 0.001].map(stepDecimals)).toEqual([2, 1, 1, 0, 3])
  })

  it('accepts multiples of the step up to float noise, and nothing else', () => {
    expect(isMultipleOfStep(0.1 + 0.2, 0.01)).toBe(true)
    expect(isMultipleOfStep(1.15, 0.05)).toBe(true)
    expect(isMultipleOfStep(100, 0.01)).toBe(true)
    expect(isMultipleOfStep(0.015, 0.01)).toBe(false)
    expect(isMultipleOfStep(0.30000001, 0.01)).toBe(false)
  })

  it('suggests the nearest valid lot within the symbol limits', () => {
    expect(nearestValidLot(0.017, eurusd)).toBe(0.02)
    expect(nearestValidLot(0.001, eurusd)).toBe(0.01)
    expect(nearestValidLot(1.3, index)).toBe(1.5)
    expect(nearestValidLot(0.2, index)).toBe(0.5)
    expect(nearestValidLot(60.2, index)).toBe(50)
  })

  it('names the limit and what to use', () => {
    expect(lotRangeCheck(0.001, eurusd)).toEqual({
      check: 'lot_min_max',
      ok: false,
      message: '0.001 lots is below the minimum of 0.01 lots for EURUSD: use at least 0.01',
    })
    expect(lotRangeCheck(0.1, eurusd).ok).toBe(true)
    expect(lotStepCheck(1.3, index)).toEqual({
      check: 'lot_step',
      ok: false,
      message:
        '1.3 lots is not a multiple of the volume step 0.5 of GER40: use 1.5 (the nearest valid lot)',
    })
    expect(lotStepCheck(1.5, index).ok).toBe(true)
    expect(lotStepCheck(1, undefined).ok).toBe(false)
  })
})
