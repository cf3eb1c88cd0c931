import type { Diagnostic } from '../../diagnostics'
import { sha256Hex } from '../../hash/sha256'

/** What the EA does after `offlineMinutes` without a successful heartbeat. */
export type OfflinePolicy = 'stop-entries' | 'keep-trading'

/**
 * Builds the EA for one deployment (docs/ea-protocol.md): it then talks to `serverUrl` with the
 * EA control protocol, authenticated by `token`.
 */
export interface DeploymentOptions {
  /** The deployment's id: 1-36 of A-Z a-z 0-9 `_` `-` (a UUID fits). */
  readonly id: string
  /** `https://host[:port][/path]`, or `http://` to 127.0.0.1 or localhost only. */
  readonly serverUrl: string
  /** The per-deployment secret: 32-128 of A-Z a-z 0-9 `_` `-` (base64url). Never printed by the EA. */
  readonly token: string
  /** Seconds between heartbeats until the server says otherwise, 5-300 (default 15). */
  readonly heartbeatSeconds?: number
  /** Default of the EA's offline-policy input (default `stop-entries`). */
  readonly offlinePolicy?: OfflinePolicy
  /** Default of the EA's offline-minutes input, 1-1440 (default 15). */
  readonly offlineMinutes?: number
}

/** Validated and normalised deployment settings, plus what follows from them. */
export interface Deployment {
  readonly id: string
  /** Scheme and host lower-cased, no trailing slash. */
  readonly serverUrl: string
  /** What the trader adds under Tools → Options → Expert Advisors: scheme, host and port. */
  readonly whitelistUrl: string
  readonly token: string
  readonly heartbeatSeconds: number
  readonly offlinePolicy: OfflinePolicy
  readonly offlineMinutes: number
  /** The EA's default magic number, derived from the id so deployments on one account differ. */
  readonly magic: number
}

export type DeploymentValidation =
  | { readonly ok: true; readonly deployment: Deployment }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

const KNOWN_KEYS = [
  'id',
  'serverUrl',
  'token',
  'heartbeatSeconds',
  'offlinePolicy',
  'offlineMinutes',
] as const
const ID = /^[A-Za-z0-9_-]{1,36}$/
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/
const URL_PATTERN =
  /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?((?:\/[A-Za-z0-9._~-]+)*)\/?$/
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost'])
const MAX_URL_LENGTH = 200

function invalid(field: string | undefined, message: string): Diagnostic {
  return {
    code: 'invalid-deployment',
    severity: 'error',
    message: `deployment${field === undefined ? '' : `.${field}`}: ${message}`,
    path: field === undefined ? ['deployment'] : ['deployment', field],
  }
}

/** The normalised URL and its whitelist origin, or the reason it cannot be used. */
function checkServerUrl(value: unknown): { url: string; origin: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'must be a string' }
  if (value.length > MAX_URL_LENGTH)
    return { problem: `must be at most ${MAX_URL_LENGTH} characters` }
  const match = URL_PATTERN.exec(value)
  if (!match)
    return {
      problem:
        'must look like https://host[:port][/path] (letters, digits, . _ ~ - in the path; no query, no user, no spaces)',
    }
  const scheme = match[1]!.toLowerCase()
  const host = match[2]!.toLowerCase()
  const port = match[3]
  const path = match[4] ?? ''
  if (!host.split('.').every((label) => HOST_LABEL.test(label)))
    return { problem: `"${host}" is not a valid host name` }
  if (path.split('/').some((segment) => segment === '.' || segment === '..'))
    return { problem: 'must not contain "." or ".." path segments' }
  if (scheme !== 'https' && !(scheme === 'http' && LOOPBACK_HOSTS.has(host)))
    return {
      problem:
        'must use https (plain http is allowed only to 127.0.0.1 or localhost, for local testing)',
    }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return { problem: `port ${port} is outside 1-65535` }
  const origin = `${scheme}://${host}${port === undefined ? '' : `:${port}`}`
  return { url: origin + path, origin }
}

function checkInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number,
  diagnostics: Diagnostic[],
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    diagnostics.push(invalid(field, `must be a whole number from ${min} to ${max}`))
    return fallback
  }
  return value
}

/** A magic number of nine digits from the deployment id: stable, and distinct per deployment. */
export function deploymentMagic(id: string): number {
  return 100_000_000 + (parseInt(sha256Hex(`tradeloom-magic:${id}`).slice(0, 8), 16) % 900_000_000)
}

/**
 * Checks the `deployment` compile option. Problems come back as `invalid-deployment`
 * diagnostics with a path such as `deployment.serverUrl`; messages never repeat the token.
 */
export function validateDeployment(input: unknown): DeploymentValidation {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, diagnostics: [invalid(undefined, 'must be an object')] }
  const options = input as Record<string, unknown>
  const diagnostics: Diagnostic[] = []
  for (const key of Object.keys(options).sort()) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key))
      diagnostics.push(
        invalid(key, `is not a deployment setting (settings: ${KNOWN_KEYS.join(', ')})`),
      )
  }
  const id = options.id
  if (typeof id !== 'string' || !ID.test(id))
    diagnostics.push(invalid('id', 'must be 1 to 36 characters of A-Z, a-z, 0-9, "_" or "-"'))
  const server = checkServerUrl(options.serverUrl)
  if ('problem' in server) diagnostics.push(invalid('serverUrl', server.problem))
  if (typeof options.token !== 'string' || !TOKEN.test(options.token))
    diagnostics.push(invalid('token', 'must be 32 to 128 characters of A-Z, a-z, 0-9, "_" or "-"'))
  const heartbeatSeconds = checkInteger(
    options.heartbeatSeconds,
    'heartbeatSeconds',
    5,
    300,
    15,
    diagnostics,
  )
  const offlineMinutes = checkInteger(
    options.offlineMinutes,
    'offlineMinutes',
    1,
    1440,
    15,
    diagnostics,
  )
  const offlinePolicy = options.offlinePolicy ?? 'stop-entries'
  if (offlinePolicy !== 'stop-entries' && offlinePolicy !== 'keep-trading')
    diagnostics.push(invalid('offlinePolicy', 'must be "stop-entries" or "keep-trading"'))
  if (diagnostics.length > 0 || 'problem' in server) return { ok: false, diagnostics }
  return {
    ok: true,
    deployment: {
      id: id as string,
      serverUrl: server.url,
      whitelistUrl: server.origin,
      token: options.token as string,
      heartbeatSeconds,
      offlinePolicy: offlinePolicy as OfflinePolicy,
      offlineMinutes,
      magic: deploymentMagic(id as string),
    },
  }
}
