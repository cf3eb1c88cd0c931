import type { EmittedNode } from '../../phases/emit'
import { mql5String } from '../text'
import { CODE_HASH_PLACEHOLDER } from './code-hash'
import type { Deployment } from './deployment-options'

/** Everything a deployment EA bakes in besides the validated options. */
export interface DeploymentBuild {
  readonly deployment: Deployment
  readonly contentHash: string
  readonly compilerVersion: string
}

const ENTRY_GATE = 'TlGuardrailsAllowEntry(g_guardrails, InpMagic)'
const DEPLOYED_ENTRY_GATE = `TlControlAllowEntry() && ${ENTRY_GATE}`
const ENTRY_KINDS = new Set(['enter-long', 'enter-short'])
const SKELETON_TRADE = /^CTrade {7}g_trade;$/m
const SKELETON_MAGIC = /^(sinput long\s+InpMagic\s+=\s+)20240601;/m

/** Banner comment lines naming the deployment (never the token). */
export function deploymentBanner({ deployment }: DeploymentBuild): string[] {
  return [
    `Deployment ${deployment.id}: reports to ${deployment.serverUrl} (Tradeloom EA control protocol v1).`,
  ]
}

/** `#property description` text: the whitelist instruction first, so truncation cuts the summary. */
export function deploymentDescription({ deployment }: DeploymentBuild, summary: string): string {
  return `Allow WebRequest for ${deployment.whitelistUrl} in Tools > Options > Expert Advisors. Tradeloom deployment ${deployment.id}. ${summary}`
}

/** Inputs the trader may change: what to do when the server cannot be reached. */
export function deploymentInputs({ deployment }: DeploymentBuild): string[] {
  const policy =
    deployment.offlinePolicy === 'keep-trading'
      ? 'TL_OFFLINE_KEEP_TRADING'
      : 'TL_OFFLINE_STOP_ENTRIES'
  return [
    'input group "Deployment"',
    `input ENUM_TL_OFFLINE_POLICY InpOfflinePolicy  = ${policy}; // When the server cannot be reached`,
    `input int                    InpOfflineMinutes = ${deployment.offlineMinutes}; // Minutes without a heartbeat before that policy applies`,
  ]
}

/**
 * The deployment's constants. Constants rather than inputs: the token must not show in the
 * Inputs dialog, in .set files or in the tester's log, and the trader cannot point the EA at
 * another server or deployment than the one its code hash was recorded for.
 */
export function deploymentConstants(build: DeploymentBuild): string[] {
  const { deployment } = build
  return [
    `//--- Deployment ${deployment.id} (EA control protocol v1). Constants, not inputs: the token must not`,
    '//--- show in the Inputs dialog, in .set files or in tester logs. The EA never prints it.',
    `const string TL_DEPLOYMENT_ID     = ${mql5String(deployment.id)};`,
    `const string TL_SERVER_URL        = ${mql5String(deployment.serverUrl)};`,
    `const string TL_DEPLOYMENT_TOKEN  = ${mql5String(deployment.token)}; // secret`,
    `const string TL_CODE_HASH         = "${CODE_HASH_PLACEHOLDER}"; // sha256 of this file with these 64 digits set to 0`,
    `const string TL_CONTENT_HASH      = "${build.contentHash}";`,
    `const string TL_COMPILER_VERSION  = ${mql5String(build.compilerVersion)};`,
    `const int    TL_HEARTBEAT_SECONDS = ${deployment.heartbeatSeconds};`,
  ]
}

/** OnInit: input check for the offline minutes. */
export const DEPLOYMENT_INPUT_CHECKS = [
  'if(InpOfflineMinutes < 1 || InpOfflineMinutes > 1440)',
  '  {',
  '   Print("Deployment: minutes without a heartbeat must be between 1 and 1440");',
  '   return(INIT_PARAMETERS_INCORRECT);',
  '  }',
]

/** OnInit: restore the halt and the outbox; the timer drives all talk with the server. */
export const DEPLOYMENT_ON_INIT = [
  '// Deployment: restores the halt and the outbox; never contacts the server from here.',
  'TlControlInit(TL_DEPLOYMENT_ID, TL_SERVER_URL, TL_DEPLOYMENT_TOKEN, TL_CODE_HASH, TL_CONTENT_HASH,',
  '              TL_COMPILER_VERSION, TL_HEARTBEAT_SECONDS, InpOfflinePolicy, InpOfflineMinutes);',
  'if(TlControlEnabled() && !EventSetTimer(TL_TIMER_SECONDS))',
  '  {',
  '   PrintFormat("EventSetTimer failed (error %d): the EA cannot reach its server", GetLastError());',
  '   return(INIT_FAILED);',
  '  }',
]

export const DEPLOYMENT_ON_DEINIT = ['EventKillTimer();', 'TlControlDeinit();']

/** The event handlers a deployment EA adds. */
export const DEPLOYMENT_FUNCTIONS = [
  '//+------------------------------------------------------------------+',
  '//| Talks to the Tradeloom server: hello, ready, heartbeats, command |',
  '//| acks and trade reports. Only here, so a slow server never delays |',
  '//| OnTick; in the Strategy Tester it returns at once.               |',
  '//+------------------------------------------------------------------+',
  'void OnTimer()',
  '  {',
  '   TlControlOnTimer(g_trade, InpMagic, g_lastFedBar, g_guardrails.breachedToday);',
  '  }',
  '',
  '//+------------------------------------------------------------------+',
  '//| Each deal of this EA becomes a trade report in the outbox.       |',
  '//+------------------------------------------------------------------+',
  'void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request,',
  '                        const MqlTradeResult &result)',
  '  {',
  '   TlControlOnTradeTransaction(trans, InpMagic);',
  '  }',
]

/**
 * Puts the server's say in front of every entry: `TlControlAllowEntry()` (not halted, not
 * stopped by the offline policy) before the local guardrails. Exits are left alone. Throws if
 * an entry node's gate was not found: a deployment EA that could ignore a halt is a bug.
 */
export function gateEntries(onBar: readonly string[], nodes: readonly EmittedNode[]): string[] {
  const entries = nodes.filter((n) => ENTRY_KINDS.has(n.planned.node.kind)).length
  let gated = 0
  const lines = onBar.map((line) => {
    const count = line.split(ENTRY_GATE).length - 1
    gated += count
    return count > 0 ? line.split(ENTRY_GATE).join(DEPLOYED_ENTRY_GATE) : line
  })
  if (gated !== entries)
    throw new Error(`Deployment EA: ${entries} entries but ${gated} entry gates found`)
  return lines
}

/** Skeleton lines a deployment changes: the tracked CTrade and a magic number of its own. */
export function rewriteSkeletonForDeployment(
  source: string,
  { deployment }: DeploymentBuild,
): string {
  if (!SKELETON_TRADE.test(source) || !SKELETON_MAGIC.test(source))
    throw new Error(
      'Deployment EA: the skeleton no longer declares g_trade or InpMagic as expected',
    )
  return source
    .replace(
      SKELETON_TRADE,
      'TlTrackedTrade g_trade;                   // CTrade that times each request for the trade reports',
    )
    .replace(SKELETON_MAGIC, `$1${deployment.magic};`)
}
