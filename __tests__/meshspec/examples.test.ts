/**
 * Every spec shown to users validates (the spec blocks of the README and docs/spec.md, and examples/*.yaml) and costs nothing by
 * surprise; the reference file of every parameter says it is not one to copy.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { FIELDS } from '../../src/meshspec/fields.js'
import { caEnv } from '../support/ca-fixture.js'
import { evaluate } from '../support/spec-helpers.js'
import { said } from './said.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
/** The yaml blocks of the docs that are specs (workflows are checked by workflows.test.ts). */
const docSpecs = ['README.md', 'docs/spec.md']
  .flatMap(file => [
    ...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```/gm)
  ])
  .map(m => m[1])
  .filter(block => /^version: 1$/m.test(block))
/** What the example workflows map into the step's env: the CA material, and the preview's pull request number. */
const exampleEnv = { ...caEnv(), PR_NUMBER: '42' }
const yamlIn = (folder: string) =>
  readdirSync(path.join(repoRoot, folder)).filter(name => name.endsWith('.yaml'))
const read = (name: string) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8')
/** Specs to start from. */
const examples = yamlIn('examples')
/** Files that show every parameter's syntax for the tests; they buy months and set deprecated parameters. */
const references = yamlIn('examples/reference').map(name => `reference/${name}`)

const DEPRECATED_PARAMETERS = new Set(FIELDS.filter(field => field.deprecated).map(field => field.api))

/** What a copied spec must not do by surprise: prepay months, or set a parameter the API deprecates. */
function surprises(name: string): string[] {
  const { request } = evaluate(read(name), exampleEnv)
  expect(request).toBeDefined()
  return [
    ...(request!.body.ChargeType === 'PrePay' ? ['ChargeType=PrePay'] : []),
    ...request!.parameters.map(p => p.parameter).filter(parameter => DEPRECATED_PARAMETERS.has(parameter))
  ]
}

describe('the specs users copy', () => {
  it('include the spec blocks of the docs and every example', () => {
    expect(docSpecs.length).toBeGreaterThanOrEqual(1)
    expect(examples.sort()).toEqual(['minimal.yaml', 'preview.yaml', 'production.yaml'])
  })

  it.each(docSpecs.map((block, i) => [i + 1, block] as const))(
    'spec block %d of the docs validates',
    (_, block) => {
      const result = evaluate(block, caEnv())
      expect(said(result)).toEqual([])
      expect(result.request).toBeDefined()
    }
  )

  it.each(examples)('examples/%s validates without a warning', name => {
    const result = evaluate(read(name), exampleEnv)
    expect(said(result)).toEqual([])
    expect(result.request).toBeDefined()
  })

  it.each(examples)('examples/%s sets no PrePay billing and no deprecated parameter', name => {
    expect(surprises(name)).toEqual([])
  })
})

describe('the reference files (every parameter, for the tests)', () => {
  it('are exactly the file of all parameters', () => {
    expect(references).toEqual(['reference/all-parameters.yaml'])
  })

  it.each(references)(
    'examples/%s validates, warning only about the deprecated parameters it shows',
    name => {
      const result = evaluate(read(name), exampleEnv)
      expect(said(result).filter(line => !/ warning: \S+ is deprecated: /.test(line))).toEqual([])
      expect(result.request).toBeDefined()
    }
  )

  it.each(references)('examples/%s prepays and sets deprecated parameters, as its label says', name => {
    expect(surprises(name).sort()).toEqual(['ChargeType=PrePay', 'ExistingCaType', 'ExistingRootCaKey'])
  })

  it.each(references)('examples/%s opens with comment lines saying it is not a spec to copy', name => {
    const lines = read(name).split('\n')
    expect(lines[1]).toMatch(/^# REFERENCE ONLY, NOT A SPEC TO COPY: /)
    const firstKey = lines.findIndex(line => !line.startsWith('#'))
    const header = lines
      .slice(1, firstKey)
      .map(line => line.replace(/^# ?/, ''))
      .join(' ')
    for (const phrase of [
      'used by the test suite',
      'PrePay subscription billed for months',
      'deprecated parameters',
      'playground scene',
      'copy examples/minimal.yaml or examples/production.yaml instead'
    ])
      expect(header).toContain(phrase)
  })
})
