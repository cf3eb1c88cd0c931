/**
 * Imports every real file in ../shared/data (beside the repository; never copied into it).
 * Skipped, with the reason in the test name, when the folder is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importBars } from './import-bars'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const dataDir = path.resolve(repo, '../shared/data')
const present = existsSync(dataDir)
const read = (f: string) => readFileSync(path.join(dataDir, f), 'utf8')
const label = present ? 'shared data files' : `shared data files (SKIPPED: ${dataDir} not found)`

describe.skipIf(!present)(label, () => {
  it('imports every CSV file in the folder', () => {
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv'))
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const f of files) {
      const r = importBars(read(f), { skipBadRows: true })
      expect(r.ok, f).toBe(true)
      expect(r.bars!.length + r.report.skipped.length, f).toBe(r.rowCount)
    }
  })

  it.each([
    ['EURUSD_M15_mt5.csv', 'M15', 49744],
    ['EURUSD_H1_mt5_tab.csv', 'H1', 54614],
    ['EURUSD_H1_mt5_small.csv', 'H1', 3608],
  ])('reads %s as a clean MT5 export', (file, timeframe, rows) => {
    const r = importBars(read(file))
    expect([r.ok, r.format, r.timeframe, r.bars?.length]).toEqual([
      true,
      'mt5-export',
      timeframe,
      rows,
    ])
    expect(r.report.errors).toEqual([])
    expect(r.report.info.find((i) => i.code === 'weekend-gaps')).toBeDefined()
  })

  it('GSPC_daily_yahoo.csv: fails by default, naming the 5,075 rows with open = 0 by line', () => {
    const r = importBars(read('GSPC_daily_yahoo.csv'))
    expect([r.ok, r.format, r.timeframe]).toEqual([false, 'yahoo', 'D1'])
    expect(r.report.counts['non-positive-price']).toBe(5075)
    expect(r.report.errors[0]!.message).toBe(
      'line 8511: open 0 is not a positive price; low 70.70999908447266 is above open 0',
    )
    expect(r.report.errors.at(-1)!.message).toBe('5,025 more errors not listed (50 shown)')
  })

  it('GSPC_daily_yahoo.csv: skip mode drops and reports exactly those 5,075 rows', () => {
    const r = importBars(read('GSPC_daily_yahoo.csv'), { skipBadRows: true })
    expect(r.ok).toBe(true)
    expect(r.report.skipped).toHaveLength(5075)
    expect(
      r.report.skipped.every((s) => s.message.includes('open 0 is not a positive price')),
    ).toBe(true)
    expect([r.report.skipped[0]!.line, r.report.skipped.at(-1)!.line]).toEqual([8511, 13603])
    expect(r.bars!.length).toBe(24114 - 5075)
    expect(r.report.info.find((i) => i.code === 'flat-bars')?.message).toMatch(/^8,528 bars/)
  })
})
