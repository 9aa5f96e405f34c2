import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { FIELDS } from '../../src/meshspec/fields.js'
import { renderSpecReference } from '../../src/meshspec/reference.js'
import { meshSchema, meshSchemaText } from '../../src/meshspec/schema.js'
import { ACCESS_LOG_KEYS } from '../../src/meshspec/structured.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const schemaFile = path.join(repoRoot, 'schema/mesh.schema.json')
const update = process.env.UPDATE_GENERATED === '1'
const OUT_OF_DATE = 'is out of date with src/meshspec/fields.ts: run npm run generate'

const validator = () =>
  new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(meshSchema())
const example = (name: string): unknown => parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8'))
const accessLogFormat = () => Object.fromEntries(ACCESS_LOG_KEYS.map(key => [key, '%START_TIME%']))

describe('generated files', () => {
  it('schema/mesh.schema.json is up to date', () => {
    if (update) writeFileSync(schemaFile, meshSchemaText())
    const committed = readFileSync(schemaFile, 'utf8')
    if (committed !== meshSchemaText()) throw new Error(`schema/mesh.schema.json ${OUT_OF_DATE}`)
  })

  it('the reference has one row per parameter, plus version, lifecycle.preventDestroy and extraParameters', () => {
    const rows = renderSpecReference().trim().split('\n').slice(2)
    expect(rows).toHaveLength(FIELDS.length + 3)
    expect(rows).toContainEqual(
      expect.stringMatching(/^\| `tracing.sampling` \| `TraceSampling` \| number \| from 0 to 100 \|/)
    )
    expect(rows).toContainEqual(
      expect.stringMatching(/^\| `lifecycle.preventDestroy` \| — \(not sent\) \| boolean \|/)
    )
  })
})

describe('the JSON Schema', () => {
  it('is a strict, valid draft 2020-12 schema with a description for every field', () => {
    expect(() => validator()).not.toThrow()
    const text = meshSchemaText()
    for (const field of FIELDS) expect(text).toContain(`(API: ${field.api})`)
  })

  it.each(['minimal.yaml', 'reference/all-parameters.yaml'])('accepts examples/%s', name => {
    const validate = validator()
    expect(validate(example(name)) ? [] : validate.errors).toEqual([])
  })

  it.each(['minimal.yaml', 'reference/all-parameters.yaml'])(
    'starts examples/%s with the yaml-language-server comment naming the schema from its folder',
    name => {
      const file = path.join(repoRoot, 'examples', name)
      const first = readFileSync(file, 'utf8').split('\n')[0]
      const schema = path.relative(path.dirname(file), schemaFile).split(path.sep).join('/')
      expect(first).toBe(`# yaml-language-server: $schema=${schema}`)
    }
  )

  it.each([
    ['an unknown key', { tracng: {} }, '"additionalProperty":"tracng"'],
    ['a missing required field', { name: undefined }, 'name'],
    ['a value outside a list the API doc closes', { clusterSpec: 'Enterprise' }, '/clusterSpec'],
    ['yes for a boolean', { tracing: { enabled: 'yes' } }, '/tracing/enabled'],
    [
      'a literal private key',
      { certificateAuthority: { key: '-----BEGIN PRIVATE KEY-----' } },
      '/certificateAuthority/key'
    ],
    ['a percentage above 100', { tracing: { sampling: 150 } }, '/tracing/sampling'],
    ['port 70000', { proxy: { excludeInboundPorts: [70000] } }, '/proxy/excludeInboundPorts/0'],
    ['a period of 0 months', { billing: { period: 0 } }, '/billing/period'],
    ['no vSwitch', { network: { vpcId: 'vpc-a', vSwitches: [] } }, '/network/vSwitches'],
    [
      'a value that is no quantity',
      { proxy: { resources: { limits: { cpu: 'two' } } } },
      '/proxy/resources/limits/cpu'
    ],
    ['an extra parameter the spec maps', { extraParameters: { TraceSampling: 1 } }, '/extraParameters'],
    [
      'an incomplete access log format',
      { accessLog: { format: { method: '%REQ(:METHOD)%' } } },
      '/accessLog/format'
    ],
    [
      'a JSON string for a mapping',
      { localityLoadBalancing: { config: '{"failover":[]}' } },
      '/localityLoadBalancing/config'
    ]
  ])('rejects %s, an error', (_, change, where) => {
    const validate = validator()
    const spec = { ...(example('minimal.yaml') as Record<string, unknown>), ...change }
    expect(validate(JSON.parse(JSON.stringify(spec)))).toBe(false)
    const places = (validate.errors ?? []).map(
      e => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`
    )
    expect(places.join('\n')).toContain(where)
  })

  // Each is a warning of the validator (docs/rules.md): an editor must not underline it.
  it.each([
    ['an edition outside Default and Pro', { edition: 'Enterprise' }],
    ['an OPA log level outside the UpdateMeshFeature list', { opa: { logLevel: 'warn' } }],
    ['a period of 48 months', { billing: { chargeType: 'PrePay', period: 48 } }],
    [
      'a renewal of 12 months',
      { billing: { chargeType: 'PrePay', period: 1, autoRenew: true, autoRenewPeriod: 12 } }
    ],
    [
      '21 tags, with number and boolean values',
      { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, i % 2 ? i : true])) }
    ],
    ['a reserved tag key', { tags: { 'aliyun:x': 'y' } }],
    [
      "the API doc's own example ids",
      {
        network: {
          vpcId: 'vpc-xzelac2tw4ic7wz31****',
          vSwitches: ['vsw-xzegf5dndkbf4m6eg****', 'VSW-B', 'VSW-B']
        }
      }
    ],
    ['an unknown region', { region: 'ap-southeast-6' }],
    ['a repeated port', { proxy: { excludeInboundPorts: [80, 80] } }],
    [
      'CPU in memory units and memory in millibytes',
      { proxy: { resources: { limits: { cpu: '1Gi', memory: '128m' } } } }
    ],
    ['a duration without a unit', { multiBuffer: { pollDelay: '30 seconds' } }],
    [
      'an access log format value that is not a format string',
      { accessLog: { format: { ...accessLogFormat(), method: 5 } } }
    ],
    [
      'locality weights that do not add up to 100',
      { localityLoadBalancing: { config: { distribute: [{ from: 'a', to: { b: 60 } }], failover: [] } } }
    ],
    ['an empty optional string', { istioVersion: '' }],
    ['a URL that is not http', { prometheus: { url: 'ftp://x' } }],
    ['a host with a space', { accessLog: { service: { host: 'bad host' } } }]
  ])('accepts %s, a warning', (_, change) => {
    const validate = validator()
    const spec = { ...(example('minimal.yaml') as Record<string, unknown>), ...change }
    expect(validate(JSON.parse(JSON.stringify(spec))) ? [] : validate.errors).toEqual([])
  })

  it('names the warning-class rules in the descriptions and offers open lists for completion', () => {
    const properties = meshSchema().properties as Record<string, Record<string, unknown>>
    expect(properties.edition).toMatchObject({
      description:
        'Mesh edition. (API: Edition) Warned about, never refused: one of "Default", "Pro". After creation: needs a new mesh.',
      examples: ['Default', 'Pro']
    })
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
