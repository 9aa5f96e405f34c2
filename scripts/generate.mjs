// Regenerates the generated files: schema/mesh.schema.json and docs/rules.md (from the field table and the
// rules), docs/spec.md's reference, docs/reports.md's examples, and the README's inputs/outputs tables and
// example workflows. The generators are the freshness tests themselves, run with UPDATE_GENERATED=1, so they use the
// same TypeScript toolchain as the tests and need no separate build step.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const jest = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url))
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    jest,
    '__tests__/meshspec/schema.test.ts',
    '__tests__/meshspec/rules-doc.test.ts',
    '__tests__/docs.test.ts'
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, UPDATE_GENERATED: '1' }
  }
)
process.exit(result.status ?? 1)
