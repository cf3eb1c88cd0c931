import { parseArgs } from 'node:util'
import type { Flags, Print } from './commands'
import { backtestCommand, dataCommand, templatesCommand } from './commands'
import { UsageError } from './parse-options'

const USAGE = `Usage:
  tradeloom backtest (--graph <graph.json> | --template <name>) --data <bars.csv> [options]
  tradeloom data --data <bars.csv> [--skip-bad-rows]     data-quality report of a bar file
  tradeloom templates                                    list the template names

Backtest options:
  --symbol S            symbol from the catalogue (EURUSD, GBPUSD, USDJPY, XAUUSD, US500, BTCUSD, AAPL)
  --from D --to D       window, YYYY-MM-DD[THH:MM]; from inclusive, to exclusive
  --cash N              starting balance (default 10000)
  --lots N              lots per entry when no sizing is set (default 0.1)
  --sizing K:N          fixed:LOTS | percent-equity:N | risk-percent:N
  --commission K:N      per-lot:N (per side) | per-deal:N | percent:N
  --spread P            fixed spread in points (default: each bar's spread)
  --slippage P          slippage in points on market and stop fills
  --mode M              netting (default) or hedging
  --skip-bad-rows       drop bad rows of the data file (each one is reported)
  --json                print { stats, trades } as JSON
Bar files: MT5 "Export Bars", MetaTrader5-python copy_rates CSV, Yahoo daily CSV, generic OHLCV CSV.`

const OPTIONS = {
  graph: { type: 'string' },
  template: { type: 'string' },
  data: { type: 'string' },
  symbol: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  cash: { type: 'string' },
  lots: { type: 'string' },
  sizing: { type: 'string' },
  commission: { type: 'string' },
  spread: { type: 'string' },
  slippage: { type: 'string' },
  mode: { type: 'string' },
  'skip-bad-rows': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Runs one CLI invocation and returns its exit code: 0 done, 1 the input was bad, 2 usage. */
export function runCli(argv: readonly string[], print: Print, printError: Print): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    })
    const flags: Flags = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        typeof v === 'boolean' ? (v ? '' : undefined) : v,
      ]),
    )
    const [command, ...rest] = positionals
    if (values.help || command === undefined || command === 'help') {
      print(USAGE)
      return command === undefined && !values.help ? 2 : 0
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`)
    if (command === 'backtest') return backtestCommand(flags, print)
    if (command === 'data') return dataCommand(flags, print)
    if (command === 'templates') return templatesCommand(print)
    throw new UsageError(`unknown command "${command}"`)
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      printError(`tradeloom: ${(error as Error).message}`)
      printError('Run `tradeloom --help` for usage.')
      return 2
    }
    throw error
  }
}

// Run when executed (bin/tradeloom.mjs), not when imported by tests.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  process.exitCode = runCli(
    process.argv.slice(2),
    (line) => console.log(line),
    (line) => console.error(line),
  )
}
