import type { Stats } from '@tradeloom/runtime'

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

type NumericKey = { [K in keyof Stats]: Stats[K] extends number ? K : never }[keyof Stats]

/** Statistics from the worker (numbers, NaN for undefined) or the server (JSON: null). */
export type StatsLike = Partial<Record<NumericKey, number | null>>

interface Row {
  label: string
  key: NumericKey
  format(value: number): string
  signed?: boolean
  /** Shown only in the full view. */
  detail?: boolean
}

const pct =
  (digits = 2) =>
  (value: number) =>
    `${value.toFixed(digits)} %`
const ratio = (value: number) => value.toFixed(2)

const ROWS: Row[] = [
  { label: 'Net profit', key: 'netProfit', format: (v) => money.format(v), signed: true },
  { label: 'Return', key: 'totalReturnPct', format: pct(), signed: true },
  { label: 'Trades', key: 'tradeCount', format: (v) => String(v) },
  { label: 'Win rate', key: 'winRatePct', format: pct(1) },
  { label: 'Profit factor', key: 'profitFactor', format: ratio },
  { label: 'Max drawdown', key: 'maxDrawdownPct', format: pct() },
  { label: 'Sharpe', key: 'sharpe', format: ratio },
  { label: 'Expectancy', key: 'expectancy', format: (v) => money.format(v), signed: true },
  { label: 'CAGR', key: 'cagrPct', format: pct(), signed: true, detail: true },
  { label: 'Sortino', key: 'sortino', format: ratio, detail: true },
  { label: 'Calmar', key: 'calmar', format: ratio, detail: true },
  {
    label: 'Max drawdown (money)',
    key: 'maxDrawdown',
    format: (v) => money.format(v),
    detail: true,
  },
  { label: 'Average win', key: 'averageWin', format: (v) => money.format(v), detail: true },
  { label: 'Average loss', key: 'averageLoss', format: (v) => money.format(v), detail: true },
  { label: 'Largest win', key: 'largestWin', format: (v) => money.format(v), detail: true },
  { label: 'Largest loss', key: 'largestLoss', format: (v) => money.format(v), detail: true },
  { label: 'Exposure', key: 'exposurePct', format: pct(1), detail: true },
  {
    label: 'Avg bars in trade',
    key: 'averageBarsInTrade',
    format: (v) => v.toFixed(1),
    detail: true,
  },
  { label: 'Buy and hold', key: 'buyAndHoldReturnPct', format: pct(), signed: true, detail: true },
]

const testId = (key: string) => `stat-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

/**
 * The headline numbers of a run. NaN, Infinity and null mean "undefined for this run" (e.g. no
 * losing trades): shown as a dash. `full` adds the secondary statistics.
 */
export function StatsPanel({ stats, full = false }: { stats: StatsLike; full?: boolean }) {
  return (
    <dl className={`stats${full ? ' stats--full' : ''}`} data-testid="stats">
      {ROWS.filter((row) => full || !row.detail).map((row) => {
        const value = stats[row.key]
        const known = typeof value === 'number' && Number.isFinite(value)
        const tone = known && row.signed ? (value >= 0 ? 'tone-up' : 'tone-down') : undefined
        return (
          <div key={row.key} className="stats__row">
            <dt>{row.label}</dt>
            <dd data-testid={testId(row.key)} className={tone}>
              {known ? row.format(value) : '—'}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
