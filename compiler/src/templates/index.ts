import type { StrategyGraph } from '../graph/schema'
import { smaCross } from './sma-cross'

export interface StrategyTemplate {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly graph: StrategyGraph
}

/** The gallery, in the order it is shown. */
export const strategyTemplates: readonly StrategyTemplate[] = [
  {
    id: 'sma-cross',
    name: 'Moving-average crossover',
    description:
      'Buys when a fast simple moving average of the close crosses above a slow one and sells when it crosses back below. A trend follower: it earns in long trends and pays small losses in sideways markets.',
    graph: smaCross,
  },
]
