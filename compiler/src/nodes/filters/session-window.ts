import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

/**
 * True while the bar's hour is inside [start, end) in server time. A window whose start is after
 * its end wraps past midnight (22 → 6 is the night session).
 */
export const sessionWindow = defineNode({
  kind: 'session-window',
  version: 1,
  category: 'filter',
  label: 'Trading session',
  description:
    'True only during the hours you choose (broker server time), e.g. 8 to 17 for the London session. Combine it with an entry signal using And.',
  inputs: {},
  outputs: { result: 'condition' },
  params: {
    startHour: intParam({ label: 'From hour', default: 8, min: 0, max: 23, unit: 'h' }),
    endHour: intParam({ label: 'Until hour', default: 17, min: 0, max: 24, unit: 'h' }),
  },
  sentence: ({ startHour, endHour }) => `the hour is between ${startHour}:00 and ${endHour}:00`,
  warmup: () => warmConst(0),
  emitTs: ({ name, params }) => {
    const [from, until] = [params.startHour.ts, params.endHour.ts]
    return {
      onBar: [
        `const ${name}Hour = Math.floor((ctx.time % 86400) / 3600)`,
        `const ${name} = ${from} <= ${until} ? ${name}Hour >= ${from} && ${name}Hour < ${until} : ${name}Hour >= ${from} || ${name}Hour < ${until}`,
      ],
      outputs: { result: name },
    }
  },
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Filters.mqh'],
    onBar: [
      `const bool ${name} = TlInSession(bar.time, ${params.startHour.mql5}, ${params.endHour.mql5});`,
    ],
    outputs: { result: name },
  }),
})
