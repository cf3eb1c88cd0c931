/**
 * @tradeloom/compiler: strategy graph → validated plan → TypeScript module and MQL5 EA.
 * Pure: no DOM, no Node APIs, no clock. Never throws for a bad user graph.
 * @module
 */

// Compiling
export { compile } from './compile'
export type {
  CompileResult,
  CompileSuccess,
  CompileFailure,
  CompileOptions,
  DeploymentInfo,
} from './compile'
export { mql5CodeHash } from './targets/mql5/code-hash'
export type { DeploymentOptions, OfflinePolicy } from './targets/mql5/deployment-options'
export { COMPILER_VERSION } from './version'

// The graph document
export { parseGraph } from './graph/parse'
export type { ParseResult } from './graph/parse'
export {
  GRAPH_SCHEMA_VERSION,
  TIMEFRAMES,
  STRATEGY_CLASSES,
  strategyGraphSchema,
} from './graph/schema'
export type {
  StrategyGraph,
  NodeInstance,
  Edge,
  StrategyMeta,
  Timeframe,
  ParamValue,
} from './graph/schema'

// Diagnostics
export type { Diagnostic, Severity } from './diagnostics'
export { hasErrors } from './diagnostics'

// Node kinds, for the palette, inspector and canvas
export { nodeDefinitions, getNodeDefinition } from './nodes/registry'
export type { NodeKind } from './nodes/registry'
export type { NodeDefinition, PortType, NodeCategory } from './nodes/define-node'
export type { ParamSpec, NumberParamSpec, EnumParamSpec } from './nodes/params'
export { canConnect } from './can-connect'
export { humanizePort } from './nodes/port-label'
export type { Connection, ConnectResult } from './can-connect'

// Charts
export type { Plot } from './phases/plots'

// Templates
export { strategyTemplates } from './templates/index'
export type { StrategyTemplate } from './templates/index'
