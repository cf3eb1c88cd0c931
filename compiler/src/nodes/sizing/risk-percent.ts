import { defineSizing, percentParam } from './define-sizing'

export const riskPercent = defineSizing({
  kind: 'risk-percent',
  runtimeKind: 'risk-percent',
  field: 'percent',
  mql5Kind: 'TL_SIZING_RISK_PERCENT',
  label: 'Risk % per trade',
  description:
    'Sizes each entry so that hitting its stop loss loses this percentage of equity. Needs a stop loss on the same entry.',
  param: percentParam('Risk per trade', 1, 100),
  sentence: (percent) => `risking ${percent}% of equity to the stop`,
})
