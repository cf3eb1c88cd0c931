import { readFileSync } from 'node:fs'
import type { StrategyGraph } from '@tradeloom/compiler'
import { strategyTemplates } from '@tradeloom/compiler'
import type { Bars, ImportResult } from '@tradeloom/runtime'
import { importBars } from '@tradeloom/runtime'
import { lowerBound } from '../datasets/lower-bound'
import { UsageError } from './parse-options'

/** Reads a file or says which one could not be read and why. */
export function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new UsageError(
      `${flag} ${path}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(cause)}`,
    )
  }
}

/** The graph from `--graph file.json` or `--template name`. */
export function loadGraph(flags: Readonly<Record<string, string | undefined>>): unknown {
  if (flags.graph && flags.template)
    throw new UsageError('give either --graph or --template, not both')
  if (flags.template) {
    const template = strategyTemplates.find((t) => t.id === flags.template)
    if (!template)
      throw new UsageError(
        `--template "${flags.template}": unknown; \`tradeloom templates\` lists them`,
      )
    return template.graph satisfies StrategyGraph
  }
  if (!flags.graph) throw new UsageError('--graph <graph.json> or --template <name> is required')
  const text = readText('--graph', flags.graph)
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw new UsageError(`--graph ${flags.graph}: not valid JSON (${(cause as Error).message})`)
  }
}

/** Bars between `from` (inclusive) and `to` (exclusive), as MT5's tester window. */
export function sliceBars(bars: Bars, from: number, to: number): Bars {
  const start = lowerBound(bars.time, from)
  const end = Math.max(start, lowerBound(bars.time, to))
  const pick = (column: Float64Array) => column.subarray(start, end)
  return {
    length: end - start,
    time: pick(bars.time),
    open: pick(bars.open),
    high: pick(bars.high),
    low: pick(bars.low),
    close: pick(bars.close),
    tickVolume: pick(bars.tickVolume),
    spread: pick(bars.spread),
  }
}

export function importData(path: string, skipBadRows: boolean): ImportResult {
  return importBars(readText('--data', path), { skipBadRows })
}
