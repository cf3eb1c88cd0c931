import { describe, expect, it } from 'vitest'
import { importBars } from './import-bars'

const MT5 = [
  '<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>',
  '2020.01.27\t00:00:00\t1.10295\t1.10321\t1.10271\t1.10290\t194\t0\t2',
  '2020.01.27\t00:15:00\t1.10289\t1.10297\t1.10266\t1.10287\t443\t0\t3',
  '2020.01.27\t00:30:00\t1.10287\t1.10300\t1.10280\t1.10299\t120\t0\t2',
]

const ok = (text: string, skipBadRows = false) => {
  const r = importBars(text, { skipBadRows })
  if (!r.ok) throw new Error(r.report.errors.map((e) => e.message).join('\n'))
  return { ...r, bars: r.bars! }
}

describe('importBars formats', () => {
  it('reads an MT5 export (LF) into columnar bars', () => {
    const r = ok(MT5.join('\n') + '\n')
    expect([r.format, r.timeframe, r.bars.length]).toEqual(['mt5-export', 'M15', 3])
    expect(r.bars.time[1]).toBe(Date.UTC(2020, 0, 27, 0, 15) / 1000)
    expect(Array.from(r.bars.open)).toEqual([1.10295, 1.10289, 1.10287])
    expect(Array.from(r.bars.tickVolume)).toEqual([194, 443, 120])
    expect(Array.from(r.bars.spread)).toEqual([2, 3, 2])
    expect(Array.from(r.lines)).toEqual([2, 3, 4])
  })

  it('reads CRLF, no angle brackets and HH:MM times the same way', () => {
    const text = MT5.map((l) => l.replace(/[<>]/g, '').replace(/(\d\d:\d\d):00/, '$1')).join('\r\n')
    const r = ok(text)
    expect(r.bars.time).toEqual(ok(MT5.join('\n')).bars.time)
    expect(r.bars.close[2]).toBe(1.10299)
  })

  it('reads MetaTrader5-python copy_rates CSV (epoch seconds)', () => {
    const r = ok(
      'time,open,high,low,close,tick_volume,spread,real_volume\n' +
        '1577836800,1.1,1.2,1.0,1.15,10,5,0\n1577840400,1.15,1.25,1.1,1.2,12,6,0\n',
    )
    expect([r.format, r.timeframe, r.bars.time[0], r.bars.spread[1]]).toEqual([
      'mt5-python',
      'H1',
      1577836800,
      6,
    ])
    expect(r.report.info.map((i) => i.code)).toContain('time-unit')
  })

  it('reads Yahoo daily CSV, taking Volume as the volume column', () => {
    const r = ok(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2023-12-27,10,11,9,10.5,10.4,1000\n2023-12-28,10.5,12,10,11,10.9,2000\n',
    )
    expect([r.format, r.timeframe, r.bars.close[1], r.bars.tickVolume[1]]).toEqual([
      'yahoo',
      'D1',
      11,
      2000,
    ])
  })

  it('reads generic CSV with ISO timestamps, epoch seconds or epoch milliseconds', () => {
    const iso = ok(
      'timestamp,Open,High,Low,Close\n2021-01-04T10:00:00Z,1,2,0.5,1.5\n2021-01-04T10:05:00Z,1.5,2,1,1.8\n',
    )
    const secs = ok('Time,O,H,L,C\n1609754400,1,2,0.5,1.5\n1609754700,1.5,2,1,1.8\n')
    const ms = ok(
      'time;open;high;low;close\n1609754400000;1;2;0.5;1.5\n1609754700000;1.5;2;1;1.8\n',
    )
    for (const r of [iso, secs, ms]) {
      expect(r.format).toBe('generic')
      expect(r.timeframe).toBe('M5')
      expect(Array.from(r.bars.time)).toEqual([1609754400, 1609754700])
    }
    expect(ms.report.info.find((i) => i.code === 'time-unit')?.message).toMatch(/milliseconds/)
  })
})

describe('importBars bad rows', () => {
  const BAD = [
    'Date,Open,High,Low,Close,Adj Close,Volume',
    '2023-01-02,10,11,9,10.5,10.5,100',
    '2023-01-03,0,11,9,10.5,10.5,100', // open 0
    '2023-01-04,10,11,9,x,10.5,100', // bad number
    '2023-01-05,10,11,9', // field count
    '2023-01-05,10,9.5,9,10.5,10.5,100', // high below open and close
    '2023-01-01,10,11,9,10.5,10.5,100', // time goes backwards
    '2023-13-01,10,11,9,10.5,10.5,100', // bad date
    '2023-01-06,10,11,9,10.5,10.5,100',
  ].join('\n')

  it('fails by default, listing each error with its line number and what is wrong', () => {
    const r = importBars(BAD)
    expect(r.ok).toBe(false)
    expect(r.bars).toBeNull()
    expect(r.report.errors.map((e) => e.message)).toEqual([
      'line 3: open 0 is not a positive price; low 9 is above open 0',
      'line 4: CLOSE "x" is not a number',
      'line 5: expected 7 fields, found 4',
      'line 6: high 9.5 is below open 10',
      "line 7: time 2023-01-01 00:00:00 is before the previous bar's 2023-01-02 00:00:00",
      'line 8: cannot read time DATE "2023-13-01" (expected YYYY.MM.DD or YYYY-MM-DD, optionally with HH:MM[:SS])',
    ])
    expect(r.report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8])
  })

  it('with skipBadRows, skips and reports every bad row; nothing is dropped silently', () => {
    const r = importBars(BAD, { skipBadRows: true })
    expect(r.ok).toBe(true)
    expect(r.report.errors).toEqual([])
    expect(r.report.skipped.map((s) => s.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(r.bars!.length + r.report.skipped.length).toBe(r.rowCount)
    expect(Array.from(r.lines)).toEqual([2, 9])
  })

  it('reports duplicate times', () => {
    const r = importBars(MT5.slice(0, 3).concat(MT5[2]!).join('\n'))
    expect(r.report.errors[0]?.message).toBe('line 4: duplicate time 2020-01-27 00:15:00')
    expect(r.report.counts['duplicate-time']).toBe(1)
  })

  it('caps the listed errors but counts them all', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `${1609754400 + i * 60},0,1,1,1`)
    const r = importBars(['time,open,high,low,close', '1609750000,1,1,1,1', ...rows].join('\n'), {
      maxListed: 10,
    })
    expect(r.report.errors).toHaveLength(11)
    expect(r.report.errors[10]!.message).toBe('70 more errors not listed (10 shown)')
    expect(r.report.counts['non-positive-price']).toBe(80)
  })

  it('explains an empty file, a missing header and a file without valid rows', () => {
    expect(importBars('').report.errors[0]!.message).toBe('the file is empty')
    expect(importBars('1,2,3,4,5\n').report.errors[0]!.code).toBe('no-header')
    const none = importBars('date,open,high,low,close\n2020-01-01,0,0,0,0\n', { skipBadRows: true })
    expect([none.ok, none.report.errors[0]!.code]).toEqual([false, 'no-data'])
  })

  it('notes blank lines in the middle instead of dropping them silently', () => {
    const r = ok([MT5[0], MT5[1], '', MT5[2]].join('\n') + '\n')
    expect(r.report.info.find((i) => i.code === 'blank-lines')?.message).toBe(
      '1 blank lines ignored',
    )
  })
})
