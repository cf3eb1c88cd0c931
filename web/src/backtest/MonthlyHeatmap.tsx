import { useMemo } from 'react'
import type { MonthlyReturn } from '@tradeloom/runtime'
import { heatColor, monthlyGrid } from './monthly-grid'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Monthly returns as a year × month heatmap, with each year's compounded total. */
export function MonthlyHeatmap({ months }: { months: readonly MonthlyReturn[] }) {
  const grid = useMemo(() => monthlyGrid(months), [months])
  if (grid.years.length === 0) return <p className="muted">No monthly returns.</p>
  return (
    <table className="heatmap" data-testid="monthly-heatmap">
      <caption>Monthly returns (%)</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          {MONTHS.map((m) => (
            <th key={m} scope="col">
              {m}
            </th>
          ))}
          <th scope="col">Year</th>
        </tr>
      </thead>
      <tbody>
        {grid.years.map((year, y) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            {grid.cells[y]!.map((value, m) => (
              <td key={m} style={{ background: heatColor(value, grid.maxAbs) }}>
                {value === null ? '' : value.toFixed(1)}
              </td>
            ))}
            <td className={grid.yearTotals[y]! >= 0 ? 'tone-up' : 'tone-down'}>
              {grid.yearTotals[y]!.toFixed(1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
