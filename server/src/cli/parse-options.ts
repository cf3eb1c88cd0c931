import type { BacktestConfig, Commission, Sizing } from '@tradeloom/runtime'

/** A command-line mistake: printed as is, with the usage, and exit code 2. */
export class UsageError extends Error {}

/** `per-lot:7`, `per-deal:2.5` or `percent:0.01`: commission per lot per side, per deal, or % of value. */
export function parseCommission(text: string): Commission {
  const [kind, amountText] = text.split(':')
  const amount = Number(amountText)
  if (amountText === undefined || !Number.isFinite(amount) || amount < 0) {
    throw new UsageError(
      `--commission "${text}": expected per-lot:N, per-deal:N or percent:N with N >= 0`,
    )
  }
  if (kind === 'per-lot') return { kind: 'per-lot', amount }
  if (kind === 'per-deal') return { kind: 'per-deal', amount }
  if (kind === 'percent') return { kind: 'percent', percent: amount }
  throw new UsageError(
    `--commission "${text}": unknown kind "${kind}" (per-lot, per-deal or percent)`,
  )
}

/** `fixed:0.1` lots, `percent-equity:10` or `risk-percent:1`. */
export function parseSizing(text: string): Sizing {
  const [kind, valueText] = text.split(':')
  const value = Number(valueText)
  if (valueText === undefined || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `--sizing "${text}": expected fixed:LOTS, percent-equity:N or risk-percent:N with a positive number`,
    )
  }
  if (kind === 'fixed') return { kind: 'fixed', lots: value }
  if (kind === 'percent-equity') return { kind: 'percent-equity', percent: value }
  if (kind === 'risk-percent') return { kind: 'risk-percent', percent: value }
  throw new UsageError(
    `--sizing "${text}": unknown kind "${kind}" (fixed, percent-equity or risk-percent)`,
  )
}

/** A date as `YYYY-MM-DD` (UTC midnight) or `YYYY-MM-DDTHH:MM`, in epoch seconds. */
export function parseDate(flag: string, text: string): number {
  const match = /^(\d{4})[-.](\d{2})[-.](\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text)
  if (!match)
    throw new UsageError(`${flag} "${text}": expected a date like 2020-01-31 or 2020-01-31T14:00`)
  const [, y, mo, d, h = '0', mi = '0'] = match
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi))
  if (Number.isNaN(ms)) throw new UsageError(`${flag} "${text}" is not a valid date`)
  return ms / 1000
}

export function parsePositive(flag: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} "${text}": expected a positive number`)
  return value
}

export function parseNonNegative(flag: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${flag} "${text}": expected a number >= 0`)
  return value
}

/** The backtest settings the flags describe (only those given). */
export function configFromFlags(
  flags: Readonly<Record<string, string | undefined>>,
): Partial<BacktestConfig> {
  const config: Partial<BacktestConfig> = {}
  if (flags.symbol) config.symbol = flags.symbol
  if (flags.cash) config.initialCash = parsePositive('--cash', flags.cash)
  if (flags.lots) config.lots = parsePositive('--lots', flags.lots)
  if (flags.commission) config.commission = parseCommission(flags.commission)
  if (flags.sizing) config.sizing = parseSizing(flags.sizing)
  if (flags.spread) config.spread = parseNonNegative('--spread', flags.spread)
  if (flags.slippage) config.slippage = parseNonNegative('--slippage', flags.slippage)
  if (flags.mode) {
    if (flags.mode !== 'netting' && flags.mode !== 'hedging')
      throw new UsageError(`--mode "${flags.mode}": netting or hedging`)
    config.accountMode = flags.mode
  }
  return config
}
