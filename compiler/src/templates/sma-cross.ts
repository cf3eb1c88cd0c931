import type { StrategyGraph } from '../graph/schema'

/** The classic: long while the fast average is above the slow one. */
export const smaCross: StrategyGraph = {
  schemaVersion: 1,
  meta: { name: 'SMA crossover', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
  nodes: [
    { id: 'price_1', kind: 'price', params: { field: 'close' }, position: { x: 0, y: 160 } },
    {
      id: 'sma_fast',
      kind: 'sma',
      label: 'Fast MA',
      params: { period: 10 },
      position: { x: 260, y: 40 },
    },
    {
      id: 'sma_slow',
      kind: 'sma',
      label: 'Slow MA',
      params: { period: 30 },
      position: { x: 260, y: 220 },
    },
    { id: 'cross_up', kind: 'cross-above', params: {}, position: { x: 540, y: 40 } },
    { id: 'cross_down', kind: 'cross-below', params: {}, position: { x: 540, y: 300 } },
    { id: 'enter_long', kind: 'enter-long', params: {}, position: { x: 800, y: 40 } },
    { id: 'exit_long', kind: 'exit-long', params: {}, position: { x: 800, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'price_1', sourcePort: 'value', target: 'sma_fast', targetPort: 'source' },
    { id: 'e2', source: 'price_1', sourcePort: 'value', target: 'sma_slow', targetPort: 'source' },
    { id: 'e3', source: 'sma_fast', sourcePort: 'value', target: 'cross_up', targetPort: 'a' },
    { id: 'e4', source: 'sma_slow', sourcePort: 'value', target: 'cross_up', targetPort: 'b' },
    { id: 'e5', source: 'sma_fast', sourcePort: 'value', target: 'cross_down', targetPort: 'a' },
    { id: 'e6', source: 'sma_slow', sourcePort: 'value', target: 'cross_down', targetPort: 'b' },
    {
      id: 'e7',
      source: 'cross_up',
      sourcePort: 'result',
      target: 'enter_long',
      targetPort: 'when',
    },
    {
      id: 'e8',
      source: 'cross_down',
      sourcePort: 'result',
      target: 'exit_long',
      targetPort: 'when',
    },
  ],
}
