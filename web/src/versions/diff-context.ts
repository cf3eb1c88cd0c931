import { createContext, useContext } from 'react'
import type { NodeChangeKind } from './graph-diff'

/** While a diff is shown: how each node changed between the two versions. */
export const NodeDiffContext = createContext<ReadonlyMap<string, NodeChangeKind> | null>(null)

/** This node's change in the diff being shown, if any. */
export function useNodeDiff(nodeId: string): NodeChangeKind | undefined {
  return useContext(NodeDiffContext)?.get(nodeId)
}
