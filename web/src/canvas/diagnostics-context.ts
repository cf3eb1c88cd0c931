import { createContext, useContext } from 'react'
import type { Diagnostic } from '@tradeloom/compiler'

const NO_DIAGNOSTICS: readonly Diagnostic[] = []

/** The latest compile diagnostics, grouped by the node they name. */
export const DiagnosticsContext = createContext<ReadonlyMap<string, readonly Diagnostic[]>>(
  new Map(),
)

/** Groups diagnostics by `nodeId`; graph-wide ones (no nodeId) are shown elsewhere. */
export function groupByNode(
  diagnostics: readonly Diagnostic[],
): ReadonlyMap<string, readonly Diagnostic[]> {
  const byNode = new Map<string, Diagnostic[]>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.nodeId === undefined) continue
    const list = byNode.get(diagnostic.nodeId) ?? []
    list.push(diagnostic)
    byNode.set(diagnostic.nodeId, list)
  }
  return byNode
}

/** The diagnostics naming one node (stable empty array when there are none). */
export function useNodeDiagnostics(nodeId: string): readonly Diagnostic[] {
  return useContext(DiagnosticsContext).get(nodeId) ?? NO_DIAGNOSTICS
}
