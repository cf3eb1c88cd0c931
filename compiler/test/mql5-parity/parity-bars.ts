import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSyntheticBars } from '@tradeloom/runtime'

/** High, low and close per bar: all our indicators read. */
export interface ParityBars {
  readonly name: string
  readonly high: Float64Array
  readonly low: Float64Array
  readonly close: Float64Array
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const REAL_DATA = resolve(repoRoot, '../shared/data/EURUSD_H1_mt5_small.csv')

/**
 * Seeded synthetic bars with a flat stretch (high = low = close for 40 bars) in the middle, so the
 * zero-range branches run: RSI's 50, Williams %R repeating, Stochastic's 100, CCI's 0, ADX's TR = 0.
 */
export function syntheticParityBars(): ParityBars {
  const bars = generateSyntheticBars({ seed: 11, count: 2000 })
  const high = Float64Array.from(bars.high)
  const low = Float64Array.from(bars.low)
  const close = Float64Array.from(bars.close)
  const flat = close[899]!
  for (let i = 900; i < 940; i++) {
    high[i] = flat
    low[i] = flat
    close[i] = flat
  }
  return { name: 'synthetic seed 11 (2000 bars, flat 900-939)', high, low, close }
}

/**
 * MT5's own EURUSD H1 export from ../shared/data (tab-separated: DATE TIME OPEN HIGH LOW CLOSE ...),
 * or undefined when the file is not there.
 */
export function realParityBars(): ParityBars | undefined {
  if (!existsSync(REAL_DATA)) return undefined
  const rows = readFileSync(REAL_DATA, 'utf8').trim().split(/\r?\n/).slice(1)
  const high = new Float64Array(rows.length)
  const low = new Float64Array(rows.length)
  const close = new Float64Array(rows.length)
  rows.forEach((row, i) => {
    const cells = row.split('\t')
    high[i] = Number(cells[3])
    low[i] = Number(cells[4])
    close[i] = Number(cells[5])
    if (!(high[i]! > 0 && low[i]! > 0 && close[i]! > 0))
      throw new Error(`${REAL_DATA}: bad row ${i + 2}`)
  })
  return { name: `EURUSD H1 MT5 export (${rows.length} bars)`, high, low, close }
}

export const REAL_DATA_PATH = REAL_DATA
