import type { EmittedNode } from './emit'

export interface Plot {
  /** The key the strategy passes to `ctx.record`. */
  readonly key: string
  readonly label: string
  readonly nodeId: string
  readonly pane: 'price' | 'oscillator'
}

/** Series outputs worth drawing, with the pane each belongs on. */
export function listPlots(nodes: readonly EmittedNode[]): Plot[] {
  const panes = new Map<string, 'price' | 'oscillator'>()
  const plots: Plot[] = []
  for (const { planned, records } of nodes) {
    const { node, definition } = planned
    const firstSeriesInput = Object.entries(definition.inputs).find(
      ([, type]) => type === 'series',
    )?.[0]
    const upstream = firstSeriesInput ? planned.inputEdges[firstSeriesInput]?.source : undefined
    const pane = definition.pane ?? (upstream ? panes.get(upstream) : undefined) ?? 'oscillator'
    panes.set(node.id, pane)
    for (const record of records) {
      if (definition.outputs[record.port] !== 'series') continue
      const suffix = Object.keys(definition.outputs).length > 1 ? ` ${record.port}` : ''
      plots.push({
        key: record.key,
        label: `${planned.displayName}${suffix}`,
        nodeId: node.id,
        pane,
      })
    }
  }
  return plots
}
