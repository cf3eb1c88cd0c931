import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import type { EnumParamSpec, NumberParamSpec } from '../params'
import {
  atrPeriodParam,
  atrState,
  describeDistance,
  distanceParam,
  mql5DistanceArgs,
  tsDistance,
  unitParam,
} from './distance'

type LevelParams = { unit: EnumParamSpec; distance: NumberParamSpec; atrPeriod: NumberParamSpec }

/**
 * Stop loss and take profit: a distance from the fill price, wired into an entry's `stopLoss` or
 * `takeProfit` input. TypeScript passes a `Distance` literal with the order (built only when an
 * entry fires); MQL5 keeps a `TlDistance` global refreshed every bar, which the entry copies.
 */
export function defineLevel(role: 'stop-loss' | 'take-profit'): NodeDefinition<LevelParams> {
  const isStop = role === 'stop-loss'
  return defineNode({
    kind: role,
    version: 1,
    category: 'risk',
    label: isStop ? 'Stop loss' : 'Take profit',
    description: isStop
      ? 'Closes the position if the price moves this far against it. Checked inside every bar; when a bar reaches both the stop and the target, the stop counts.'
      : 'Closes the position once the price moves this far in its favour. Checked inside every bar.',
    inputs: {},
    outputs: { level: 'level' },
    params: {
      unit: unitParam(isStop ? 'pips' : 'pips'),
      distance: distanceParam('Distance', isStop ? 30 : 60),
      atrPeriod: atrPeriodParam(),
    },
    sentence: ({ unit, distance, atrPeriod }) =>
      `${isStop ? 'a stop loss' : 'a take profit'} ${describeDistance(unit, distance, atrPeriod)} from the entry`,
    // The ATR period counts only in "ATR multiple" mode; otherwise the plan passes 0 for it.
    warmup: ({ atrPeriod }) => atrPeriod,
    emitTs: (ctx) => {
      const atr = atrState(ctx, String(ctx.params.unit.value))
      return {
        ...atr.ts,
        outputs: {
          level: tsDistance(String(ctx.params.unit.value), ctx.params.distance, atr.name),
        },
      }
    },
    emitMql5: (ctx) => {
      const atr = atrState(ctx, String(ctx.params.unit.value))
      const args = mql5DistanceArgs(String(ctx.params.unit.value), ctx.params.distance, atr.name)
      return {
        ...atr.mql5,
        globals: [...(atr.mql5.globals ?? []), `TlDistance g_${ctx.name};`],
        onBar: [...(atr.mql5.onBar ?? []), `TlDistanceSet(g_${ctx.name}, ${args});`],
        includes: [...(atr.mql5.includes ?? []), 'Tradeloom/Orders.mqh'],
        outputs: { level: `g_${ctx.name}` },
      }
    },
  })
}
