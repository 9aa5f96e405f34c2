/** Every spec shown to users validates: the README's spec blocks and examples/*.yaml. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { caEnv } from '../support/ca-fixture.js'
import { evaluate } from '../support/spec-helpers.js'
import { said } from './said.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
/** The README's yaml blocks that are specs (workflows are checked by workflows.test.ts). */
const readmeSpecs = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```/gm)]
  .map(m => m[1])
  .filter(block => /^version: 1$/m.test(block))
const examples = readdirSync(path.join(repoRoot, 'examples')).filter(name => name.endsWith('.yaml'))

describe('the specs users copy', () => {
  it('include the README spec block and every example', () => {
    expect(readmeSpecs.length).toBeGreaterThanOrEqual(1)
    expect(examples.sort()).toEqual(['full.yaml', 'minimal.yaml', 'preview.yaml', 'production.yaml'])
  })

  it.each(readmeSpecs.map((block, i) => [i + 1, block] as const))(
    'README spec block %d validates',
    (_, block) => {
      const result = evaluate(block, caEnv())
      expect(said(result)).toEqual([])
      expect(result.request).toBeDefined()
    }
  )

  it.each(examples)('examples/%s validates, warning only about the deprecated parameters it shows', name => {
    // preview.yaml names its mesh after the pull request, which its workflow maps into PR_NUMBER.
    const env = { ...caEnv(), PR_NUMBER: '42' }
    const result = evaluate(readFileSync(path.join(repoRoot, 'examples', name), 'utf8'), env)
    expect(said(result).filter(line => !/ warning: \S+ is deprecated: /.test(line))).toEqual([])
    expect(result.request).toBeDefined()
  })
})
