import type { Trade } from '@tradeloom/runtime'
import { useReplayStore } from '../replay/useReplayStore'

const when = new Intl.DateTimeFormat('en-GB', {
  year: '2-digit',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

/** Closed trades, newest first; clicking one scrolls the chart to it and selects its entry bar. */
export function TradeList({ trades, digits }: { trades: readonly Trade[]; digits: number }) {
  const focusRange = useReplayStore((state) => state.focusRange)
  const setBar = useReplayStore((state) => state.setBar)
  if (trades.length === 0) return <p className="empty-state">No trades in this run.</p>
  const rows = [...trades].reverse().slice(0, 500)
  return (
    <div className="trade-list">
      <table data-testid="trade-list">
        <caption className="sr-only">Trades, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Side</th>
            <th scope="col">Entry (UTC)</th>
            <th scope="col">Entry</th>
            <th scope="col">Why</th>
            <th scope="col">Profit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((trade) => (
            <tr
              key={trade.id}
              tabIndex={0}
              data-testid="trade-row"
              aria-label={`Show trade ${trade.id} on the chart`}
              onClick={() => {
                focusRange(trade.entryIndex, trade.exitIndex)
                setBar(Math.max(0, trade.entryIndex - 1))
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  focusRange(trade.entryIndex, trade.exitIndex)
                  setBar(Math.max(0, trade.entryIndex - 1))
                }
              }}
            >
              <td>{trade.id}</td>
              <td className={trade.side === 'long' ? 'tone-up' : 'tone-down'}>{trade.side}</td>
              <td>{when.format(new Date(trade.entryTime * 1000))}</td>
              <td title={`exit ${trade.exitPrice.toFixed(digits)}`}>
                {trade.entryPrice.toFixed(digits)}
              </td>
              <td className="muted">{trade.exitReason}</td>
              <td className={trade.profit >= 0 ? 'tone-up' : 'tone-down'}>
                {trade.profit.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {trades.length > rows.length && (
        <p className="muted trade-list__more">
          Showing the newest {rows.length} of {trades.length} trades.
        </p>
      )}
    </div>
  )
}
