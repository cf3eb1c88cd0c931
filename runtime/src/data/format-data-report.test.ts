import { describe, expect, it } from 'vitest'
import { formatDataReport } from './format-data-report'
import { importBars } from './import-bars'

const TEXT = [
  'Date,Open,High,Low,Close,Adj Close,Volume',
  '2024-01-02,10,11,9,10.5,10.5,100',
  '2024-01-03,0,11,9,10.5,10.5,100',
  '2024-01-04,10,11,9,10.5,10.5,100',
].join('\n')

describe('formatDataReport', () => {
  it('renders a failed import with the errors and their lines', () => {
    const text = formatDataReport(importBars(TEXT))
    expect(text).toContain('Data import FAILED')
    expect(text).toContain('format: yahoo, timeframe: not detected')
    expect(text).toContain(
      'Errors (1):\n  - line 3: open 0 is not a positive price; low 9 is above open 0',
    )
    expect(text).toContain('Totals by kind:\n  non-positive-price: 1')
  })

  it('renders a skip-mode import with range and skipped rows, capping long sections', () => {
    const text = formatDataReport(importBars(TEXT, { skipBadRows: true }), { maxPerSection: 0 })
    expect(text).toContain('Data OK: 2 bars from 3 rows')
    expect(text).toContain('range: 2024-01-02 00:00:00 .. 2024-01-04 00:00:00 (UTC labels)')
    expect(text).toContain('Skipped rows (1):\n  ... 1 more')
  })
})
