import type { RegimePerformance } from '@tradeloom/runtime'

const LABELS: Record<string, string> = {
  bull: 'Bull',
  bear: 'Bear',
  sideways: 'Sideways',
  'high-volatility': 'High volatility',
  unclassified: 'Unclassified (warm-up)',
}

/** How the strategy did in each market regime the runtime classified. */
export function RegimeTable({ regimes }: { regimes: readonly RegimePerformance[] }) {
  return (
    <table className="regime-table" data-testid="regime-table">
      <caption>Performance by market regime</caption>
      <thead>
        <tr>
          <th scope="col">Regime</th>
          <th scope="col">Bars</th>
          <th scope="col">Return</th>
          <th scope="col">Trades</th>
          <th scope="col">Wins</th>
        </tr>
      </thead>
      <tbody>
        {regimes.map((row) => (
          <tr key={row.regime}>
            <th scope="row">{LABELS[row.regime] ?? row.regime}</th>
            <td>{row.barsPct.toFixed(0)} %</td>
            <td className={row.returnPct >= 0 ? 'tone-up' : 'tone-down'}>
              {Number.isFinite(row.returnPct) ? `${row.returnPct.toFixed(2)} %` : '—'}
            </td>
            <td>{row.trades}</td>
            <td>{row.wins}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
