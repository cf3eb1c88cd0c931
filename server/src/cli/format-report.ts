import type { BacktestResult, SymbolSpec, Trade } from '@tradeloom/runtime'

/** Money with the account's two decimals and a thousands separator. */
function money(value: number): string {
  return Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : 'n/a'
}

function pct(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} %` : 'n/a'
}

function ratio(value: number): string {
  if (value === Infinity) return '∞'
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a'
}

export function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)
}

function formatTrade(trade: Trade, spec: SymbolSpec): string {
  const side = trade.side === 'long' ? 'BUY ' : 'SELL'
  return (
    `  ${side} ${trade.volume.toFixed(2).padStart(6)}  ${isoTime(trade.entryTime)} @ ${trade.entryPrice.toFixed(spec.digits)}` +
    `  →  ${isoTime(trade.exitTime)} @ ${trade.exitPrice.toFixed(spec.digits)}  ${money(trade.profit).padStart(11)}  ${trade.exitReason}`
  )
}

/** A readable report: the numbers a trader checks first, then the trades. */
export function formatBacktestReport(result: BacktestResult, maxTrades = 20): string[] {
  const s = result.stats
  const out = [
    'Results',
    ...table([
      ['Net profit', money(s.netProfit)],
      ['Total return', pct(s.totalReturnPct)],
      ['CAGR', pct(s.cagrPct)],
      ['Max drawdown', `${money(s.maxDrawdown)} (${pct(s.maxDrawdownPct)})`],
      ['Sharpe (daily, √252)', ratio(s.sharpe)],
      ['Sortino (daily, √252)', ratio(s.sortino)],
      ['Profit factor', ratio(s.profitFactor)],
      ['Trades', `${s.tradeCount} (${s.longCount} long, ${s.shortCount} short)`],
      ['Win rate', pct(s.winRatePct)],
      [
        'Expectancy',
        `${money(s.expectancy)} per trade${Number.isFinite(s.expectancyR) ? `, ${ratio(s.expectancyR)} R` : ''}`,
      ],
      ['Average win / loss', `${money(s.averageWin)} / ${money(s.averageLoss)}`],
      ['Largest win / loss', `${money(s.largestWin)} / ${money(s.largestLoss)}`],
      ['Commission', money(s.totalCommission)],
      ['Exposure', pct(s.exposurePct)],
      ['Buy and hold', pct(s.buyAndHoldReturnPct)],
      ['Final equity', money(s.finalEquity)],
      ['Stopped by', result.stopReason],
    ]),
    '',
  ]
  const shown =
    result.trades.length > maxTrades
      ? [...result.trades.slice(0, maxTrades / 2), ...result.trades.slice(-maxTrades / 2)]
      : result.trades
  out.push(
    `Trades (${result.trades.length}${shown.length < result.trades.length ? `, first and last ${maxTrades / 2}` : ''})`,
  )
  for (const [i, trade] of shown.entries()) {
    if (shown.length < result.trades.length && i === maxTrades / 2) out.push('  …')
    out.push(formatTrade(trade, result.symbol))
  }
  if (result.refusedOrders.length > 0) {
    out.push('', `Refused orders (${result.refusedOrders.length}), first ones:`)
    for (const order of result.refusedOrders.slice(0, 5))
      out.push(`  ${isoTime(order.time)} ${order.action}: ${order.reason}`)
  }
  return out
}
