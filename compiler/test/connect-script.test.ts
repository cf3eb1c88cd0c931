import { mql5Sources } from '@tradeloom/mql5-templates'
import { describe, expect, it } from 'vitest'
import { inlineIncludes } from '../src/targets/mql5/inline-includes'
import { findMql5SyntaxProblems, findUndefinedCalls } from './support/mql5-syntax'

const PATH = 'Scripts/TradeloomConnect.mq5'

// The server (server/src/trading-accounts/connector-script.ts) fills these and inlines Json.mqh.
const FILLED: Record<string, string> = {
  SERVER_URL: 'https://tradeloom.example.com/app',
  WHITELIST_URL: 'https://tradeloom.example.com',
  ACCOUNT_ID: '3f2c9a4e-1b7d-4c8e-9f00-123456789abc',
  ACCOUNT_TOKEN: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
  LOGIN: '51234567',
}

describe(PATH, () => {
  const template = mql5Sources[PATH]!
  const downloaded = inlineIncludes(
    template.replace(/__TRADELOOM_([A-Z_]+?)__/g, (_m, name: string) => FILLED[name]!),
  )

  it('is a template with exactly the placeholders the server fills', () => {
    const names = new Set([...template.matchAll(/__TRADELOOM_([A-Z_]+?)__/g)].map((m) => m[1]))
    expect([...names].sort()).toEqual(Object.keys(FILLED).sort())
    // eslint-disable-next-line no-control-regex -- tab and line ends are the allowed controls
    expect(/[^\x09\x0a\x0d\x20-\x7e]/.test(template)).toBe(false)
  })

  it('parses, as a template and as downloaded, calling only MQL5 built-ins or its own functions', async () => {
    expect(await findMql5SyntaxProblems(template)).toEqual([])
    expect(downloaded).not.toMatch(/#include|__TRADELOOM_/)
    expect(await findMql5SyntaxProblems(downloaded)).toEqual([])
    expect(await findUndefinedCalls(downloaded)).toEqual([])
  })

  it('sends one hello with the bearer token from OnStart, and never prints the token', () => {
    expect(template.match(/WebRequest\(/g)).toHaveLength(1)
    const onStart = template.slice(template.indexOf('void OnStart()'))
    expect(onStart).toContain('WebRequest("POST", url, headers')
    expect(template).toContain('"Authorization: Bearer " + TL_CONNECT_ACCOUNT_TOKEN')
    expect(template).toContain('"/api/ea/v1/accounts/" + TL_CONNECT_ACCOUNT_ID + "/hello"')
    for (const member of [
      'protocol',
      'login',
      'server',
      'company',
      'currency',
      'marginMode',
      'terminalBuild',
      'tradeAllowed',
      'timeGmt',
    ]) {
      expect(template, member).toMatch(new RegExp(`TlJsonAdd\\w+\\(w, "${member}"`))
    }
    const printing = template.split('\n').filter((line) => /Print/.test(line))
    expect(printing.length).toBeGreaterThan(0)
    for (const line of printing) expect(line).not.toContain('TOKEN')
    // Error 4014: the URL is not allowed; the script names the origin to allow.
    expect(template).toContain('#define TL_CONNECT_NOT_ALLOWED   4014')
    expect(onStart).toMatch(
      /error == TL_CONNECT_NOT_ALLOWED\)\s+PrintFormat\("Tradeloom: WebRequest is not allowed for %s/,
    )
  })
})
