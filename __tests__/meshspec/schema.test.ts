import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { FIELDS } from '../../src/meshspec/fields.js'
import { renderSpecReference } from '../../src/meshspec/reference.js'
import { meshSchema, meshSchemaText } from '../../src/meshspec/schema.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const schemaFile = path.join(repoRoot, 'schema/mesh.schema.json')
const readmeFile = path.join(repoRoot, 'README.md')
const START = '<!-- spec-reference:start -->'
const END = '<!-- spec-reference:end -->'
const update = process.env.UPDATE_GENERATED === '1'
const OUT_OF_DATE = 'is out of date with src/meshspec/fields.ts: run npm run generate'

/** The README with its generated section replaced, or undefined when it has no markers. */
function readmeWithReference(readme: string): string | undefined {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) return undefined
  return `${readme.slice(0, start + START.length)}\n\n${renderSpecReference()}\n${readme.slice(end)}`
}

const validator = () =>
  new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(meshSchema())
const example = (name: string): unknown => parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8'))

describe('generated files', () => {
  it('schema/mesh.schema.json is up to date', () => {
    if (update) writeFileSync(schemaFile, meshSchemaText())
    const committed = readFileSync(schemaFile, 'utf8')
    if (committed !== meshSchemaText()) throw new Error(`schema/mesh.schema.json ${OUT_OF_DATE}`)
  })

  it("the README's spec reference is up to date (when the README has its markers)", () => {
    const readme = readFileSync(readmeFile, 'utf8')
    const expected = readmeWithReference(readme)
    if (expected === undefined) return
    if (update) writeFileSync(readmeFile, expected)
    if (readFileSync(readmeFile, 'utf8') !== expected)
      throw new Error(`README.md's spec reference ${OUT_OF_DATE}`)
  })

  it('the reference has one row per parameter, plus version and extraParameters', () => {
    const rows = renderSpecReference().trim().split('\n').slice(2)
    expect(rows).toHaveLength(FIELDS.length + 2)
    expect(rows).toContainEqual(
      expect.stringMatching(/^\| `tracing.sampling` \| `TraceSampling` \| number \| 0–100 \|/)
    )
  })
})

describe('the JSON Schema', () => {
  it('is a strict, valid draft 2020-12 schema with a description for every field', () => {
    expect(() => validator()).not.toThrow()
    const text = meshSchemaText()
    for (const field of FIELDS) expect(text).toContain(`(API: ${field.api})`)
  })

  it.each(['minimal.yaml', 'full.yaml'])('accepts examples/%s', name => {
    const validate = validator()
    expect(validate(example(name)) ? [] : validate.errors).toEqual([])
  })

  it('starts each example with the yaml-language-server schema comment', () => {
    for (const name of ['minimal.yaml', 'full.yaml']) {
      const first = readFileSync(path.join(repoRoot, 'examples', name), 'utf8').split('\n')[0]
      expect(first).toBe('# yaml-language-server: $schema=../schema/mesh.schema.json')
    }
  })

  it.each([
    ['an unknown key', { tracng: {} }, '"additionalProperty":"tracng"'],
    ['a missing required field', { name: undefined }, 'name'],
    ['a value outside its enum', { edition: 'pro' }, '/edition'],
    ['yes for a boolean', { tracing: { enabled: 'yes' } }, '/tracing/enabled'],
    [
      'a literal private key',
      { certificateAuthority: { key: '-----BEGIN PRIVATE KEY-----' } },
      '/certificateAuthority/key'
    ],
    ['a bad vSwitch id', { network: { vpcId: 'vpc-a', vSwitches: ['sw-1'] } }, '/network/vSwitches/0'],
    ['a reserved tag key', { tags: { 'aliyun:x': 'y' } }, '/tags'],
    ['an extra parameter the spec maps', { extraParameters: { TraceSampling: 1 } }, '/extraParameters'],
    [
      'an incomplete access log format',
      { accessLog: { format: { method: '%REQ(:METHOD)%' } } },
      '/accessLog/format'
    ]
  ])('rejects %s', (_, change, where) => {
    const validate = validator()
    const spec = { ...(example('minimal.yaml') as Record<string, unknown>), ...change }
    expect(validate(JSON.parse(JSON.stringify(spec)))).toBe(false)
    const places = (validate.errors ?? []).map(
      e => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`
    )
    expect(places.join('\n')).toContain(where)
  })

  it('accepts ${NAME} where the value is only known from the environment', () => {
    const validate = validator()
    const spec = {
      ...(example('minimal.yaml') as Record<string, unknown>),
      region: '${REGION}',
      tracing: { enabled: '${TRACING}', sampling: '${RATE}' },
      edition: '${EDITION}'
    }
    expect(validate(spec) ? [] : validate.errors).toEqual([])
  })
})
