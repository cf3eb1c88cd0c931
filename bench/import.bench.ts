/**
 * runtime.import.mt5_csv.rows_per_s: importBars on the real MT5 export
 * ../shared/data/EURUSD_M15_mt5.csv (49,744 rows), text already in memory (parsing and validation
 * only, no disk I/O). Skipped with a message when the shared data folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { importBars } from '../runtime/src/index.ts'
import { measure, report } from './harness.ts'

const file = path.resolve(process.cwd(), '../shared/data/EURUSD_M15_mt5.csv')
if (!existsSync(file)) {
  console.error(`import bench SKIPPED: ${file} not found`)
} else {
  const text = readFileSync(file, 'utf8')
  const first = importBars(text)
  if (!first.ok || first.bars === null)
    throw new Error(`import failed: ${first.report.errors[0]?.message}`)
  const rows = first.bars.length
  report(
    'runtime.import.mt5_csv.rows_per_s',
    measure(() => importBars(text), { items: rows, runs: 15, warmup: 5 }),
    'rows/s',
  )
}
