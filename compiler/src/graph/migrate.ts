import { GRAPH_SCHEMA_VERSION } from './schema'

type MigrateResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly path: readonly (string | number)[] }

/** One step per schema version: `migrations[n]` turns a version-n document into version n+1. */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {}

/**
 * Brings an older graph document up to `GRAPH_SCHEMA_VERSION`. Version 1 is the first, so today
 * this only rejects documents that are not objects or come from a newer compiler.
 */
export function migrateGraph(input: unknown): MigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: 'expected a graph object', path: [] }
  }
  let doc = input as Record<string, unknown>
  const version = doc.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: 'schemaVersion must be a positive integer',
      path: ['schemaVersion'],
    }
  }
  if (version > GRAPH_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this compiler supports (${GRAPH_SCHEMA_VERSION})`,
      path: ['schemaVersion'],
    }
  }
  for (let v = version; v < GRAPH_SCHEMA_VERSION; v++) {
    const step = migrations[v]
    if (!step)
      return { ok: false, message: `no migration from schemaVersion ${v}`, path: ['schemaVersion'] }
    doc = step(doc)
  }
  return { ok: true, value: doc }
}
