/**
 * The HTTP side of a paper terminal: one POST per protocol message to
 * `<serverUrl>/api/ea/v1/deployments/<id>/<message>`, exactly as an EA's WebRequest sends it
 * (docs/ea-protocol.md §1–3): bearer token, JSON in pure ASCII, a 3 s timeout, no redirects.
 */

export type ProtocolMessage = 'hello' | 'ready' | 'heartbeat' | 'ack' | 'trades'

/** What came back: a 2xx body, or why not (status null: no answer at all). */
export type ProtocolOutcome =
  | {
      readonly ok: true
      readonly status: number
      // Replies are read member by member by the terminal, which checks what it uses.
      readonly body: Record<string, unknown>
      readonly retryAfterSeconds: number | null
    }
  | {
      readonly ok: false
      readonly status: number | null
      /** The error body's `error.code`, when there is one. */
      readonly code: string | null
      readonly message: string
      readonly retryAfterSeconds: number | null
    }

export interface ProtocolClient {
  send(message: ProtocolMessage, body: object): Promise<ProtocolOutcome>
}

export interface ProtocolClientOptions {
  readonly serverUrl: string
  readonly deploymentId: string
  readonly token: string
  /** The EA gives up after 3 s (protocol §4). */
  readonly timeoutMs?: number
  readonly fetch?: typeof fetch
}

export function createProtocolClient(options: ProtocolClientOptions): ProtocolClient {
  const base = `${options.serverUrl.replace(/\/+$/, '')}/api/ea/v1/deployments/${options.deploymentId}/`
  const timeoutMs = options.timeoutMs ?? 3_000
  const doFetch = options.fetch ?? fetch
  return {
    async send(message, body) {
      let response: Response
      try {
        response = await doFetch(base + message, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: asciiJson(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        const cause = error instanceof Error ? error.message : String(error)
        return {
          ok: false,
          status: null,
          code: null,
          message: `no answer: ${cause}`,
          retryAfterSeconds: null,
        }
      }
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'))
      let json: unknown = null
      try {
        const text = await response.text()
        json = text === '' ? null : JSON.parse(text)
      } catch {
        json = null
      }
      if (response.status >= 200 && response.status < 300) {
        const body =
          typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
        return { ok: true, status: response.status, body, retryAfterSeconds }
      }
      const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error
      return {
        ok: false,
        status: response.status,
        code: typeof error?.code === 'string' ? error.code : null,
        message:
          typeof error?.message === 'string'
            ? error.message
            : `HTTP ${response.status} on ${message}`,
        retryAfterSeconds,
      }
    },
  }
}

/** JSON with every character outside printable ASCII escaped as \uXXXX, as the EA writes it (§1). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}
