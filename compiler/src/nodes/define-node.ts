import type { WarmupExpr } from '../targets/warmup-expr'
import type { ParamSpecs, ParamValues } from './params'

/**
 * What flows along an edge: a number per bar, a true/false per bar, or an order modifier wired
 * into an entry (a stop or target level, a trailing stop, a break-even rule, a sizing rule).
 */
export type PortType = 'series' | 'condition' | 'level' | 'trailing' | 'break-even' | 'sizing'

/** Plain words for a port type, for diagnostics and the canvas. */
export const PORT_TYPE_NAMES: Readonly<Record<PortType, string>> = {
  series: 'number series',
  condition: 'true/false condition',
  level: 'stop or target level',
  trailing: 'trailing stop',
  'break-even': 'break-even rule',
  sizing: 'position sizing rule',
}

export type NodeCategory =
  'source' | 'indicator' | 'math' | 'condition' | 'logic' | 'action' | 'risk' | 'sizing' | 'filter'

/** A parameter as the emitters see it: its value and how each target refers to it. */
export interface ParamRef {
  readonly value: number | string
  /** Expression in the TypeScript module (`params.fastMaPeriod`) or a literal for enums. */
  readonly ts: string
  /** Expression in the EA (`InpFastMaPeriod`) or a literal for enums. */
  readonly mql5: string
}

/** An upstream output as an expression in each target. */
export interface InputRef {
  readonly ts: string
  readonly mql5: string
}

export interface EmitContext<P extends ParamSpecs = ParamSpecs> {
  readonly nodeId: string
  /** Unique camelCase identifier for this node (from its label, else kind + number). */
  readonly name: string
  /** Human description of the instance, used in comments. */
  readonly sentence: string
  readonly params: { readonly [K in keyof P]: ParamRef }
  readonly inputs: Readonly<Record<string, InputRef>>
  /**
   * Strategy-wide features other nodes switch on, e.g. `entries-today` when a "max trades per
   * day" filter needs every entry to count itself.
   */
  readonly features: ReadonlySet<string>
}

/** TypeScript code for one node; the printer decides where each part goes. */
export interface TsFragment {
  readonly imports?: readonly string[]
  /** Runs once in `createStrategy` (indicator state). */
  readonly setup?: readonly string[]
  /** Runs on every bar, warm-up included. */
  readonly onBar?: readonly string[]
  /** Runs on bars after warm-up only (orders). */
  readonly actions?: readonly string[]
  /** Expression for each output port. */
  readonly outputs: Readonly<Record<string, string>>
}

/** MQL5 code for one node, mirroring its TsFragment statement for statement. */
export interface Mql5Fragment {
  /** Paths under `Include/` in mql5-templates, e.g. `Tradeloom/Indicators/Sma.mqh`. */
  readonly includes?: readonly string[]
  readonly globals?: readonly string[]
  /** Runs in OnInit before warm-up (indicator state). */
  readonly reset?: readonly string[]
  readonly onBar?: readonly string[]
  readonly actions?: readonly string[]
  readonly outputs: Readonly<Record<string, string>>
}

export interface NodeDefinition<P extends ParamSpecs = ParamSpecs> {
  /** Persisted in graphs: never rename. Equals the file name. */
  readonly kind: string
  /** Bump when ports or params change, with a migration. */
  readonly version: number
  readonly category: NodeCategory
  readonly label: string
  /** Plain-language description for the palette and inspector. */
  readonly description: string
  readonly inputs: Readonly<Record<string, PortType>>
  /** Inputs that may stay unconnected; the emitters then see no entry for them. */
  readonly optionalInputs?: readonly string[]
  readonly outputs: Readonly<Record<string, PortType>>
  readonly params: P
  /**
   * Where charts draw this node's series: on the price pane or in a pane of its own. Left out,
   * a node inherits the pane of its first series input (an SMA of close sits on the price).
   */
  readonly pane?: 'price' | 'oscillator'
  /** Explains one instance: "SMA(20) of close". `inputs` holds the upstream sentences. */
  sentence(params: ParamValues<P>, inputs: Readonly<Record<string, string>>): string
  /** Bars before the first valid output, given the inputs' warm-ups. */
  warmup(params: { readonly [K in keyof P]: WarmupExpr }, inputs: readonly WarmupExpr[]): WarmupExpr
  emitTs(ctx: EmitContext<P>): TsFragment
  emitMql5(ctx: EmitContext<P>): Mql5Fragment
}

/** Identity function: exists so each node file is checked against NodeDefinition. */
export function defineNode<P extends ParamSpecs>(definition: NodeDefinition<P>): NodeDefinition<P> {
  return definition
}
