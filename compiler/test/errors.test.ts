import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/index'

const errorsDir = join(dirname(fileURLToPath(import.meta.url)), 'errors')
const codes = readdirSync(errorsDir).sort()

/** Every diagnostic code the catalog can produce; a fixture folder must exist for each. */
const CATALOG_CODES = [
  'cycle',
  'duplicate-edge-id',
  'duplicate-node-id',
  'edge-missing-node',
  'edge-missing-port',
  'exit-without-entry',
  'input-already-connected',
  'invalid-graph',
  'missing-required-input',
  'no-entry-action',
  'param-invalid',
  'param-out-of-range',
  'port-type-mismatch',
  'sizing-needs-stop-loss',
  'unconnected-node',
  'unknown-node-kind',
  'unknown-param',
]

describe('error fixtures', () => {
  it('exist for every diagnostic code in the catalog', () => {
    expect(codes).toEqual(CATALOG_CODES)
  })

  it.each(codes)('%s: compile reports it, names where, and does not throw', async (code) => {
    const graph: unknown = JSON.parse(readFileSync(join(errorsDir, code, 'graph.json'), 'utf8'))
    const result = compile(graph)
    const matching = result.diagnostics.filter((d) => d.code === code)
    expect(matching.length, JSON.stringify(result.diagnostics, null, 2)).toBeGreaterThan(0)
    for (const diagnostic of matching) {
      expect(
        diagnostic.nodeId ??
          diagnostic.edgeId ??
          diagnostic.path ??
          (code === 'no-entry-action' ? 'graph' : undefined),
      ).toBeDefined()
    }
    await expect(JSON.stringify(result.diagnostics, null, 2) + '\n').toMatchFileSnapshot(
      join(errorsDir, code, 'expected.json'),
    )
  })
})
