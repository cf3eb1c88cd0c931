import { templateBuilder } from './build'

/** Ride trends above a 50-bar EMA with a 3-ATR trailing stop; risk 1% of equity per trade. */
const t = templateBuilder('ATR trailing trend')
t.node('price', 'price', 0, { field: 'close' })
t.node('trend', 'ema', 1, { period: 50 }, 'Trend EMA')
t.node('turns_up', 'cross-above', 2)
t.node('turns_down', 'cross-below', 2)
t.node('stop', 'stop-loss', 2, { unit: 'atr', distance: 3, atrPeriod: 14 }, 'Initial stop')
t.node(
  'trail',
  'trailing-stop',
  2,
  { unit: 'atr', distance: 3, activation: 0, atrPeriod: 14 },
  'ATR trail',
)
t.node('size', 'risk-percent', 2, { value: 1 }, 'Risk 1%')
t.node('buy', 'enter-long', 3)
t.node('sell', 'exit-long', 3)
t.wire('price.value', 'trend.source')
t.wire('price.value', 'turns_up.a')
t.wire('trend.value', 'turns_up.b')
t.wire('price.value', 'turns_down.a')
t.wire('trend.value', 'turns_down.b')
t.wire('turns_up.result', 'buy.when')
t.wire('stop.level', 'buy.stopLoss')
t.wire('trail.trailing', 'buy.trailingStop')
t.wire('size.sizing', 'buy.sizing')
t.wire('turns_down.result', 'sell.when')

export const atrTrailingTrend = t.build()
