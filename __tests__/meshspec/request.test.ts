import { createHash } from 'node:crypto'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadSpec } from '../../src/meshspec/index.js'
import { ALL_PARAMETERS_BODY, ALL_PARAMETERS_QUERY } from '../fixtures/all-parameters-request.js'
import { caEnv, readCaFixture } from '../support/ca-fixture.js'
import { BASE, evaluate, errors } from '../support/spec-helpers.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const loadReference = () =>
  loadSpec({ workspace: repoRoot, specPath: 'examples/reference/all-parameters.yaml', env: caEnv() })

describe('the reference example (all 78 parameters)', () => {
  it('becomes exactly this query and body', async () => {
    const result = await loadReference()
    expect(errors(result)).toEqual([])
    const request = result.request!
    expect(request.name).toBe('all-parameters-reference')
    expect(request.region).toBe('cn-hangzhou')
    expect(request.query).toEqual(ALL_PARAMETERS_QUERY)
    expect(request.body).toStrictEqual(ALL_PARAMETERS_BODY)
    // Body order is table order (then extras): the same file always gives the same bytes.
    expect(Object.keys(request.body).slice(0, 3)).toEqual(['Name', 'RegionId', 'Edition'])
    expect(Object.keys(request.body).at(-1)).toBe('SomeFutureFlag')
  })

  it('lists every set path once with a comparable value safe to store', async () => {
    const { request } = await loadReference()
    const byPath = new Map(request!.parameters.map(p => [p.path, p]))
    expect(request!.parameters).toHaveLength(77 + 2 + 1) // 77 body parameters, 2 tags, 1 extra
    expect(byPath.get('tags.env')).toEqual({
      parameter: 'Tag',
      path: 'tags.env',
      wire: 'prod',
      comparable: 'prod',
      secret: false
    })
    expect(byPath.get('network.vSwitches')?.comparable).toBe('["vsw-bp1abc","vsw-bp1def"]')
    expect(byPath.get('proxy.excludeIPRanges')?.comparable).toBe('10.0.0.0/8,100.100.100.200/32')
    expect(byPath.get('certificateAuthority.key')).toEqual({
      parameter: 'ExistingCaKey',
      path: 'certificateAuthority.key',
      wire: base64(readCaFixture('ca-key.pem')),
      comparable: `\${ASM_CA_KEY} ${sha256(base64(readCaFixture('ca-key.pem')))}`,
      secret: true,
      env: ['ASM_CA_KEY'],
      hidden: true
    })
    expect(byPath.get('certificateAuthority.cert')?.comparable).toBe(
      `\${ASM_CA_CERT} ${sha256(base64(readCaFixture('ca-cert.pem')))}`
    )
    expect(byPath.get('extraParameters.SomeFutureFlag')?.wire).toBe('true')
    const stored = request!.parameters.map(p => p.comparable).join('\n')
    expect(stored).not.toContain('PRIVATE KEY')
    expect(stored).not.toContain(base64(readCaFixture('ca-key.pem')))
  })
})

describe('the request builder', () => {
  it('sends only what the file sets', () => {
    const { request } = evaluate(BASE)
    expect(request?.body).toStrictEqual({
      Name: 'm',
      RegionId: 'cn-hangzhou',
      VpcId: 'vpc-a',
      VSwitches: '["vsw-a"]'
    })
    expect(request?.query).toStrictEqual({})
  })

  it('keeps list order on the wire and sorts it for comparison', () => {
    const { request } = evaluate(`version: 1
name: m
region: cn-hangzhou
network: {vpcId: vpc-a, vSwitches: [vsw-b, vsw-a]}
proxy: {excludeInboundPorts: [9000, 80, 443]}
tracing: {sampling: 0.5}
extraParameters: {FutureRatio: 1.50, FutureName: x y}
`)
    expect(request?.body.VSwitches).toBe('["vsw-b","vsw-a"]')
    expect(request?.body.ExcludeInboundPorts).toBe('9000,80,443')
    expect(request?.body.TraceSampling).toBe('0.5')
    expect(request?.body.FutureRatio).toBe('1.50')
    expect(request?.body.FutureName).toBe('x y')
    const comparable = Object.fromEntries(request!.parameters.map(p => [p.path, p.comparable]))
    expect(comparable['network.vSwitches']).toBe('["vsw-a","vsw-b"]')
    expect(comparable['proxy.excludeInboundPorts']).toBe('80,443,9000')
  })

  it('sends JSON in file order and compares it with sorted keys', () => {
    const { request } = evaluate(`${BASE}localityLoadBalancing:
  enabled: true
  config:
    distribute: [{to: {cn-shanghai: 20, cn-hangzhou: 80}, from: cn-hangzhou}]
`)
    expect(request?.body.LocalityLBConf).toBe(
      '{"distribute":[{"to":{"cn-shanghai":20,"cn-hangzhou":80},"from":"cn-hangzhou"}]}'
    )
    const parameter = request!.parameters.find(p => p.parameter === 'LocalityLBConf')
    expect(parameter?.comparable).toBe(
      '{"distribute":[{"from":"cn-hangzhou","to":{"cn-hangzhou":80,"cn-shanghai":20}}]}'
    )
  })

  it('sends the same Base64 for a certificate given as PEM or as Base64 (with or without a final newline)', () => {
    const pem = readCaFixture('ca-cert.pem')
    const spec = `${BASE}certificateAuthority:\n  cert: \${CERT}\n`
    const fromPem = evaluate(spec, { CERT: pem }).request?.body.ExistingCaCert
    const fromBase64 = evaluate(spec, { CERT: base64(pem.trim()) }).request?.body.ExistingCaCert
    const fromWrapped = evaluate(spec, { CERT: base64(pem).replace(/(.{64})/g, '$1\n') }).request?.body
      .ExistingCaCert
    expect(fromPem).toBe(base64(pem))
    expect(fromBase64).toBe(base64(pem))
    expect(fromWrapped).toBe(base64(pem))
  })

  it('numbers tags from 1 in file order', () => {
    const { request } = evaluate(`${BASE}tags: {b: '2', a: one}\n`)
    expect(request?.query).toStrictEqual({
      'Tag.1.Key': 'b',
      'Tag.1.Value': '2',
      'Tag.2.Key': 'a',
      'Tag.2.Value': 'one'
    })
  })

  it('reads quantities written as numbers or strings alike', () => {
    const { request } = evaluate(
      `${BASE}proxy: {resources: {requests: {cpu: 1, memory: "128Mi"}, limits: {cpu: "1.5", memory: 1Gi}}}\n`
    )
    expect(request?.body).toMatchObject({
      ProxyRequestCPU: '1',
      ProxyRequestMemory: '128Mi',
      ProxyLimitCPU: '1.5',
      ProxyLimitMemory: '1Gi'
    })
  })
})
