import { getNodeDefinition } from '@tradeloom/compiler'
import type { PortType, StrategyGraph } from '@tradeloom/compiler'

/** One output of one node on one bar, ready to print on the canvas. */
export interface NodeValue {
  port: string
  type: PortType
  /** NaN while the node is warming up. */
  value: number
  text: string
}

/** The bar columns a price block can show without computing anything. */
interface BarColumns {
  open: Float64Array
  high: Float64Array
  low: Float64Array
  close: Float64Array
}

const PRICE_FIELDS = new Set(['open', 'high', 'low', 'close'])

/**
 * The value of every node's outputs on one bar, read from what the backtest recorded
 * (`series` is keyed by node id, or `id.port` for multi-output nodes). Conditions read as
 * true/false. Source blocks are not recorded by the compiler; a price block that reads a raw bar
 * column shows that column, others show nothing rather than a number this page computed.
 */
export function nodeValuesAt(
  graph: StrategyGraph,
  series: Readonly<Record<string, Float64Array>>,
  bars: BarColumns,
  bar: number,
): Map<string, NodeValue[]> {
  const values = new Map<string, NodeValue[]>()
  for (const node of graph.nodes) {
    const definition = getNodeDefinition(node.kind)
    if (!definition) continue
    const recordable = Object.entries(definition.outputs).filter(
      ([, type]) => type === 'series' || type === 'condition',
    )
    const list: NodeValue[] = []
    for (const [port, type] of recordable) {
      const key = recordable.length === 1 ? node.id : `${node.id}.${port}`
      let value = series[key]?.[bar]
      if (value === undefined && node.kind === 'price') {
        const field = String(node.params.field ?? 'close')
        if (PRICE_FIELDS.has(field)) value = bars[field as keyof BarColumns][bar]
      }
      if (value === undefined) continue
      list.push({ port, type, value, text: formatValue(value, type) })
    }
    if (list.length > 0) values.set(node.id, list)
  }
  return values
}

/** "true"/"false" for conditions, "—" while warming up, five significant digits otherwise. */
export function formatValue(value: number, type: PortType): string {
  if (Number.isNaN(value)) return '—'
  if (type === 'condition') return value !== 0 ? 'true' : 'false'
  const magnitude = Math.abs(value)
  if (magnitude >= 1000) return value.toFixed(2)
  if (magnitude === 0) return '0'
  return Number(value.toPrecision(5)).toString()
}
