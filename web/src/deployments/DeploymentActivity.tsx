import { listTrades } from '../api/deployments'
import type { Deployment, DeploymentCommand, HeartbeatPosition } from '../api/deployments'
import { commandLabel, commandState, formatMoney, formatNumber, formatTime } from './format'
import { ErrorBox, Loading } from './ui'
import { usePolling } from './usePolling'

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Equity, balance, margin and open positions from the EA's newest heartbeat. */
export function HeartbeatSnapshot({ deployment }: { deployment: Deployment }) {
  const beat = deployment.lastHeartbeat
  if (!beat) {
    return (
      <section className="snapshot" aria-labelledby="snapshot-title">
        <h3 id="snapshot-title">Account (last heartbeat)</h3>
        <p className="muted">No heartbeat yet.</p>
      </section>
    )
  }
  const positions = Array.isArray(beat.positions) ? (beat.positions as HeartbeatPosition[]) : []
  const figures: [string, number | undefined][] = [
    ['Equity', asNumber(beat.equity)],
    ['Balance', asNumber(beat.balance)],
    ['Margin', asNumber(beat.margin)],
    ['Free margin', asNumber(beat.freeMargin)],
  ]
  return (
    <section className="snapshot" aria-labelledby="snapshot-title">
      <h3 id="snapshot-title">Account (last heartbeat)</h3>
      <dl className="facts facts--row" data-testid="heartbeat-figures">
        {figures
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatMoney(value)}</dd>
            </div>
          ))}
      </dl>
      {positions.length === 0 ? (
        <p className="muted" data-testid="positions-empty">
          No open positions.
        </p>
      ) : (
        <table className="data-table" aria-label="Open positions" data-testid="positions">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Type</th>
              <th scope="col">Volume</th>
              <th scope="col">Open price</th>
              <th scope="col">SL</th>
              <th scope="col">TP</th>
              <th scope="col">Profit</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((position) => (
              <tr key={position.ticket}>
                <td>{position.ticket}</td>
                <td>{position.type}</td>
                <td>{position.volume}</td>
                <td>{position.priceOpen}</td>
                <td>{position.sl || '—'}</td>
                <td>{position.tp || '—'}</td>
                <td className={position.profit < 0 ? 'tone-down' : 'tone-up'}>
                  {formatMoney(position.profit)}
                </td>
                <td>{formatTime(position.timeMsc)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The newest 20 commands and where each is: queued, sent, acknowledged (with the EA's words). */
export function CommandHistory({ commands }: { commands: DeploymentCommand[] }) {
  return (
    <section className="commands" aria-labelledby="commands-title">
      <h3 id="commands-title">Commands</h3>
      {commands.length === 0 ? (
        <p className="muted">No commands sent to this EA yet.</p>
      ) : (
        <table className="data-table" aria-label="Command history" data-testid="commands">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Command</th>
              <th scope="col">From</th>
              <th scope="col">Reason</th>
              <th scope="col">Issued</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => {
              const state = commandState(command)
              return (
                <tr key={command.commandId} data-command={command.command}>
                  <td>{command.commandId}</td>
                  <td>{commandLabel(command.command)}</td>
                  <td>{command.source.replaceAll('_', ' ')}</td>
                  <td>{command.reason}</td>
                  <td>{formatTime(command.issuedAt)}</td>
                  <td>
                    <span className={`tone-${state.tone}`}>{state.text}</span>
                    {command.ackMessage && <span className="muted"> — {command.ackMessage}</span>}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Trade reports with execution quality: requested vs filled price, slippage, spread, latency. */
export function TradesTable({ deploymentId }: { deploymentId: string }) {
  const polled = usePolling(`trades:${deploymentId}`, () =>
    listTrades(deploymentId, { limit: 100 }),
  )
  const trades = polled.data?.trades
  return (
    <section className="trades" aria-labelledby="trades-title">
      <h3 id="trades-title">Trades</h3>
      {polled.loading ? (
        <Loading what="trades" />
      ) : !trades ? (
        <ErrorBox message={`Could not load the trades: ${polled.error ?? 'no answer'}`} />
      ) : trades.length === 0 ? (
        <p className="muted" data-testid="trades-empty">
          No trades reported yet.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Trades" data-testid="trades">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Deal</th>
                <th scope="col">Type</th>
                <th scope="col">Entry</th>
                <th scope="col">Volume</th>
                <th scope="col">Requested</th>
                <th scope="col">Filled</th>
                <th scope="col" title="Positive is against you">
                  Slippage (pts)
                </th>
                <th scope="col">Spread (pts)</th>
                <th scope="col">Latency (ms)</th>
                <th scope="col">Retcode</th>
                <th scope="col">Profit</th>
              </tr>
            </thead>
            <tbody>
              {trades.map((trade) => (
                <tr
                  key={trade.id}
                  className={trade.kind === 'rejected' ? 'is-rejected' : undefined}
                >
                  <td>{formatTime(trade.timeMsc)}</td>
                  <td>{trade.kind === 'deal' ? trade.deal : <em>rejected</em>}</td>
                  <td>{trade.type}</td>
                  <td>{trade.entry ?? '—'}</td>
                  <td>{trade.volume}</td>
                  <td>{trade.requestedPrice ?? '—'}</td>
                  <td>{trade.price ?? '—'}</td>
                  <td
                    className={
                      trade.slippagePoints !== null && trade.slippagePoints > 0
                        ? 'tone-down'
                        : undefined
                    }
                  >
                    {formatNumber(trade.slippagePoints, 1)}
                  </td>
                  <td>{formatNumber(trade.spreadPoints, 0)}</td>
                  <td>{formatNumber(trade.latencyMs, 1)}</td>
                  <td title={trade.failureReason ?? undefined}>
                    {trade.retcode ?? '—'}
                    {trade.failureReason && (
                      <span className="tone-down"> {trade.failureReason}</span>
                    )}
                  </td>
                  <td className={trade.profit < 0 ? 'tone-down' : undefined}>
                    {trade.kind === 'deal'
                      ? formatMoney(trade.profit + trade.commission + trade.swap + trade.fee)
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trades && polled.error && <p className="tone-down">Refreshing failed: {polled.error}</p>}
    </section>
  )
}
