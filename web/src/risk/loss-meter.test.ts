import { describe, expect, it } from 'vitest'
import { meterText, meterTone, meterWidth } from './loss-meter'

describe('daily-loss meter', () => {
  it('is green below 50 %, amber below 80 %, red from 80 %', () => {
    expect(meterTone(0, false)).toBe('green')
    expect(meterTone(0.499, false)).toBe('green')
    expect(meterTone(0.5, false)).toBe('amber')
    expect(meterTone(0.799, false)).toBe('amber')
    expect(meterTone(0.8, false)).toBe('red')
    expect(meterTone(1.3, false)).toBe('red')
  })

  it('is red when the day is breached, whatever the fraction', () => {
    expect(meterTone(0.1, true)).toBe('red')
    expect(meterTone(null, true)).toBe('red')
    expect(meterWidth(0.1, true)).toBe(100)
    expect(meterText(0.1, true)).toBe('Daily loss limit breached')
  })

  it('clamps the bar and says when nothing is known', () => {
    expect(meterWidth(0.37, false)).toBeCloseTo(37)
    expect(meterWidth(2, false)).toBe(100)
    expect(meterWidth(-0.2, false)).toBe(0)
    expect(meterWidth(null, false)).toBe(0)
    expect(meterTone(null, false)).toBe('green')
    expect(meterText(0.374, false)).toBe('37 % of the daily loss limit used')
    expect(meterText(null, false)).toContain('not known')
  })
})
