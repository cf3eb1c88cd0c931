import { readMql5Source } from '@tradeloom/mql5-templates'

export const CONNECTOR_TEMPLATE_PATH = 'Scripts/TradeloomConnect.mq5'
export const CONNECTOR_FILE_NAME = 'TradeloomConnect.mq5'

export interface ConnectorSettings {
  /** The server's public base URL (`settings.publicUrl`), without a trailing slash. */
  readonly serverUrl: string
  readonly accountId: string
  /** The account token, 32 random bytes base64url: only its hash is stored. */
  readonly token: string
  readonly login: string
}

// Only characters that need no escaping inside an MQL5 string literal go into the script.
const SAFE_VALUE = /^[A-Za-z0-9_\-.:/[\]@%~]*$/

/**
 * The connector script with this account's settings filled in, as one file: the JSON helpers it
 * includes (`Include/Tradeloom/Json.mqh`) are inlined like the compiler does for EAs, so the
 * trader compiles it without our include folder.
 */
export function connectorScript(settings: ConnectorSettings): string {
  const values: Record<string, string> = {
    SERVER_URL: settings.serverUrl,
    WHITELIST_URL: new URL(settings.serverUrl).origin,
    ACCOUNT_ID: settings.accountId,
    ACCOUNT_TOKEN: settings.token,
    LOGIN: settings.login,
  }
  for (const [name, value] of Object.entries(values)) {
    if (!SAFE_VALUE.test(value)) {
      throw new Error(`Connector script: ${name} holds characters an MQL5 string cannot carry`)
    }
  }
  const filled = readMql5Source(CONNECTOR_TEMPLATE_PATH).replace(
    /__TRADELOOM_([A-Z_]+?)__/g,
    (placeholder, name: string) => {
      const value = values[name]
      if (value === undefined)
        throw new Error(`Connector script: unknown placeholder ${placeholder}`)
      return value
    },
  )
  return filled.replace(/^#include <Tradeloom\\([^>]+)>[ \t]*$/gm, (_line, file: string) => {
    const path = `Tradeloom/${file.replace(/\\/g, '/')}`
    const body = readMql5Source(`Include/${path}`).replace(/\n+$/, '')
    if (/^#include <Tradeloom\\/m.test(body)) {
      throw new Error(`Connector script: ${path} includes more of the library; inline it too`)
    }
    return `//--- begin ${path} (Tradeloom include library, inlined)\n${body}\n//--- end ${path}`
  })
}
