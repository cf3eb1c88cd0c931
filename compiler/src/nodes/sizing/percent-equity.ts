import { defineSizing, percentParam } from './define-sizing'

export const percentEquity = defineSizing({
  kind: 'percent-equity',
  runtimeKind: 'percent-equity',
  field: 'percent',
  mql5Kind: 'TL_SIZING_PERCENT_EQUITY',
  label: 'Percent of equity',
  description:
    'Each entry buys a position worth this percentage of the account’s equity (more than 100% uses leverage).',
  param: percentParam('Position value', 10, 10_000),
  sentence: (percent) => `a position worth ${percent}% of equity`,
})
