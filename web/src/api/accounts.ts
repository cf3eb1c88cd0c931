import { ApiError, currentCsrfToken, errorFromResponse, request } from './client'

/** One symbol's contract on a trading account (the runtime's `SymbolSpec`). */
export interface AccountSymbol {
  name: string
  description: string
  digits: number
  point: number
  pipSize: number
  tickSize: number
  tickValue: number
  contractSize: number
  volumeMin: number
  volumeMax: number
  volumeStep: number
  typicalSpread: number
  stopsLevel: number
}

export type AccountKind = 'live' | 'paper'
export type MarginMode = 'netting' | 'hedging'

/** A MetaTrader account of the user, or a paper account run by the paper terminal. */
export interface TradingAccount {
  id: string
  name: string
  kind: AccountKind
  broker: string
  server: string
  login: string
  marginMode: MarginMode
  currency: string
  dayTimeZone: string
  initialBalance: number
  symbols: AccountSymbol[]
  /** When a terminal on this account last reached the server (connector or an EA). */
  terminalSeenAt: string | null
  /** Paper, or a terminal seen within the last 30 minutes: preflight's `terminal` check. */
  terminalLive: boolean
  createdAt: string
  updatedAt: string
}

/**
 * A new account. Live accounts need broker, server, login, margin mode and currency; a paper
 * account gets the simulator as broker and server and a generated login when they are left out.
 */
export interface CreateAccount {
  name: string
  kind: AccountKind
  broker?: string
  server?: string
  login?: string
  marginMode?: MarginMode
  currency?: string
  dayTimeZone?: string
  initialBalance?: number
}

/** What importing an exporter file did; `errors` name the rows that were skipped. */
export interface ImportResult {
  imported: number
  errors: { index: number; name?: string; field?: string; message: string }[]
}

const base = (id: string) => `/trading-accounts/${encodeURIComponent(id)}`

/** The user's trading accounts. */
export async function listAccounts(): Promise<TradingAccount[]> {
  return request<TradingAccount[]>('GET', '/trading-accounts')
}

/** One trading account with its symbol catalogue. */
export async function getAccount(id: string): Promise<TradingAccount> {
  return request<TradingAccount>('GET', base(id))
}

/** Creates an account; a paper account's catalogue starts as the runtime's built-in symbols. */
export async function createAccount(input: CreateAccount): Promise<TradingAccount> {
  return request<TradingAccount>('POST', '/trading-accounts', input)
}

/** Deletes an account (the server refuses while one of its deployments is live). */
export async function deleteAccount(id: string): Promise<void> {
  await request<void>('DELETE', base(id))
}

/** A symbol as sent: `point` and `pipSize` are derived from `digits` when left out. */
export type SymbolInput = Omit<AccountSymbol, 'point' | 'pipSize'> &
  Partial<Pick<AccountSymbol, 'point' | 'pipSize'>>

/** Adds or replaces one symbol of the catalogue; the server validates every field. */
export async function upsertSymbol(id: string, symbol: SymbolInput): Promise<TradingAccount> {
  return request<TradingAccount>(
    'PUT',
    `${base(id)}/symbols/${encodeURIComponent(symbol.name)}`,
    symbol,
  )
}

/** Removes one symbol from the catalogue. */
export async function deleteSymbol(id: string, name: string): Promise<void> {
  await request<void>('DELETE', `${base(id)}/symbols/${encodeURIComponent(name)}`)
}

/**
 * A request whose body or answer is not our JSON (a file sent as is, an attachment back).
 * Rejects with an ApiError carrying the server's message, like `request`.
 */
export async function rawRequest(
  method: 'GET' | 'POST',
  path: string,
  body?: { text: string; type: string },
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (body) headers['content-type'] = body.type
  const token = method === 'GET' ? null : currentCsrfToken()
  if (token) headers['x-csrf-token'] = token
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body?.text,
    })
  } catch (cause) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?', { cause })
  }
  if (!response.ok) {
    throw errorFromResponse(response.status, await response.text(), `${method} /api${path}`)
  }
  return response
}

/**
 * Sends the JSON file written by `TradeloomSymbolExport.mq5` exactly as it is, so the server's
 * parser reports problems against the file itself. `replace` drops symbols the file lacks.
 */
export async function importSymbols(
  id: string,
  fileText: string,
  mode: 'merge' | 'replace',
): Promise<ImportResult> {
  const response = await rawRequest('POST', `${base(id)}/symbols/import?mode=${mode}`, {
    text: fileText,
    type: 'application/json',
  })
  return (await response.json()) as ImportResult
}

/** A file the server sent as an attachment, bytes untouched (MQL5 files carry a UTF-8 BOM). */
export interface Attachment {
  fileName: string
  blob: Blob
}

/** The file name of a `Content-Disposition: attachment; filename="…"` answer, or the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''))
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1]!.trim() : fallback
}

/** Reads an attachment answer into its file name and bytes. */
export async function readAttachment(response: Response, fallback: string): Promise<Attachment> {
  return {
    fileName: attachmentName(response.headers.get('content-disposition'), fallback),
    blob: await response.blob(),
  }
}

/**
 * Generates `TradeloomConnect.mq5` with a fresh account token baked in (the previous connector
 * stops working). Run once in the terminal to prove the account's terminal reaches the server.
 */
export async function downloadConnector(id: string): Promise<Attachment> {
  const response = await rawRequest('POST', `${base(id)}/connector`)
  return readAttachment(response, 'TradeloomConnect.mq5')
}
