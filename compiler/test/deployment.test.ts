import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CompileSuccess, DeploymentOptions } from '../src/index'
import { compile, mql5CodeHash, strategyTemplates } from '../src/index'
import { sha256Hex } from '../src/hash/sha256'
import { callersOf, listMql5Calls } from './support/mql5-call-graph'
import { findMql5SyntaxProblems, findUndefinedCalls } from './support/mql5-syntax'
import { validGraphArbitrary } from './support/random-graph'

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), 'samples-deployment')
const DEPLOYMENT: DeploymentOptions = JSON.parse(
  readFileSync(join(samplesDir, 'sma-cross', 'deployment.json'), 'utf8'),
)
/** Where the EA could write text a person (or a log collector) reads. */
const LOG_SINKS = new Set(['Print', 'PrintFormat', 'printf', 'Alert', 'Comment', 'MessageBox'])

function compileOk(graph: unknown, deployment?: DeploymentOptions): CompileSuccess {
  const result = compile(graph, deployment && { deployment })
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2))
  return result
}

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

describe('deployment EA golden', () => {
  it('matches samples-deployment/sma-cross/_expected/strategy.mq5', async () => {
    const template = strategyTemplates.find((t) => t.id === 'sma-cross')!
    const result = compileOk(template.graph, DEPLOYMENT)
    await expect(result.mql5).toMatchFileSnapshot(
      join(samplesDir, 'sma-cross', '_expected', 'strategy.mq5'),
    )
  })
})

