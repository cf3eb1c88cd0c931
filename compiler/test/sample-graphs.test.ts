import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { strategyTemplates } from '../src/index'

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), 'samples')

// Each template's graph is also a file, for the CLI (`tradeloom backtest --graph …`) and for
// readers of the golden output; this keeps the files equal to the templates.
describe.each(strategyTemplates)('samples/$id/graph.json', (template) => {
  it('is the template graph', async () => {
    const expected = `${JSON.stringify(template.graph, null, 2)}\n`
    await expect(expected).toMatchFileSnapshot(join(samplesDir, template.id, 'graph.json'))
    expect(JSON.parse(readFileSync(join(samplesDir, template.id, 'graph.json'), 'utf8'))).toEqual(template.graph)
  })
})
