import type { Edge, NodeDefinition, NodeInstance, StrategyGraph } from '../../src/index'

/**
 * Builds the smallest graph that puts one node kind to work with its default settings: its inputs
 * fed from a close price and a moving-average cross, its output driving an entry, plus an exit,
 * so the strategy opens and closes trades.
 */
export function harnessGraph(definition: NodeDefinition): StrategyGraph {
  const nodes: NodeInstance[] = [
    node('src', 'price', { field: 'close' }),
    node('fast', 'sma', { period: 5 }),
    node('slow', 'sma', { period: 20 }),
    node('up', 'cross-above', {}),
    node('down', 'cross-below', {}),
  ]
  const edges: Edge[] = [
    edge('src', 'value', 'fast', 'source'),
    edge('src', 'value', 'slow', 'source'),
    edge('fast', 'value', 'up', 'a'),
    edge('slow', 'value', 'up', 'b'),
    edge('fast', 'value', 'down', 'a'),
    edge('slow', 'value', 'down', 'b'),
  ]
  const test = node('test', definition.kind, {})
  nodes.push(test)
  for (const [port, type] of Object.entries(definition.inputs)) {
    if (definition.optionalInputs?.includes(port)) continue
    edges.push(
      type === 'series'
        ? edge('src', 'value', 'test', port)
        : edge(definition.kind === 'exit-short' ? 'up' : 'down', 'result', 'test', port),
    )
  }
  if (definition.kind === 'enter-long' || definition.kind === 'enter-short') {
    edges.pop()
    edges.push(edge(definition.kind === 'enter-long' ? 'up' : 'down', 'result', 'test', 'when'))
    nodes.push(node('exit', definition.kind === 'enter-long' ? 'exit-long' : 'exit-short', {}))
    edges.push(edge(definition.kind === 'enter-long' ? 'down' : 'up', 'result', 'exit', 'when'))
    return graph(definition.kind, nodes, edges)
  }
  const [port, type] = Object.entries(definition.outputs)[0] ?? []
  const entry = node('entry', definition.kind === 'exit-short' ? 'enter-short' : 'enter-long', {})
  nodes.push(entry, node('exit', entry.kind === 'enter-short' ? 'exit-short' : 'exit-long', {}))
  edges.push(edge('down', 'result', 'exit', 'when'))
  if (definition.category === 'action') {
    edges.push(edge(definition.kind === 'exit-short' ? 'down' : 'up', 'result', 'entry', 'when'))
    return graph(definition.kind, nodes, edges)
  }
  if (type === 'series') {
    nodes.push(node('smooth', 'sma', { period: 3 }), node('signal', 'cross-above', {}))
    edges.push(
      edge('test', port!, 'smooth', 'source'),
      edge('test', port!, 'signal', 'a'),
      edge('smooth', 'value', 'signal', 'b'),
      edge('signal', 'result', 'entry', 'when'),
    )
  } else if (type === 'condition') {
    nodes.push(node('both', 'or', {}))
    edges.push(
      edge('test', port!, 'both', 'a'),
      edge('up', 'result', 'both', 'b'),
      edge('both', 'result', 'entry', 'when'),
    )
  } else {
    edges.push(edge('up', 'result', 'entry', 'when'))
    const target = {
      level: definition.kind === 'take-profit' ? 'takeProfit' : 'stopLoss',
      trailing: 'trailingStop',
      'break-even': 'breakEven',
      sizing: 'sizing',
    }[type!]!
    edges.push(edge('test', port!, 'entry', target))
    if (definition.kind === 'risk-percent') {
      nodes.push(node('stop', 'stop-loss', {}))
      edges.push(edge('stop', 'level', 'entry', 'stopLoss'))
    }
  }
  return graph(definition.kind, nodes, edges)
}

function node(id: string, kind: string, params: NodeInstance['params']): NodeInstance {
  return { id, kind, params, position: { x: 0, y: 0 } }
}

function edge(source: string, sourcePort: string, target: string, targetPort: string): Edge {
  return {
    id: `${source}_${sourcePort}__${target}_${targetPort}`,
    source,
    sourcePort,
    target,
    targetPort,
  }
}

function graph(kind: string, nodes: NodeInstance[], edges: Edge[]): StrategyGraph {
  return {
    schemaVersion: 1,
    meta: { name: `harness for ${kind}`, symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
    nodes,
    edges,
  }
}
