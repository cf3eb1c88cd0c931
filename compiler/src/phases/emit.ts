import type { InputRef, Mql5Fragment, TsFragment } from '../nodes/define-node'
import type { ParamValues, ParamSpecs } from '../nodes/params'
import { humanizePort } from '../nodes/port-label'
import { commentText } from '../targets/text'
import type { Plan, PlannedNode } from './plan'

/** One node's code for both targets, plus what the printers need to comment and order it. */
export interface EmittedNode {
  readonly planned: PlannedNode
  /** "[sma_1] SMA(10) of close ← "Fast MA"" */
  readonly comment: string
  readonly sentence: string
  readonly ts: TsFragment
  readonly mql5: Mql5Fragment
  /** Keys this node records for charts and replay, with the TS expression recorded. */
  readonly records: readonly { readonly key: string; readonly port: string; readonly ts: string }[]
  /** Exits run before entries on the same bar, in both targets. */
  readonly actionPriority: number
}

/**
 * Runs every node's two emitters in plan order. Each node sees its inputs as expressions in both
 * languages, so the TypeScript and the MQL5 are built from the same wiring, statement for statement.
 */
export function emitNodes(plan: Plan): EmittedNode[] {
  const outputs = new Map<string, { ts: string; mql5: string; sentence: string }>()
  const emitted: EmittedNode[] = []
  const features = plan.features
  for (const planned of plan.nodes) {
    const { node, definition } = planned
    const inputs: Record<string, InputRef> = {}
    const inputSentences: Record<string, string> = {}
    for (const [port, edge] of Object.entries(planned.inputEdges)) {
      const upstream = outputs.get(`${edge.source}.${edge.sourcePort}`)!
      inputs[port] = { ts: upstream.ts, mql5: upstream.mql5 }
      inputSentences[port] = upstream.sentence
    }
    const sentence = definition.sentence(
      planned.paramValues as ParamValues<ParamSpecs>,
      inputSentences,
    )
    const ctx = {
      nodeId: node.id,
      name: planned.name,
      sentence,
      params: planned.params,
      inputs,
      features,
    }
    const ts = definition.emitTs(ctx)
    const mql5 = definition.emitMql5(ctx)
    // Downstream sentences refer to a labelled node by its label: "Fast MA crosses above Slow MA".
    const reference = node.label ?? sentence
    const ports = Object.keys(definition.outputs)
    for (const port of ports) {
      // A node with several lines names the one used: "Bands upper", "MACD(12, 26, 9) signal".
      outputs.set(`${node.id}.${port}`, {
        ts: ts.outputs[port]!,
        mql5: mql5.outputs[port]!,
        sentence: ports.length > 1 ? `${reference} ${humanizePort(port)}` : reference,
      })
    }
    // Series and conditions are recorded for charts and replay; order modifiers are not values.
    const recordable = ports.filter((port) =>
      ['series', 'condition'].includes(definition.outputs[port]!),
    )
    const records =
      definition.category === 'source'
        ? []
        : recordable.map((port) => ({
            key: recordable.length === 1 ? node.id : `${node.id}.${port}`,
            port,
            ts:
              definition.outputs[port] === 'condition'
                ? `${ts.outputs[port]} ? 1 : 0`
                : ts.outputs[port]!,
          }))
    const label = node.label ? ` <- "${commentText(node.label)}"` : ''
    emitted.push({
      planned,
      comment: `[${node.id}] ${commentText(sentence)}${label}`,
      sentence,
      ts,
      mql5,
      records,
      actionPriority: /^(exit|close)/.test(node.kind) ? 0 : 1,
    })
  }
  return emitted
}

/** Action nodes in execution order: exits first, then entries, each group in plan order. */
export function orderedActions(nodes: readonly EmittedNode[]): EmittedNode[] {
  return nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => (node.ts.actions?.length ?? 0) > 0)
    .sort((a, b) => a.node.actionPriority - b.node.actionPriority || a.index - b.index)
    .map(({ node }) => node)
}
