import type { HaltReason } from './messages'
import { PaperSessionError } from './session-host'
import type { PaperSession } from './session-host'

/**
 * Why a paper terminal blocks new entries, with its session kept halted to match: a `halt` or
 * `close_all` command (until `resume`), a 403 refusal (until an accepted hello or heartbeat), or
 * the offline policy. Only the first two are the protocol's persisted halt (`haltReason`).
 */
export class EntryBlock {
  private command: 'none' | 'halt' | 'close_all' = 'none'
  private refused = false
  private offline = false
  private sessionHalted = false

  constructor(
    private readonly session: PaperSession,
    private readonly offlineMinutes: number,
    private readonly onSessionError: (message: string) => void,
  ) {}

  async set(change: {
    command?: 'none' | 'halt' | 'close_all'
    refused?: boolean
    offline?: boolean
  }): Promise<void> {
    this.command = change.command ?? this.command
    this.refused = change.refused ?? this.refused
    this.offline = change.offline ?? this.offline
    const want = this.reason() !== null
    if (want === this.sessionHalted) return
    this.sessionHalted = want
    try {
      if (want) await this.session.halt()
      else await this.session.resume()
    } catch (error) {
      if (!(error instanceof PaperSessionError)) throw error
      this.onSessionError(`The strategy's session failed: ${error.message}`)
    }
  }

  get isRefused(): boolean {
    return this.refused
  }

  get isOffline(): boolean {
    return this.offline
  }

  /** Why entries are blocked, for a person; null when they are not. */
  reason(): string | null {
    if (this.command !== 'none') return `the server's ${this.command}`
    if (this.refused) return 'the server refused the terminal'
    if (this.offline) return `no heartbeat for ${this.offlineMinutes} minutes`
    return null
  }

  /** The halt the protocol reports (ready, heartbeat). */
  haltReason(): HaltReason {
    if (this.command !== 'none') return this.command
    return this.refused ? 'refused' : 'none'
  }
}
