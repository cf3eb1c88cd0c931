import type { StrategyGraph } from '@tradeloom/compiler'

/**
 * A small, complete SMA-cross graph written out by hand, so web tests do not depend on the
 * template's exact layout.
 */
export function sampleGraph(): StrategyGraph {
  return {
    schemaVersion: 1,
    meta: { name: 'Test cross', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
    nodes: [
      { id: 'price', kind: 'price', params: { field: 'close' }, position: { x: 0, y: 0 } },
      {
        id: 'fast',
        kind: 'sma',
        params: { period: 10 },
        position: { x: 200, y: -60 },
        label: 'Fast',
      },
      { id: 'slow', kind: 'sma', params: { period: 30 }, position: { x: 200, y: 60 } },
      { id: 'up', kind: 'cross-above', params: {}, position: { x: 400, y: -60 } },
      { id: 'down', kind: 'cross-below', params: {}, position: { x: 400, y: 60 } },
      { id: 'buy', kind: 'enter-long', params: {}, position: { x: 600, y: -60 } },
      { id: 'sell', kind: 'exit-long', params: {}, position: { x: 600, y: 60 } },
    ],
    edges: [
      edge('price', 'value', 'fast', 'source'),
      edge('price', 'value', 'slow', 'source'),
      edge('fast', 'value', 'up', 'a'),
      edge('slow', 'value', 'up', 'b'),
      edge('fast', 'value', 'down', 'a'),
      edge('slow', 'value', 'down', 'b'),
      edge('up', 'result', 'buy', 'when'),
      edge('down', 'result', 'sell', 'when'),
    ],
  }
}

function edge(source: string, sourcePort: string, target: string, targetPort: string) {
  return { id: `${source}-${target}-${targetPort}`, source, sourcePort, target, targetPort }
}
