import { describe, expect, it } from 'vitest'
import {
  configFromFlags,
  parseCommission,
  parseDate,
  parseSizing,
  UsageError,
} from './parse-options'

describe('CLI option parsing', () => {
  it('reads commissions and sizing rules', () => {
    expect(parseCommission('per-lot:7')).toEqual({ kind: 'per-lot', amount: 7 })
    expect(parseCommission('percent:0.01')).toEqual({ kind: 'percent', percent: 0.01 })
    expect(parseSizing('risk-percent:1')).toEqual({ kind: 'risk-percent', percent: 1 })
    expect(parseSizing('fixed:0.25')).toEqual({ kind: 'fixed', lots: 0.25 })
  })

  it('names the flag and what it expected', () => {
    expect(() => parseCommission('per-trade:3')).toThrow(/--commission "per-trade:3": unknown kind/)
    expect(() => parseSizing('fixed:-1')).toThrow(UsageError)
    expect(() => parseDate('--from', '2020/01/01')).toThrow(/--from "2020\/01\/01"/)
    expect(() => configFromFlags({ cash: 'lots' })).toThrow(
      /--cash "lots": expected a positive number/,
    )
  })

  it('turns dates into epoch seconds in UTC', () => {
    expect(parseDate('--from', '2020-01-31')).toBe(Date.UTC(2020, 0, 31) / 1000)
    expect(parseDate('--to', '2020-01-31T14:30')).toBe(Date.UTC(2020, 0, 31, 14, 30) / 1000)
  })
})
