import type { NodeTypes } from '@xyflow/react'
import { StrategyNode } from './StrategyNode'

/**
 * Module scope on purpose: a nodeTypes object created during render makes React Flow remount
 * every node on every render (xyflow warning 002). One generic component renders every kind.
 */
export const nodeTypes: NodeTypes = { strategy: StrategyNode }
