import { describe, expect, it } from 'vitest'
import { heatColor, monthlyGrid } from './monthly-grid'

const month = (year: number, m: number, returnPct: number) => ({
  year,
  month: m,
  startEquity: 0,
  endEquity: 0,
  returnPct,
})

describe('monthlyGrid', () => {
  it('places months in a year × month grid and compounds the year', () => {
    const grid = monthlyGrid([month(2024, 11, 10), month(2024, 12, -10), month(2025, 1, 5)])
    expect(grid.years).toEqual([2024, 2025])
    expect(grid.cells[0]![10]).toBe(10)
    expect(grid.cells[0]![0]).toBeNull()
    expect(grid.yearTotals[0]).toBeCloseTo(-1, 10)
    expect(grid.yearTotals[1]).toBeCloseTo(5, 10)
    expect(grid.maxAbs).toBe(10)
  })

  it('colours gains green, losses red, and empty months not at all', () => {
    expect(heatColor(5, 10)).toMatch(/^rgb\(38 166 154/)
    expect(heatColor(-5, 10)).toMatch(/^rgb\(239 83 80/)
    expect(heatColor(null, 10)).toBe('transparent')
  })
})
