import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as runtime from '@tradeloom/runtime'
import { describe, expect, it } from 'vitest'
import { compile, strategyTemplates } from '../src/index'

const dataFile = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/data/EURUSD_H1_mt5_tab.csv',
)
const hasData = existsSync(dataFile)

describe.skipIf(!hasData)('every template on real EURUSD H1 bars (../shared/data)', () => {
  const imported = hasData ? runtime.importBars(readFileSync(dataFile, 'utf8')) : undefined

  it.each(strategyTemplates.map((t) => [t.id, t] as const))('%s makes trades', (_id, template) => {
    if (!imported?.ok || !imported.bars)
      throw new Error(`import failed: ${JSON.stringify(imported?.report).slice(0, 400)}`)
    const result = compile(template.graph)
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    const module = runtime.loadStrategyModule(
      result.ts,
      runtime as unknown as Record<string, unknown>,
    )
    const run = runtime.runBacktest(imported.bars, module.createStrategy(), { symbol: 'EURUSD' })
    expect(run.trades.length).toBeGreaterThan(10)
    expect(run.stats.tradeCount).toBe(run.trades.length)
  })
})

if (!hasData)
  console.warn(
    `templates-trade.test.ts skipped: ${dataFile} is missing (shared data lives beside the repo)`,
  )
