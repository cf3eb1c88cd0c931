import type { NodeDefinition } from './define-node'
import { closeAll } from './actions/close-all'
import { enterLong } from './actions/enter-long'
import { enterShort } from './actions/enter-short'
import { exitLong } from './actions/exit-long'
import { exitShort } from './actions/exit-short'
import { crossAbove } from './conditions/cross-above'
import { crossBelow } from './conditions/cross-below'
import { falling } from './conditions/falling'
import { greater } from './conditions/greater'
import { greaterOrEqual } from './conditions/greater-or-equal'
import { less } from './conditions/less'
import { lessOrEqual } from './conditions/less-or-equal'
import { rising } from './conditions/rising'
import { withinRange } from './conditions/within-range'
import { maxSpread } from './filters/max-spread'
import { maxTradesPerDay } from './filters/max-trades-per-day'
import { sessionWindow } from './filters/session-window'
import { indicatorNodes } from './indicators/index'
import { and } from './logic/and'
import { not } from './logic/not'
import { or } from './logic/or'
import { absolute } from './math/absolute'
import { add } from './math/add'
import { barsAgo } from './math/bars-ago'
import { divide } from './math/divide'
import { max } from './math/max'
import { min } from './math/min'
import { multiply } from './math/multiply'
import { subtract } from './math/subtract'
import { breakEven } from './risk/break-even'
import { stopLoss } from './risk/stop-loss'
import { takeProfit } from './risk/take-profit'
import { trailingStop } from './risk/trailing-stop'
import { fixedLots } from './sizing/fixed-lots'
import { percentEquity } from './sizing/percent-equity'
import { riskPercent } from './sizing/risk-percent'
import { dayOfWeek } from './sources/day-of-week'
import { number } from './sources/number'
import { price } from './sources/price'
import { tickVolume } from './sources/tick-volume'
import { timeOfDay } from './sources/time-of-day'

/**
 * Every node kind the editor offers, keyed by kind, grouped as the palette shows them. Keep each
 * group alphabetical; registry.test.ts fails when a node file is not listed or a key differs
 * from its definition's kind.
 */
export const nodeDefinitions = {
  // sources
  'day-of-week': dayOfWeek,
  number,
  price,
  'tick-volume': tickVolume,
  'time-of-day': timeOfDay,
  // indicators (one file each, listed in indicators/index.ts)
  ...indicatorNodes,
  // math
  absolute,
  add,
  'bars-ago': barsAgo,
  divide,
  max,
  min,
  multiply,
  subtract,
  // conditions
  'cross-above': crossAbove,
  'cross-below': crossBelow,
  falling,
  greater,
  'greater-or-equal': greaterOrEqual,
  less,
  'less-or-equal': lessOrEqual,
  rising,
  'within-range': withinRange,
  // logic
  and,
  not,
  or,
  // actions
  'close-all': closeAll,
  'enter-long': enterLong,
  'enter-short': enterShort,
  'exit-long': exitLong,
  'exit-short': exitShort,
  // risk
  'break-even': breakEven,
  'stop-loss': stopLoss,
  'take-profit': takeProfit,
  'trailing-stop': trailingStop,
  // sizing
  'fixed-lots': fixedLots,
  'percent-equity': percentEquity,
  'risk-percent': riskPercent,
  // filters
  'max-spread': maxSpread,
  'max-trades-per-day': maxTradesPerDay,
  'session-window': sessionWindow,
} as const satisfies Record<string, NodeDefinition>

export type NodeKind = keyof typeof nodeDefinitions

/** Looks a kind up without trusting it (graphs come from users). */
export function getNodeDefinition(kind: string): NodeDefinition | undefined {
  return Object.hasOwn(nodeDefinitions, kind)
    ? (nodeDefinitions[kind as NodeKind] as unknown as NodeDefinition)
    : undefined
}