describe.each(strategyTemplates)('template $id built as a deployment', (template) => {
  const plain = compileOk(template.graph)
  const deployed = compileOk(template.graph, DEPLOYMENT)

  it('parses with zero error or missing nodes and calls only defined functions', async () => {
    expect(await findMql5SyntaxProblems(deployed.mql5)).toEqual([])
    expect(await findUndefinedCalls(deployed.mql5)).toEqual([])
  })

  it('keeps the TypeScript and the content hash of the plain build', () => {
    expect(deployed.ts).toBe(plain.ts)
    expect(deployed.contentHash).toBe(plain.contentHash)
    expect(deployed.mql5).not.toBe(plain.mql5)
  })

  it('is deterministic and carries its own verifiable code hash', () => {
    const again = compileOk(structuredClone(template.graph), { ...DEPLOYMENT })
    expect(again.mql5).toBe(deployed.mql5)
    expect(again.codeHash).toBe(deployed.codeHash)
    expect(mql5CodeHash(deployed.mql5)).toBe(deployed.codeHash)
    expect(deployed.mql5).toContain(`TL_CODE_HASH         = "${deployed.codeHash}"`)
    expect(deployed.mql5).toContain(`TL_CONTENT_HASH      = "${deployed.contentHash}"`)
  })

  it('asks the server before every entry, and only before entries', () => {
    const gates = count(deployed.mql5, 'TlGuardrailsAllowEntry(g_guardrails, InpMagic))')
    expect(gates).toBeGreaterThan(0)
    expect(count(deployed.mql5, 'TlControlAllowEntry() && TlGuardrailsAllowEntry(')).toBe(gates)
    expect(count(deployed.mql5, 'TlControlAllowEntry()')).toBe(gates + 1) // + its definition
  })

  it('wires the control client into the EA', () => {
    const { mql5 } = deployed
    expect(mql5).toContain('TlTrackedTrade g_trade;')
    expect(mql5).toContain('void OnTimer()')
    expect(mql5).toContain('void OnTradeTransaction(')
    expect(mql5).toMatch(/if\(TlControlEnabled\(\) && !EventSetTimer\(TL_TIMER_SECONDS\)\)/)
    expect(mql5).toMatch(/void OnDeinit\(const int reason\)\n {2}\{\n {3}EventKillTimer\(\);/)
    expect(mql5).toContain(`sinput long   InpMagic        = ${deployed.deployment!.magic};`)
    expect(mql5).not.toMatch(/@tradeloom:|#include <Tradeloom/)
    expect([...mql5].every((char) => char.charCodeAt(0) < 128)).toBe(true)
  })

  it('tells the trader which URL to allow, within the 511 characters MetaTrader keeps', () => {
    const description = /^#property description (".*")$/m.exec(deployed.mql5)![1]!
    expect(description).toMatch(
      /^"Allow WebRequest for https:\/\/tradeloom\.example\.com in Tools > Options > Expert Advisors\./,
    )
    expect(description.length).toBeLessThanOrEqual(511)
  })
})

describe('the deployment token', () => {
  const template = strategyTemplates.find((t) => t.id === 'atr-trailing-trend')!
  const result = compileOk(template.graph, DEPLOYMENT)

  it('appears once, in its constant, and flows only into the request headers', () => {
    const { mql5 } = result
    expect(count(mql5, DEPLOYMENT.token)).toBe(1)
    expect(mql5).toContain(`const string TL_DEPLOYMENT_TOKEN  = "${DEPLOYMENT.token}";`)
    expect(count(mql5, 'TL_DEPLOYMENT_TOKEN')).toBe(2) // the constant and TlControlInit's call
    expect(count(mql5, 'g_tlControl.headers')).toBe(2) // set once, read once by WebRequest
    expect(mql5).toMatch(/WebRequest\("POST", [^;]*g_tlControl\.headers/)
  })

  it('is never in a Print, PrintFormat or other log call', async () => {
    const calls = await listMql5Calls(result.mql5)
    const logged = calls.filter((c) => LOG_SINKS.has(c.callee))
    expect(logged.length).toBeGreaterThan(20)
    for (const call of logged)
      expect(call.args, `${call.caller}: ${call.callee}${call.args}`).not.toMatch(
        /TL_DEPLOYMENT_TOKEN|\btoken\b|headers|Authorization|Bearer/,
      )
  })

  it('is not in the #property description nor in the compile result besides the source', () => {
    expect(/^#property description .*$/m.exec(result.mql5)![0]).not.toContain(DEPLOYMENT.token)
    const { mql5: _mql5, ...rest } = result
    expect(JSON.stringify(rest)).not.toContain(DEPLOYMENT.token)
  })
})

describe('network use', () => {
  const template = strategyTemplates.find((t) => t.id === 'sma-cross')!
  const { mql5 } = compileOk(template.graph, DEPLOYMENT)

  it('calls WebRequest only on the way from OnTimer, never from OnTick, OnInit or a trade', async () => {
    const reaching = callersOf(await listMql5Calls(mql5), 'WebRequest')
    expect(reaching.has('OnTimer')).toBe(true)
    for (const handler of ['OnTick', 'OnInit', 'OnDeinit', 'OnTradeTransaction', 'OrderSend'])
      expect(reaching.has(handler), handler).toBe(false)
  })

  it('switches the client off in the Strategy Tester and in optimisations', async () => {
    expect(mql5).toMatch(
      /return\(MQLInfoInteger\(MQL_TESTER\) != 0 \|\| MQLInfoInteger\(MQL_OPTIMIZATION\) != 0\);/,
    )
    expect(mql5).toContain('g_tlControl.enabled = !TlControlInTester();')
    // Every way in from an event checks `enabled` first.
    for (const entry of [
      'void TlControlOnTimer(',
      'void TlControlOnTradeTransaction(',
      'void TlRecordSend(',
      'void TlControlDeinit(',
      'bool TlControlAllowEntry(',
    ]) {
      const body = mql5.slice(mql5.indexOf(entry))
      const firstStatement = body.slice(body.indexOf('{') + 1).trimStart()
      expect(firstStatement, entry).toMatch(/^if\(!g_tlControl\.enabled/)
    }
  })
})

describe('deployment builds of random graphs and options', () => {
  it('gate every entry of every valid random graph, and parse', async () => {
    const graphs = fc.sample(validGraphArbitrary, { seed: 20260107, numRuns: 15 })
    for (const graph of graphs) {
      const result = compileOk(graph, DEPLOYMENT)
      const entries = graph.nodes.filter((n) => n.kind.startsWith('enter-')).length
      expect(count(result.mql5, 'TlControlAllowEntry() && TlGuardrailsAllowEntry(')).toBe(entries)
      expect(await findMql5SyntaxProblems(result.mql5)).toEqual([])
    }
  }, 60_000)

  it('never throw for hostile option values', () => {
    const graph = strategyTemplates[0]!.graph
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (deployment, field) => {
        const options = { ...DEPLOYMENT, id: field } as unknown as DeploymentOptions
        for (const value of [deployment, options]) {
          const result = compile(graph, { deployment: value as DeploymentOptions })
          if (!result.ok)
            expect(result.diagnostics.every((d) => d.code === 'invalid-deployment')).toBe(true)
        }
      }),
      { seed: 20260107, numRuns: 200 },
    )
  })
})

describe('compile options', () => {
  const graph = strategyTemplates[0]!.graph

  it('leaves a plain build as it was: no control client, code hash of the file', () => {
    const result = compileOk(graph)
    expect(result.codeHash).toBe(sha256Hex(result.mql5))
    expect(result.deployment).toBeUndefined()
    expect(result.mql5).not.toMatch(/TlControl|OnTimer|TL_DEPLOYMENT/)
    expect(compile(graph, {})).toEqual(result)
  })

  it('returns invalid settings as diagnostics, without throwing and without the token', () => {
    const token = 'not-long-enough'
    const result = compile(graph, {
      deployment: { id: 'a/b', serverUrl: 'http://example.com', token },
    })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['invalid-deployment', ['deployment', 'id']],
      ['invalid-deployment', ['deployment', 'serverUrl']],
      ['invalid-deployment', ['deployment', 'token']],
    ])
    expect(JSON.stringify(result.diagnostics)).not.toContain(token)
  })

  it('reports graph errors and deployment errors together', () => {
    const result = compile({ schemaVersion: 1 }, { deployment: { ...DEPLOYMENT, id: '' } })
    expect(result.ok).toBe(false)
    const codes = new Set(result.diagnostics.map((d) => d.code))
    expect(codes).toEqual(new Set(['invalid-graph', 'invalid-deployment']))
  })

  it('bakes the offline policy and minutes into the inputs and reports the settings', () => {
    const result = compileOk(graph, {
      ...DEPLOYMENT,
      offlinePolicy: 'keep-trading',
      offlineMinutes: 45,
    })
    expect(result.mql5).toMatch(/InpOfflinePolicy {2}= TL_OFFLINE_KEEP_TRADING;/)
    expect(result.mql5).toMatch(/InpOfflineMinutes = 45;/)
    expect(result.deployment).toEqual({
      id: DEPLOYMENT.id,
      serverUrl: 'https://tradeloom.example.com',
      whitelistUrl: 'https://tradeloom.example.com',
      heartbeatSeconds: 20,
      offlinePolicy: 'keep-trading',
      offlineMinutes: 45,
      magic: result.deployment!.magic,
    })
  })
})
