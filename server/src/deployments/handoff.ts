import { createHash } from 'node:crypto'
import { compile } from '@tradeloom/compiler'
import type { OfflinePolicy } from '@tradeloom/compiler'
import type { DeploymentRow, StrategyVersionRow, TradingAccountKind } from '@tradeloom/drizzle'
import { hashDeploymentToken, newDeploymentToken } from './token'

/** What the hand-off gives: the token (never stored), its hash, the receipt and, live, the EA. */
export interface Handoff {
  readonly token: string
  readonly tokenHash: string
  readonly receipt: {
    readonly codeHash: string
    readonly contentHash: string
    readonly fileName: string
    readonly magic: string | null
    readonly whitelistUrl: string | null
  }
  /** Live accounts: the EA source with the token baked in. */
  readonly ea: { readonly fileName: string; readonly source: string } | null
}

export type HandoffResult =
  { readonly ok: true; readonly handoff: Handoff } | { readonly ok: false; readonly reason: string }

export interface HandoffInput {
  readonly deployment: DeploymentRow
  readonly version: StrategyVersionRow
  readonly strategyName: string
  readonly accountKind: TradingAccountKind
  /** `settings.publicUrl`. */
  readonly serverUrl: string
}

/**
 * Generates a fresh token and what goes with it. A live deployment gets its EA compiled with the
 * deployment id, URL and token baked in (compiler `deployment` option, protocol §7); its receipt is
 * the compiler's code hash, which the EA's hello repeats. A paper terminal runs the version's
 * TypeScript instead, so its code hash is that module's SHA-256 (what the terminal's hello sends).
 */
export function prepareHandoff(input: HandoffInput): HandoffResult {
  const { deployment, version } = input
  const token = newDeploymentToken()
  const tokenHash = hashDeploymentToken(token)
  if (input.accountKind === 'paper') {
    return {
      ok: true,
      handoff: {
        token,
        tokenHash,
        receipt: {
          codeHash: sha256Hex(version.tsSource),
          contentHash: version.contentHash,
          fileName: fileNameFor(input, 'ts'),
          magic: null,
          whitelistUrl: null,
        },
        ea: null,
      },
    }
  }
  if (version.graph === null) {
    return { ok: false, reason: `Version ${version.version} is TypeScript code and has no MQL5 EA` }
  }
  const result = compile(version.graph, {
    deployment: {
      id: deployment.id,
      serverUrl: input.serverUrl,
      token,
      heartbeatSeconds: deployment.heartbeatSeconds,
      offlinePolicy: compilerOfflinePolicy(deployment.offlinePolicy),
      offlineMinutes: deployment.offlineMinutes,
    },
  })
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    const urlProblem = errors.find((d) => d.path?.[1] === 'serverUrl')
    if (urlProblem !== undefined) {
      return {
        ok: false,
        reason: `The server's public URL (${input.serverUrl}, TRADELOOM_PUBLIC_URL) cannot be baked into an EA: ${urlProblem.message}. Ask the operator to set TRADELOOM_PUBLIC_URL to the https address MetaTrader can reach`,
      }
    }
    return {
      ok: false,
      reason: `The EA could not be generated: ${errors.map((d) => d.message).join('; ')}`,
    }
  }
  const fileName = fileNameFor(input, 'mq5')
  return {
    ok: true,
    handoff: {
      token,
      tokenHash,
      receipt: {
        codeHash: result.codeHash,
        contentHash: result.contentHash,
        fileName,
        magic: result.deployment === undefined ? null : String(result.deployment.magic),
        whitelistUrl: result.deployment?.whitelistUrl ?? null,
      },
      ea: { fileName, source: result.mql5 },
    },
  }
}

/** The database keeps `stop_entries`/`keep_trading`; the compiler's option uses hyphens. */
export function compilerOfflinePolicy(stored: string): OfflinePolicy {
  return stored === 'keep_trading' ? 'keep-trading' : 'stop-entries'
}

/** `<Strategy_name>_v<n>_<first 8 of the id>.<ext>`, ASCII, so two deployments never clash. */
function fileNameFor(input: HandoffInput, ext: string): string {
  const base =
    input.strategyName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'strategy'
  return `${base}_v${input.version.version}_${input.deployment.id.slice(0, 8)}.${ext}`
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
