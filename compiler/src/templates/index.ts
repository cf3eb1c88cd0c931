import type { StrategyGraph } from '../graph/schema'
import { atrTrailingTrend } from './atr-trailing-trend'
import { bollingerBreakout } from './bollinger-breakout'
import { bollingerMeanReversion } from './bollinger-mean-reversion'
import { donchianBreakout } from './donchian-breakout'
import { macdTrend } from './macd-trend'
import { rsiReversion } from './rsi-reversion'
import { smaCross } from './sma-cross'
import { stochasticCrossover } from './stochastic-crossover'

export interface StrategyTemplate {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly graph: StrategyGraph
}

/** The gallery, in the order it is shown. Each is golden-tested and must trade on real EURUSD H1. */
export const strategyTemplates: readonly StrategyTemplate[] = [
  {
    id: 'sma-cross',
    name: 'Moving-average crossover',
    description:
      'Buys when a fast simple moving average of the close crosses above a slow one and sells when it crosses back below. A trend follower: it earns in long trends and pays small losses in sideways markets.',
    graph: smaCross,
  },
  {
    id: 'rsi-reversion',
    name: 'RSI reversion',
    description:
      'Buys when RSI(14) climbs back above 30 (the market was oversold and turns up) and takes profit when RSI reaches 70, with a stop two ATRs below the entry. Works in ranges; trends against it hit the stop.',
    graph: rsiReversion,
  },
  {
    id: 'bollinger-breakout',
    name: 'Bollinger breakout',
    description:
      'Goes long when the close breaks above the upper Bollinger Band and short when it breaks below the lower band, leaving when price returns to the middle band. Catches volatility expansions.',
    graph: bollingerBreakout,
  },
  {
    id: 'bollinger-mean-reversion',
    name: 'Bollinger mean reversion',
    description:
      'Fades stretches: buys when the close comes back inside the lower band, shorts when it comes back inside the upper band, and exits at the middle band, with a 1.5-ATR stop.',
    graph: bollingerMeanReversion,
  },
  {
    id: 'macd-trend',
    name: 'MACD trend',
    description:
      'Stop-and-reverse on MACD(12, 26, 9): long when the MACD line crosses above its signal line, short when it crosses below. MT5’s MACD signal is a simple average of the MACD line.',
    graph: macdTrend,
  },
  {
    id: 'donchian-breakout',
    name: 'Donchian breakout (turtle)',
    description:
      'The turtle traders’ rule on daily bars: enter on a close beyond the previous 20-day high or low, exit on the opposite 10-day extreme, with a stop two ATRs away.',
    graph: donchianBreakout,
  },
  {
    id: 'stochastic-crossover',
    name: 'Stochastic crossover',
    description:
      'Buys when %K crosses above %D while %D is below 20 (oversold) and sells short when %K crosses below %D above 80 (overbought). The opposite signal reverses the position.',
    graph: stochasticCrossover,
  },
  {
    id: 'atr-trailing-trend',
    name: 'ATR trailing trend',
    description:
      'Buys when the close crosses above a 50-bar EMA, risks 1% of equity with a 3-ATR stop, trails the stop 3 ATRs behind the price and exits if the close falls back below the EMA.',
    graph: atrTrailingTrend,
  },
]
