import type { EmitContext, Mql5Fragment, TsFragment } from '../define-node'
import type { WarmupExpr } from '../../targets/warmup-expr'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Shared emitter for "crosses above" and "crosses below". A cross on bar i compares bar i with
 * bar i-1, as an EA comparing shifts 1 and 2 does (mt5-semantics.md 3.3). Equality on the earlier
 * bar counts as "not yet crossed", and any missing value means no signal.
 */
export function crossWarmup(inputs: readonly WarmupExpr[]): WarmupExpr {
  return warmSum(warmMax(inputs), warmConst(1))
}

export function emitCrossTs(ctx: EmitContext, direction: 'above' | 'below'): TsFragment {
  const { name, inputs } = ctx
  const a = inputs.a!.ts
  const b = inputs.b!.ts
  const [before, now] = direction === 'above' ? ['<=', '>'] : ['>=', '<']
  return {
    setup: [`let ${name}PrevA = NaN`, `let ${name}PrevB = NaN`],
    onBar: [
      `const ${name} = ${name}PrevA ${before} ${name}PrevB && ${a} ${now} ${b}`,
      `${name}PrevA = ${a}`,
      `${name}PrevB = ${b}`,
    ],
    outputs: { result: name },
  }
}

export function emitCrossMql5(ctx: EmitContext, direction: 'above' | 'below'): Mql5Fragment {
  const { name, inputs } = ctx
  const fn = direction === 'above' ? 'TlCrossedAbove' : 'TlCrossedBelow'
  return {
    includes: ['Tradeloom/Conditions.mqh'],
    globals: [`double g_${name}PrevA = TL_NO_VALUE;`, `double g_${name}PrevB = TL_NO_VALUE;`],
    reset: [`g_${name}PrevA = TL_NO_VALUE;`, `g_${name}PrevB = TL_NO_VALUE;`],
    onBar: [
      `const bool ${name} = ${fn}(g_${name}PrevA, g_${name}PrevB, ${inputs.a!.mql5}, ${inputs.b!.mql5});`,
      `g_${name}PrevA = ${inputs.a!.mql5};`,
      `g_${name}PrevB = ${inputs.b!.mql5};`,
    ],
    outputs: { result: name },
  }
}
