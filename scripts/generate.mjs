// Regenerates schema/mesh.schema.json (and the README's spec reference, between its markers) from the field
// table. The generator is the schema test itself, run with UPDATE_GENERATED=1, so it uses the same TypeScript
// toolchain as the tests and needs no separate build step.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const jest = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url))
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', jest, '__tests__/spec/schema.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, UPDATE_GENERATED: '1' }
  }
)
process.exit(result.status ?? 1)
