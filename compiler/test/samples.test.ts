import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompileSuccess } from '../src/index'
import { compile, strategyTemplates } from '../src/index'
import { findMql5SyntaxProblems } from './support/mql5-syntax'
import { typecheckModules } from './support/typecheck-ts'

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), 'samples')

function compileOk(graph: unknown): CompileSuccess {
  const result = compile(graph)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2))
  return result
}

/** The same document with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  )
}

describe.each(strategyTemplates)('template $id', (template) => {
  const result = compileOk(template.graph)

  it('compiles without warnings', () => {
    expect(result.diagnostics).toEqual([])
  })

  it('matches the golden TypeScript', async () => {
    await expect(result.ts).toMatchFileSnapshot(
      join(samplesDir, template.id, '_expected/strategy.ts'),
    )
  })

  it('matches the golden MQL5', async () => {
    await expect(result.mql5).toMatchFileSnapshot(
      join(samplesDir, template.id, '_expected/strategy.mq5'),
    )
  })

  it('gives byte-identical output for the same graph, whatever its key order', () => {
    const again = compileOk(reverseKeys(template.graph))
    expect(again.ts).toBe(result.ts)
    expect(again.mql5).toBe(result.mql5)
    expect(again.contentHash).toBe(result.contentHash)
  })

  it('emits MQL5 that parses with zero error or missing nodes', async () => {
    expect(await findMql5SyntaxProblems(result.mql5)).toEqual([])
  })

  it('emits an EA with the conventions MetaTrader expects', () => {
    expect(result.mql5).toContain('void OnTick()')
    expect(result.mql5).toContain('int OnInit()')
    expect(result.mql5).toContain(`sha256:${result.contentHash}`)
    expect(result.mql5).not.toMatch(/@tradeloom:/)
    expect(result.mql5).not.toMatch(/#include <Tradeloom/)
    // Node sentences are ASCII, so a template's EA reads the same in MetaEditor whatever the encoding.
    expect([...result.mql5].every((char) => char.charCodeAt(0) < 128)).toBe(true)
  })
})

describe('generated TypeScript', () => {
  let problems: string[] = []
  beforeAll(() => {
    const files = Object.fromEntries(
      strategyTemplates.map((t) => [`${t.id}.ts`, compileOk(t.graph).ts]),
    )
    problems = typecheckModules(files)
  }, 60_000)

  it('typechecks strictly against @tradeloom/runtime for every template', () => {
    expect(problems).toEqual([])
  })
})
