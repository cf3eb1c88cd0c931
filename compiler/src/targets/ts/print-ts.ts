import type { EmittedNode } from '../../phases/emit'
import { orderedActions } from '../../phases/emit'
import type { Plan } from '../../phases/plan'
import { renderWarmupTs } from '../warmup-expr'

export interface TsPrintOptions {
  readonly banner: readonly string[]
}

/**
 * Lays out the TypeScript module: banner → imports → Params → defaults → warm-up →
 * createStrategy. Emitters never handle indentation or order; this printer does.
 */
export function printTs(
  plan: Plan,
  nodes: readonly EmittedNode[],
  options: TsPrintOptions,
): string {
  const out: string[] = options.banner.map((line) => `// ${line}`.trimEnd())
  const imports = [...new Set(nodes.flatMap((n) => n.ts.imports ?? []))].sort()
  if (imports.length > 0) out.push(`import { ${imports.join(', ')} } from '@tradeloom/runtime'`)
  out.push(`import type { BarContext, Strategy } from '@tradeloom/runtime'`, '')

  out.push('/** Strategy inputs. The defaults are the values set on the canvas. */')
  if (plan.inputs.length === 0) {
    out.push('export type Params = Record<string, never>', '')
  } else {
    out.push('export interface Params {')
    for (const input of plan.inputs) {
      const unit = 'unit' in input.spec && input.spec.unit ? ` (${input.spec.unit})` : ''
      out.push(
        `  /** ${input.group}: ${input.spec.label}${unit} */`,
        `  readonly ${input.tsName}: number`,
      )
    }
    out.push('}', '')
  }
  out.push('export const defaultParams: Params = {')
  for (const input of plan.inputs) out.push(`  ${input.tsName}: ${input.value},`)
  out.push('}', '')

  const warmup = renderWarmupTs(plan.warmup)
  const usesParams = plan.inputs.length > 0
  out.push(
    '/** Bars the strategy needs before its first signal may trade. */',
    `export function warmupBars(${usesParams ? '' : '_'}params: Params): number {`,
    `  return ${warmup}`,
    '}',
    '',
  )

  out.push(
    usesParams
      ? 'export function createStrategy(overrides: Partial<Params> = {}): Strategy {'
      : 'export function createStrategy(_overrides: Partial<Params> = {}): Strategy {',
    usesParams
      ? '  const params: Params = { ...defaultParams, ...overrides }'
      : '  const params: Params = defaultParams',
  )
  if (plan.features.has('entries-today')) {
    out.push(
      '  // Entries per server-time day, for "max trades per day".',
      '  let entriesToday = 0',
      '  let entriesDay = NaN',
    )
  }
  for (const node of nodes) {
    if (!node.ts.setup?.length) continue
    out.push(`  // ${node.comment}`, ...node.ts.setup.map((line) => `  ${line}`))
  }
  out.push(
    '',
    '  return {',
    '    warmupBars: warmupBars(params),',
    '    onBar(ctx: BarContext): void {',
  )
  if (plan.features.has('entries-today')) {
    // A new server-time day restarts the count, on every bar, as the EA's EvaluateBar does.
    out.push(
      '      const barDay = Math.floor(ctx.time / 86400)',
      '      if (barDay !== entriesDay) {',
      '        entriesDay = barDay',
      '        entriesToday = 0',
      '      }',
    )
  }
  for (const node of nodes) {
    if (!node.ts.onBar?.length) continue
    out.push(`      // ${node.comment}`, ...node.ts.onBar.map((line) => `      ${line}`))
    for (const record of node.records) out.push(`      ctx.record('${record.key}', ${record.ts})`)
  }
  out.push('', '      // Indicators update on every bar; orders wait until the warm-up is over.')
  out.push('      if (ctx.isWarmingUp) return')
  for (const node of orderedActions(nodes)) {
    out.push(`      // ${node.comment}`, ...(node.ts.actions ?? []).map((line) => `      ${line}`))
  }
  out.push('    },', '  }', '}', '')
  return out.join('\n')
}
