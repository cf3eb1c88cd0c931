import { enumParam } from '../params'
import type { EnumParamSpec } from '../params'

/**
 * MT5's moving-average methods (`ENUM_MA_METHOD`) as the runtime names them, with the MQL5
 * constant each compiles to. Used by the nodes that take a method: Envelopes and StdDev.
 */
export const MA_METHODS: Readonly<Record<string, { label: string; short: string; mql5: string }>> =
  {
    sma: { label: 'Simple', short: 'SMA', mql5: 'MODE_SMA' },
    ema: { label: 'Exponential', short: 'EMA', mql5: 'MODE_EMA' },
    smma: { label: 'Smoothed', short: 'SMMA', mql5: 'MODE_SMMA' },
    lwma: { label: 'Linear weighted', short: 'LWMA', mql5: 'MODE_LWMA' },
  }

/** The "Method" parameter, default simple (MT5's default). */
export function maMethodParam(): EnumParamSpec {
  return enumParam({
    label: 'Method',
    default: 'sma',
    options: Object.entries(MA_METHODS).map(([value, m]) => ({ value, label: m.label })),
  })
}
