import { templateBuilder } from './build'

/** %K crossing %D from oversold buys; from overbought it sells short. */
const t = templateBuilder('Stochastic crossover')
t.node(
  'stoch',
  'stochastic',
  0,
  { kPeriod: 5, dPeriod: 3, slowing: 3, priceField: 'lowhigh' },
  'Stochastic',
)
t.node('oversold', 'number', 0, { value: 20 }, 'Oversold level')
t.node('overbought', 'number', 0, { value: 80 }, 'Overbought level')
t.node('k_up', 'cross-above', 1)
t.node('k_down', 'cross-below', 1)
t.node('is_oversold', 'less', 1)
t.node('is_overbought', 'greater', 1)
t.node('buy_signal', 'and', 2)
t.node('sell_signal', 'and', 2)
t.node('buy', 'enter-long', 3)
t.node('sell_short', 'enter-short', 3)
t.wire('stoch.main', 'k_up.a')
t.wire('stoch.signal', 'k_up.b')
t.wire('stoch.main', 'k_down.a')
t.wire('stoch.signal', 'k_down.b')
t.wire('stoch.signal', 'is_oversold.a')
t.wire('oversold.value', 'is_oversold.b')
t.wire('stoch.signal', 'is_overbought.a')
t.wire('overbought.value', 'is_overbought.b')
t.wire('k_up.result', 'buy_signal.a')
t.wire('is_oversold.result', 'buy_signal.b')
t.wire('k_down.result', 'sell_signal.a')
t.wire('is_overbought.result', 'sell_signal.b')
t.wire('buy_signal.result', 'buy.when')
t.wire('sell_signal.result', 'sell_short.when')

export const stochasticCrossover = t.build()
