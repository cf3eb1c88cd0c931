import { readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NodeDefinition } from './define-node'
import { nodeDefinitions } from './registry'

const nodesDir = dirname(fileURLToPath(import.meta.url))

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return listTs(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

function isDefinition(value: unknown): value is NodeDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'emitTs' in value &&
    'emitMql5' in value
  )
}

describe('node registry', async () => {
  const files = await Promise.all(
    listTs(nodesDir).map(async (path) => ({
      path: relative(nodesDir, path),
      definitions: Object.values((await import(path)) as Record<string, unknown>).filter(
        isDefinition,
      ),
    })),
  )

  it('lists every node definition exported by a node file, under its own kind', () => {
    const kinds = [...new Set(files.flatMap((f) => f.definitions.map((def) => def.kind)))].sort()
    expect(Object.keys(nodeDefinitions).sort()).toEqual(kinds)
    for (const [key, def] of Object.entries(nodeDefinitions)) expect(def.kind).toBe(key)
  })

  it('names each node file after its kind', () => {
    for (const { path, definitions } of files) {
      for (const def of definitions)
        expect(path.endsWith(`${def.kind}.ts`), `${def.kind} lives in ${path}`).toBe(true)
    }
  })
})
