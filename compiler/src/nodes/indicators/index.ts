import type { NodeDefinition } from '../define-node'
import { sma } from './sma'

/** Indicator nodes, keyed by kind. Keep alphabetical. */
export const indicatorNodes = {
  sma,
} as const satisfies Record<string, NodeDefinition>
