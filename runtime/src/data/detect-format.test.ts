import { describe, expect, it } from 'vitest'
import type { ColumnPlan } from './detect-format'
import { detectFormat } from './detect-format'

const plan = (header: string) => {
  const p = detectFormat(header)
  if (typeof p === 'string') throw new Error(p)
  return p as ColumnPlan
}

describe('detectFormat', () => {
  it('recognises MT5 Export Bars with and without angle brackets', () => {
    const a = plan('<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>')
    const b = plan('DATE\tTIME\tOPEN\tHIGH\tLOW\tCLOSE\tTICKVOL\tVOL\tSPREAD')
    for (const p of [a, b]) {
      expect(p.format).toBe('mt5-export')
      expect([p.time, p.timeOfDay, p.open, p.close, p.tickVolume, p.spread]).toEqual([
        0, 1, 2, 5, 6, 8,
      ])
      expect(p.ignored).toEqual(['vol'])
    }
  })

  it('recognises an MT5 daily export without the TIME column', () => {
    const p = plan('<DATE>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>')
    expect([p.format, p.time, p.timeOfDay, p.open]).toEqual(['mt5-export', 0, -1, 1])
  })

  it('recognises MetaTrader5-python copy_rates CSV, with or without a pandas index column', () => {
    expect(plan('time,open,high,low,close,tick_volume,spread,real_volume').format).toBe(
      'mt5-python',
    )
    const p = plan(',time,open,high,low,close,tick_volume,spread,real_volume')
    expect([p.format, p.time, p.tickVolume]).toEqual(['mt5-python', 1, 6])
  })

  it('recognises Yahoo daily and uses Close, not Adj Close', () => {
    const p = plan('Date,Open,High,Low,Close,Adj Close,Volume')
    expect([p.format, p.close, p.tickVolume]).toEqual(['yahoo', 4, 6])
    expect(p.ignored).toEqual(['adj close'])
  })

  it('falls back to a generic CSV with case-insensitive names and ; or , separators', () => {
    const p = plan('Timestamp;OPEN;High;low;Close;Volume')
    expect([p.format, p.delimiter, p.time, p.tickVolume, p.spread]).toEqual([
      'generic',
      59,
      0,
      5,
      -1,
    ])
  })

  it('names missing columns and what it found', () => {
    expect(detectFormat('date,open,close')).toMatch(
      /header is missing high, low; found columns: "date", "open", "close"/,
    )
    expect(detectFormat('open,high,low,close')).toMatch(/missing a time column/)
  })

  it('says when the first line is data, not a header', () => {
    expect(detectFormat('2020.01.01\t00:00\t1.1\t1.2\t1.0\t1.1')).toMatch(/line 1 is not a header/)
  })
})
