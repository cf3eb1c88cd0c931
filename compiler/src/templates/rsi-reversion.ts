import { templateBuilder } from './build'

/** Buy when RSI climbs back out of oversold; take profit when it reaches overbought; ATR stop. */
const t = templateBuilder('RSI reversion')
t.node('price', 'price', 0, { field: 'close' })
t.node('rsi', 'rsi', 1, { period: 14 }, 'RSI')
t.node('oversold', 'number', 1, { value: 30 }, 'Oversold level')
t.node('overbought', 'number', 1, { value: 70 }, 'Overbought level')
t.node('leaves_oversold', 'cross-above', 2)
t.node('reaches_overbought', 'cross-above', 2)
t.node('stop', 'stop-loss', 2, { unit: 'atr', distance: 2, atrPeriod: 14 }, 'ATR stop')
t.node('buy', 'enter-long', 3)
t.node('sell', 'exit-long', 3)
t.wire('price.value', 'rsi.source')
t.wire('rsi.value', 'leaves_oversold.a')
t.wire('oversold.value', 'leaves_oversold.b')
t.wire('rsi.value', 'reaches_overbought.a')
t.wire('overbought.value', 'reaches_overbought.b')
t.wire('leaves_oversold.result', 'buy.when')
t.wire('stop.level', 'buy.stopLoss')
t.wire('reaches_overbought.result', 'sell.when')

export const rsiReversion = t.build()
