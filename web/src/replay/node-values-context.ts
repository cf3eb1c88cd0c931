import { createContext, useContext } from 'react'
import type { NodeValue } from './node-values'

const NONE: readonly NodeValue[] = []

/** Each node's values on the selected bar of the latest preview (empty before a preview). */
export const NodeValuesContext = createContext<ReadonlyMap<string, NodeValue[]>>(new Map())

/** The values of one node's outputs on the selected bar. */
export function useNodeValues(nodeId: string): readonly NodeValue[] {
  return useContext(NodeValuesContext).get(nodeId) ?? NONE
}
