import type { Stats } from '@tradeloom/runtime'

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

interface Row {
  label: string
  value: string
  testId: string
  tone?: 'up' | 'down'
}

/** NaN and Infinity mean "undefined for this run" (e.g. no losing trades): show a dash. */
function number(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

function signedTone(value: number): 'up' | 'down' {
  return value >= 0 ? 'up' : 'down'
}

/** The headline numbers of a preview run. */
export function StatsPanel({ stats }: { stats: Stats }) {
  const rows: Row[] = [
    {
      label: 'Net profit',
      value: money.format(stats.netProfit),
      testId: 'stat-net-profit',
      tone: signedTone(stats.netProfit),
    },
    {
      label: 'Return',
      value: `${number(stats.totalReturnPct)} %`,
      testId: 'stat-return',
      tone: signedTone(stats.totalReturnPct),
    },
    { label: 'Trades', value: String(stats.tradeCount), testId: 'stat-trades' },
    { label: 'Win rate', value: `${number(stats.winRatePct, 1)} %`, testId: 'stat-win-rate' },
    { label: 'Profit factor', value: number(stats.profitFactor), testId: 'stat-profit-factor' },
    {
      label: 'Max drawdown',
      value: `${money.format(stats.maxDrawdown)} (${number(stats.maxDrawdownPct)} %)`,
      testId: 'stat-max-drawdown',
    },
  ]
  return (
    <dl className="stats" data-testid="stats">
      {rows.map((row) => (
        <div key={row.testId} className="stats__row">
          <dt>{row.label}</dt>
          <dd data-testid={row.testId} className={row.tone ? `tone-${row.tone}` : undefined}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
