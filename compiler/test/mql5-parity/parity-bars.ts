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

/**
 * A copy of `values` with NaN holes after the start, as a division by zero upstream leaves them:
 * single bars every 97 bars, a run of 61 bars (longer than any period in the parity cases) and
 * the last bar.
 */
export function withHoles(values: Float64Array, offset = 0): Float64Array {
  const out = Float64Array.from(values)
  const len = out.length
  for (let i = 50 + offset; i < len; i += 97) out[i] = NaN
  for (let i = 1200; i <= 1260 && i < len; i++) out[i] = NaN
  if (len > 0) out[len - 1] = NaN
  return out
}

/**
 * The bars with NaN holes on different bars in each column: the close as `withHoles`, the high
 * and the low alone on other bars, so every bar input is missing on its own somewhere.
 */
export function holeyParityBars(bars: ParityBars): ParityBars {
  const high = Float64Array.from(bars.high)
  const low = Float64Array.from(bars.low)
  for (let i = 10; i < high.length; i += 89) high[i] = NaN
  for (let i = 20; i < low.length; i += 113) low[i] = NaN
  return { name: `${bars.name}, NaN holes`, high, low, close: withHoles(bars.close) }
}
