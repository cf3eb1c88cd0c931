import { templateBuilder } from './build'

/** Always in the market: long when MACD crosses above its signal, short when it crosses below. */
const t = templateBuilder('MACD trend')
t.node('price', 'price', 0, { field: 'close' })
t.node('macd', 'macd', 1, { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 }, 'MACD')
t.node('bullish', 'cross-above', 2)
t.node('bearish', 'cross-below', 2)
t.node('buy', 'enter-long', 3)
t.node('sell_short', 'enter-short', 3)
t.wire('price.value', 'macd.source')
t.wire('macd.main', 'bullish.a')
t.wire('macd.signal', 'bullish.b')
t.wire('macd.main', 'bearish.a')
t.wire('macd.signal', 'bearish.b')
t.wire('bullish.result', 'buy.when')
t.wire('bearish.result', 'sell_short.when')

export const macdTrend = t.build()
