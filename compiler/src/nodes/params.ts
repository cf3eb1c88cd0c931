/**
 * Parameter specs: what a node's settings are, their defaults and limits. The inspector builds
 * its forms from these, validation checks against them and the emitters turn tunable ones into
 * MQL5 `input`s and fields of the TypeScript `Params` object.
 */
export interface NumberParamSpec {
  readonly type: 'int' | 'number'
  readonly label: string
  /**
   * Shown and emitted only while another (enum) param has one of these values, e.g. an ATR
   * period that matters only when the distance unit is "ATR multiple".
   */
  readonly onlyWhen?: { readonly param: string; readonly equals: readonly string[] }
  readonly default: number
  readonly min: number
  readonly max: number
  readonly step?: number
  readonly unit?: string
}

export interface EnumParamSpec {
  readonly type: 'enum'
  readonly label: string
  readonly default: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
}

export type ParamSpec = NumberParamSpec | EnumParamSpec
export type ParamSpecs = Readonly<Record<string, ParamSpec>>

/** The concrete values of a node's params, after validation. */
export type ParamValues<P extends ParamSpecs> = {
  readonly [K in keyof P]: P[K] extends EnumParamSpec ? string : number
}

/** A whole number, e.g. a period. */
export function intParam(spec: Omit<NumberParamSpec, 'type'>): NumberParamSpec {
  return { type: 'int', step: 1, ...spec }
}

/** A real number, e.g. a multiplier or a level. */
export function numberParam(spec: Omit<NumberParamSpec, 'type'>): NumberParamSpec {
  return { type: 'number', ...spec }
}

/** A choice among fixed options; a compile-time constant, not an EA input. */
export function enumParam(spec: Omit<EnumParamSpec, 'type'>): EnumParamSpec {
  return { type: 'enum', ...spec }
}
