import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildTemplatesModule } from './build-templates-module'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(packageDir, 'src', 'templates.gen.ts')
writeFileSync(target, buildTemplatesModule(packageDir))
console.log(`wrote ${target}`)
