import type { CompileSuccess } from '@tradeloom/compiler'
import { compile, strategyTemplates } from '@tradeloom/compiler'
import * as runtime from '@tradeloom/runtime'
import { formatDataReport } from '@tradeloom/runtime'
import { formatBacktestReport, isoTime } from './format-report'
import { importData, loadGraph, sliceBars } from './load-inputs'
import { configFromFlags, parseDate, UsageError } from './parse-options'

export type Flags = Readonly<Record<string, string | undefined>>
export type Print = (line: string) => void

/** `tradeloom templates`: the gallery, one per line. */
export function templatesCommand(print: Print): number {
  const width = Math.max(...strategyTemplates.map((t) => t.id.length))
  for (const t of strategyTemplates) print(`${t.id.padEnd(width)}  ${t.name}: ${t.description}`)
  return 0
}

/** `tradeloom data <file>`: import a bar file and print its data-quality report. */
export function dataCommand(flags: Flags, print: Print): number {
  if (!flags.data) throw new UsageError('--data <file.csv> is required')
  const imported = importData(flags.data, flags['skip-bad-rows'] !== undefined)
  print(`${flags.data}:`)
  print(formatDataReport(imported, { maxPerSection: Infinity }))
  return imported.ok ? 0 : 1
}

/** `tradeloom backtest …`: compile a graph, import bars, run, report (text or --json). */
export function backtestCommand(flags: Flags, print: Print): number {
  const config = configFromFlags(flags)
  const result = compile(loadGraph(flags))
  if (!result.ok) {
    print('The strategy does not compile:')
    for (const d of result.diagnostics)
      print(
        `  ${d.severity} ${d.code}${d.nodeId ? ` [node ${d.nodeId}]` : ''}${d.edgeId ? ` [edge ${d.edgeId}]` : ''}: ${d.message}`,
      )
    return 1
  }
  if (!flags.data) throw new UsageError('--data <file.csv> is required')
  const imported = importData(flags.data, flags['skip-bad-rows'] !== undefined)
  if (!imported.ok || !imported.bars) {
    print(
      `Data quality report for ${flags.data} (the import stopped; --skip-bad-rows drops bad rows and lists each):`,
    )
    print(formatDataReport(imported, { maxPerSection: Infinity }))
    return 1
  }
  const from = flags.from ? parseDate('--from', flags.from) : -Infinity
  const to = flags.to ? parseDate('--to', flags.to) : Infinity
  const bars = sliceBars(imported.bars, from, to)
  if (bars.length === 0) throw new UsageError(`no bars between --from and --to in ${flags.data}`)
  const run = runStrategy(result, bars, config)
  if (flags.json !== undefined) {
    print(
      JSON.stringify(
        {
          stats: run.stats,
          trades: run.trades,
          refusedOrders: run.refusedOrders,
          stopReason: run.stopReason,
        },
        jsonNumbers,
        2,
      ),
    )
    return 0
  }
  print(`Strategy: ${result.graph.meta.name}`)
  for (const sentence of result.summary) print(`  ${sentence}`)
  print(
    `Data: ${flags.data} (${imported.format}, ${imported.timeframe}), ${bars.length} bars ${isoTime(bars.time[0]!)} → ${isoTime(bars.time[bars.length - 1]!)}`,
  )
  const skipped = imported.report.skipped.length
  if (skipped > 0) print(`  ${skipped} bad rows skipped (run \`tradeloom data\` to list them)`)
  print(`Symbol ${run.symbol.name}, starting cash ${run.initialCash}`)
  print('')
  for (const line of formatBacktestReport(run)) print(line)
  return 0
}

function runStrategy(
  result: CompileSuccess,
  bars: runtime.Bars,
  config: Partial<runtime.BacktestConfig>,
): runtime.BacktestResult {
  const module = runtime.loadStrategyModule(
    result.ts,
    runtime as unknown as Record<string, unknown>,
  )
  try {
    return runtime.runBacktest(bars, module.createStrategy(), config)
  } catch (cause) {
    // The runtime checks its settings before the loop and names the bad one.
    if (cause instanceof RangeError || cause instanceof TypeError)
      throw new UsageError(cause.message)
    throw cause
  }
}

/** JSON has no NaN or Infinity: undefined statistics become null. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value
}
