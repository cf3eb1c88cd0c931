import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildTemplatesModule } from '../scripts/build-templates-module'
import { mql5Sources } from './templates.gen'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')

describe('templates.gen.ts', () => {
  it('is up to date with the .mq5/.mqh files (run `npm run gen -w @tradeloom/mql5-templates`)', () => {
    const committed = readFileSync(join(packageDir, 'src', 'templates.gen.ts'), 'utf8')
    expect(committed).toBe(buildTemplatesModule(packageDir))
  })

  it('holds the EA skeleton with every slot the compiler fills', () => {
    const skeleton = mql5Sources['Experts/Skeleton.mq5'] ?? ''
    for (const slot of [
      'header',
      'includes',
      'inputs',
      'deployment-inputs',
      'deployment',
      'globals',
      'reset',
      'on-bar',
      'validate-inputs',
      'on-init',
      'on-deinit',
      'functions',
    ]) {
      expect(skeleton).toContain(`//@tradeloom:${slot}\n`)
    }
  })

  it('guards every include file against double inclusion', () => {
    const includes = Object.entries(mql5Sources).filter(([path]) => path.endsWith('.mqh'))
    expect(includes.length).toBeGreaterThan(0)
    for (const [path, text] of includes) {
      const guard = path
        .replace(/^Include\//, '')
        .replace(/[/.]/g, '_')
        .toUpperCase()
      expect(text, path).toContain(`#ifndef ${guard}`)
    }
  })
})
