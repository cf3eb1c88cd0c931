import type { EmitContext, Mql5Fragment, ParamRef, TsFragment } from '../define-node'
import type { EnumParamSpec, NumberParamSpec } from '../params'
import { enumParam, intParam, numberParam } from '../params'

/**
 * Distances for stops, targets, trailing and break-even, in the units traders use. The runtime's
 * `Distance` (runtime/src/engine/order-specs.ts) and `TlDistance` (Include/Tradeloom/Orders.mqh)
 * resolve them the same way, from the fill price.
 */
export const DISTANCE_UNITS = ['points', 'pips', 'atr', 'percent'] as const
export type DistanceUnit = (typeof DISTANCE_UNITS)[number]

const UNIT_LABELS: Record<DistanceUnit, string> = {
  points: 'points',
  pips: 'pips',
  atr: 'ATR multiple',
  percent: '% of price',
}

const MQL5_KINDS: Record<DistanceUnit, string> = {
  points: 'TL_DISTANCE_POINTS',
  pips: 'TL_DISTANCE_PIPS',
  atr: 'TL_DISTANCE_ATR',
  percent: 'TL_DISTANCE_PERCENT',
}

export function unitParam(defaultUnit: DistanceUnit): EnumParamSpec {
  return enumParam({
    label: 'Unit',
    default: defaultUnit,
    options: DISTANCE_UNITS.map((value) => ({ value, label: UNIT_LABELS[value] })),
  })
}

export function distanceParam(label: string, defaultValue: number, min = 0.01): NumberParamSpec {
  return numberParam({ label, default: defaultValue, min, max: 100_000 })
}

export function atrPeriodParam(): NumberParamSpec {
  return intParam({
    label: 'ATR period',
    default: 14,
    min: 1,
    max: 1000,
    unit: 'bars',
    onlyWhen: { param: 'unit', equals: ['atr'] },
  })
}

/** "30 pips", "2 x ATR(14)", "1.5% of price". */
export function describeDistance(unit: string, value: number, atrPeriod: number): string {
  if (unit === 'atr') return `${value} x ATR(${atrPeriod})`
  if (unit === 'percent') return `${value}% of price`
  return `${value} ${unit}`
}

/** The runtime `Distance` literal for TypeScript, e.g. `{ kind: 'pips', pips: params.stopLossDistance }`. */
export function tsDistance(unit: string, value: ParamRef, atrValue: string): string {
  switch (unit) {
    case 'atr':
      return `{ kind: 'atr', multiple: ${value.ts}, atr: ${atrValue} }`
    case 'percent':
      return `{ kind: 'percent', percent: ${value.ts} }`
    default:
      return `{ kind: '${unit}', ${unit}: ${value.ts} }`
  }
}

/** Arguments after the struct in `TlDistanceSet(d, kind, value, atr)`. */
export function mql5DistanceArgs(unit: string, value: ParamRef, atrValue: string): string {
  return `${MQL5_KINDS[unit as DistanceUnit]}, ${value.mql5}, ${unit === 'atr' ? atrValue : 'TL_NO_VALUE'}`
}

/** The ATR a node keeps when its unit is "ATR multiple", updated on every bar in both targets. */
export function atrState(
  ctx: EmitContext,
  unit: string,
): { ts: TsFragment; mql5: Mql5Fragment; name: string } {
  const name = `${ctx.name}Atr`
  if (unit !== 'atr') return { ts: { outputs: {} }, mql5: { outputs: {} }, name: 'NaN' }
  const period = ctx.params.atrPeriod!
  return {
    name,
    ts: {
      imports: ['createAtr'],
      setup: [`const ${name}State = createAtr(${period.ts})`],
      onBar: [`const ${name} = ${name}State.update(ctx.high, ctx.low, ctx.close)`],
      outputs: {},
    },
    mql5: {
      includes: ['Tradeloom/Indicators/Atr.mqh'],
      globals: [`TlAtr g_${name}State;`],
      reset: [`TlAtrInit(g_${name}State, ${period.mql5});`],
      onBar: [`const double ${name} = TlAtrUpdate(g_${name}State, bar.high, bar.low, bar.close);`],
      outputs: {},
    },
  }
}

/**
 * Emitters for a modifier made of two distances in one unit (a trailing stop's distance and
 * activation, a break-even's trigger and offset): TypeScript passes an object literal with the
 * order; MQL5 refreshes a struct global every bar that the entry copies.
 */
export function emitDistancePair(
  output: string,
  mql5Struct: string,
  fields: readonly [string, string],
): { ts: (ctx: EmitContext) => TsFragment; mql5: (ctx: EmitContext) => Mql5Fragment } {
  return {
    ts: (ctx) => {
      const unit = String(ctx.params.unit!.value)
      const atr = atrState(ctx, unit)
      const parts = fields.map(
        (field) => `${field}: ${tsDistance(unit, ctx.params[field]!, atr.name)}`,
      )
      return { ...atr.ts, outputs: { [output]: `{ ${parts.join(', ')} }` } }
    },
    mql5: (ctx) => {
      const unit = String(ctx.params.unit!.value)
      const atr = atrState(ctx, unit)
      const sets = fields.map(
        (field) =>
          `TlDistanceSet(g_${ctx.name}.${field}, ${mql5DistanceArgs(unit, ctx.params[field]!, atr.name)});`,
      )
      return {
        ...atr.mql5,
        includes: [...(atr.mql5.includes ?? []), 'Tradeloom/Orders.mqh'],
        globals: [...(atr.mql5.globals ?? []), `${mql5Struct} g_${ctx.name};`],
        onBar: [...(atr.mql5.onBar ?? []), ...sets],
        outputs: { [output]: `g_${ctx.name}` },
      }
    },
  }
}
