import type { MonthlyReturn } from '@tradeloom/runtime'

export interface MonthlyGrid {
  years: number[]
  /** `cells[y][m]`: return in percent of month m+1 of years[y], or null without bars. */
  cells: (number | null)[][]
  /** Compounded return of each year over its months with bars, in percent. */
  yearTotals: number[]
  /** Largest absolute monthly return, to scale the heatmap colours. */
  maxAbs: number
}

/** Lays monthly returns out as a year × month grid for the heatmap. */
export function monthlyGrid(months: readonly MonthlyReturn[]): MonthlyGrid {
  const years = [...new Set(months.map((m) => m.year))].sort((a, b) => a - b)
  const cells = years.map(() => new Array<number | null>(12).fill(null))
  let maxAbs = 0
  for (const m of months) {
    const value = m.returnPct
    cells[years.indexOf(m.year)]![m.month - 1] = Number.isFinite(value) ? value : null
    if (Number.isFinite(value)) maxAbs = Math.max(maxAbs, Math.abs(value))
  }
  const yearTotals = cells.map(
    (row) => (row.reduce<number>((growth, v) => growth * (1 + (v ?? 0) / 100), 1) - 1) * 100,
  )
  return { years, cells, yearTotals, maxAbs }
}

/** A background colour for a return: green up, red down, stronger with size. */
export function heatColor(value: number | null, maxAbs: number): string {
  if (value === null) return 'transparent'
  const strength = maxAbs > 0 ? Math.min(1, Math.abs(value) / maxAbs) : 0
  const alpha = 0.12 + strength * 0.68
  return value >= 0
    ? `rgb(38 166 154 / ${alpha.toFixed(2)})`
    : `rgb(239 83 80 / ${alpha.toFixed(2)})`
}
