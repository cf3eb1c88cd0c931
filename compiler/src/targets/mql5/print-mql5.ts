import { readMql5Source, SKELETON_PATH } from '@tradeloom/mql5-templates'
import type { EmittedNode } from '../../phases/emit'
import { orderedActions } from '../../phases/emit'
import type { Plan } from '../../phases/plan'
import { mql5String } from '../text'
import { evaluateWarmup, renderWarmupMql5 } from '../warmup-expr'
import type { DeploymentBuild } from './deployment-slots'
import {
  DEPLOYMENT_FUNCTIONS,
  DEPLOYMENT_INPUT_CHECKS,
  DEPLOYMENT_ON_DEINIT,
  DEPLOYMENT_ON_INIT,
  deploymentBanner,
  deploymentConstants,
  deploymentDescription,
  deploymentInputs,
  gateEntries,
  rewriteSkeletonForDeployment,
} from './deployment-slots'
import { inlineIncludes } from './inline-includes'

export interface Mql5PrintOptions {
  readonly banner: readonly string[]
  readonly description: string
  /**
   * Builds the EA for a deployment: control client, baked-in constants, timer, trade reports and
   * the server's halt in front of every entry. Absent, the output is the plain EA.
   */
  readonly deployment?: DeploymentBuild
}

const INDENT = '   ' // MetaEditor's own style: three spaces

const ENTRIES_DAY_ROLLOVER = [
  'const long barDay = (long)bar.time / 86400;',
  'if(barDay != g_entriesDay)',
  '  {',
  '   g_entriesDay = barDay;',
  '   g_entriesToday = 0;',
  '  }',
]

/**
 * Fills the slots of `Experts/Skeleton.mq5` (banner → includes → inputs → globals → OnInit →
 * OnTick → EvaluateBar) and inlines our include library.
 */
export function printMql5(
  plan: Plan,
  nodes: readonly EmittedNode[],
  options: Mql5PrintOptions,
): string {
  const countsEntries = plan.features.has('entries-today')
  const deployment = options.deployment
  const banner = deployment ? [...options.banner, ...deploymentBanner(deployment)] : options.banner
  const description = deployment
    ? deploymentDescription(deployment, options.description)
    : options.description
  const slots: Record<string, string[]> = {
    header: [
      ...banner.map((line) => `// ${line}`.trimEnd()),
      `#property description ${mql5String(description.slice(0, 500))}`,
    ],
    includes: [...new Set(nodes.flatMap((n) => n.mql5.includes ?? []))]
      .sort()
      .map((path) => `#include <${path.replace(/\//g, '\\')}>`),
    inputs: printInputs(plan),
    globals: [
      ...(countsEntries
        ? [
            'int  g_entriesToday = 0;  // entries per server-time day, for "max trades per day"',
            'long g_entriesDay = -1;',
          ]
        : []),
      ...nodes.flatMap((n) =>
        n.mql5.globals?.length ? [`// ${n.comment}`, ...n.mql5.globals] : [],
      ),
    ],
    reset: [
      ...(countsEntries ? indent(['g_entriesToday = 0;', 'g_entriesDay = -1;']) : []),
      ...nodes.flatMap((n) =>
        indent(n.mql5.reset?.length ? [`// ${n.comment}`, ...n.mql5.reset] : []),
      ),
    ],
    'on-bar': [...(countsEntries ? indent(ENTRIES_DAY_ROLLOVER) : []), ...printOnBar(nodes)],
    'validate-inputs': printInputChecks(plan),
    'on-init': indent([`g_warmupBars = (int)(${renderWarmupMql5(plan.warmup)});`]),
    'on-deinit': [],
    functions: [],
  }
  if (deployment) addDeployment(slots, deployment, nodes)
  const skeleton = readMql5Source(SKELETON_PATH)
  // The skeleton's own explanatory comment stops at the header slot.
  const filled = skeleton
    .slice(skeleton.indexOf('//@tradeloom:header'))
    .split('\n')
    .flatMap((line) => {
      const slot = /^\/\/@tradeloom:([a-z-]+)$/.exec(line)
      return slot ? (slots[slot[1]!] ?? []) : [line]
    })
    .join('\n')
  // Enough history for the warm-up and as much again, and never less than the skeleton's 1000.
  const historyBars = Math.max(1000, Math.ceil(evaluateWarmup(plan.warmup) * 2))
  const sized = filled.replace(/(sinput int\s+InpHistoryBars\s+=\s+)1000;/, `$1${historyBars};`)
  return inlineIncludes(deployment ? rewriteSkeletonForDeployment(sized, deployment) : sized)
}

/** Fills the deployment slots and adds the control client to the others (see deployment-slots.ts). */
function addDeployment(
  slots: Record<string, string[]>,
  deployment: DeploymentBuild,
  nodes: readonly EmittedNode[],
): void {
  slots.includes = [...slots.includes!, '#include <Tradeloom\\Control.mqh>']
  slots['deployment-inputs'] = deploymentInputs(deployment)
  slots.deployment = deploymentConstants(deployment)
  slots['on-bar'] = gateEntries(slots['on-bar']!, nodes)
  slots['validate-inputs'] = [...slots['validate-inputs']!, ...indent(DEPLOYMENT_INPUT_CHECKS)]
  slots['on-init'] = [...slots['on-init']!, ...indent(DEPLOYMENT_ON_INIT)]
  slots['on-deinit'] = indent(DEPLOYMENT_ON_DEINIT)
  slots.functions = [...DEPLOYMENT_FUNCTIONS]
}

function indent(lines: readonly string[], depth = 1): string[] {
  return lines.map((line) => (line === '' ? '' : INDENT.repeat(depth) + line))
}

function printInputs(plan: Plan): string[] {
  const lines: string[] = []
  let group = ''
  for (const input of plan.inputs) {
    if (input.group !== group) {
      group = input.group
      lines.push(`input group ${mql5String(group)}`)
    }
    const type = input.spec.type === 'int' ? 'int' : 'double'
    const unit = 'unit' in input.spec && input.spec.unit ? ` (${input.spec.unit})` : ''
    lines.push(
      `input ${type} ${input.mql5Name} = ${input.value}; // ${group}: ${input.spec.label}${unit}`,
    )
  }
  return lines
}

/** OnInit refuses inputs outside the ranges the canvas allows, as the compiler does. */
function printInputChecks(plan: Plan): string[] {
  return plan.inputs.flatMap((input) => {
    if (input.spec.type === 'enum') return []
    const { min, max } = input.spec
    return indent([
      `if(${input.mql5Name} < ${min} || ${input.mql5Name} > ${max})`,
      '  {',
      `${INDENT}PrintFormat("%s must be between %s and %s", ${mql5String(`${input.group}: ${input.spec.label}`)}, "${min}", "${max}");`,
      `${INDENT}return(INIT_PARAMETERS_INCORRECT);`,
      '  }',
    ])
  })
}

function printOnBar(nodes: readonly EmittedNode[]): string[] {
  const lines: string[] = []
  for (const node of nodes) {
    if (node.mql5.onBar?.length) lines.push(`// ${node.comment}`, ...node.mql5.onBar)
  }
  lines.push(
    '',
    '// Indicators update on every bar; orders wait until the warm-up is over.',
    'if(!canTrade)',
    `${INDENT}return;`,
  )
  for (const node of orderedActions(nodes))
    lines.push(`// ${node.comment}`, ...(node.mql5.actions ?? []))
  return indent(lines)
}
