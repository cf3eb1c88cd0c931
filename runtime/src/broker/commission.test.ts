import { describe, expect, it } from 'vitest'
import { SYMBOLS } from '../symbols/catalogue'
import { checkCommission, dealCommission, dealValue } from './commission'

const EURUSD = SYMBOLS.EURUSD!

describe('dealCommission', () => {
  it('charges per lot per side, per deal, or a percentage of the value', () => {
    expect(dealCommission(null, 1, 1.1, EURUSD)).toBe(0)
    expect(dealCommission({ kind: 'per-lot', amount: 3.5 }, 0.1, 1.1, EURUSD)).toBe(0.35)
    expect(dealCommission({ kind: 'per-deal', amount: 2 }, 7, 1.1, EURUSD)).toBe(2)
    // 0.1 lot at 1.1001 is worth 11 001 USD; 0.01 % of it = 1.1001 -> 1.10
    expect(dealValue(0.1, 1.1001, EURUSD)).toBeCloseTo(11001, 6)
    expect(dealCommission({ kind: 'percent', percent: 0.01 }, 0.1, 1.1001, EURUSD)).toBe(1.1)
  })

  it('rejects a negative amount by name', () => {
    expect(() => checkCommission({ kind: 'per-lot', amount: -1 })).toThrow(
      'config.commission (per-lot) needs a number >= 0, got -1',
    )
  })
})
