import { describe, expect, it } from '@jest/globals'
import { interpolate } from '../../src/spec/interpolate.js'
import { caEnv, readCaFixture } from '../support/ca-fixture.js'
import { BASE, errors, evaluate, where } from '../support/spec-helpers.js'

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describe('${NAME} interpolation', () => {
  it('replaces references in any string value and unescapes $${', () => {
    const result = evaluate(
      `version: 1
name: \${MESH}-mesh
region: \${REGION}
network: {vpcId: vpc-a, vSwitches: [vsw-a]}
accessLog: {project: 'cost $$5 $\${literal} $\${MESH}'}
`,
      { MESH: 'prod', REGION: 'cn-beijing' }
    )
    expect(errors(result)).toEqual([])
    expect(result.request?.name).toBe('prod-mesh')
    expect(result.request?.region).toBe('cn-beijing')
    expect(result.request?.body.AccessLogProject).toBe('cost $$5 ${literal} ${MESH}')
  })

  it('reports a missing or empty variable at the reference itself', () => {
    const result = evaluate(
      `version: 1
name: m
region: cn-hangzhou
network:
  vpcId: vpc-\${VPC_SUFFIX}
  vSwitches: ['\${SW}']
`,
      { SW: '' }
    )
    expect(where(errors(result))).toEqual(['5:14 network.vpcId', '6:16 network.vSwitches[0]'])
    expect(errors(result)[0].message).toBe('environment variable VPC_SUFFIX is not set (or is empty)')
    expect(errors(result)[0].expected).toContain('VPC_SUFFIX: ${{ secrets.VPC_SUFFIX }}')
    expect(result.request).toBeUndefined()
  })

  it('rejects a malformed reference', () => {
    const result = evaluate(`${BASE}audit: {project: 'a\${1BAD}b'}\n`)
    expect(where(errors(result))).toEqual(['5:20 audit.project'])
    expect(errors(result)[0].expected).toContain('$${')
  })

  it('reads booleans and numbers written as exactly ${NAME} with YAML 1.2 rules', () => {
    const result = evaluate(
      `${BASE}tracing:\n  enabled: \${ON}\n  sampling: \${RATE}\nbilling:\n  chargeType: PrePay\n  period: \${MONTHS}\n`,
      {
        ON: 'true',
        RATE: '12.5',
        MONTHS: '6'
      }
    )
    expect(errors(result)).toEqual([])
    expect(result.request?.body).toMatchObject({ Tracing: 'true', TraceSampling: '12.5', Period: '6' })
    const wrong = evaluate(`${BASE}tracing:\n  enabled: \${ON}\n`, { ON: 'yes' })
    expect(where(errors(wrong))).toEqual(['6:12 tracing.enabled'])
  })

  it('never lets an environment value be parsed as YAML', () => {
    const result = evaluate(`${BASE}audit:\n  project: \${P}\n`, { P: 'x\n  enabled: true' })
    expect(where(errors(result))).toEqual(['6:12 audit.project'])
    expect(errors(result)[0].message).toContain('control character or line break')
  })

  it('interpolate(): names, whole-value references and substituted values', () => {
    expect(interpolate('${A}', { A: 'x' })).toMatchObject({
      value: 'x',
      names: ['A'],
      whole: true,
      substituted: ['x']
    })
    expect(interpolate('a${A}b$${A}', { A: 'x' })).toMatchObject({ value: 'axb${A}', whole: false })
    expect(interpolate('${A', {}).problems).toHaveLength(1)
  })
})

describe('secrets to mask', () => {
  it('holds environment values and the secret fields in every form: as written, PEM and Base64', () => {
    const env = { ...caEnv(), ASM_CA_KEY: base64(readCaFixture('ca-key.pem')), MESH: 'secret-mesh-name' }
    const result = evaluate(
      `version: 1\nname: \${MESH}\nregion: cn-hangzhou\nnetwork: {vpcId: vpc-a, vSwitches: [vsw-a]}\ncertificateAuthority:\n  cert: \${ASM_CA_CERT}\n  key: \${ASM_CA_KEY}\n`,
      env
    )
    expect(errors(result)).toEqual([])
    const keyPem = readCaFixture('ca-key.pem')
    expect(result.secrets).toEqual(
      expect.arrayContaining([
        'secret-mesh-name',
        env.ASM_CA_KEY, // as written (Base64)
        keyPem, // PEM
        base64(keyPem), // wire form
        keyPem.split('\n')[1], // one line of the PEM, as the runner masks line by line
        readCaFixture('ca-cert.pem'),
        base64(readCaFixture('ca-cert.pem'))
      ])
    )
    expect(result.request?.body.ExistingCaKey).toBe(base64(keyPem))
    expect(result.secrets).not.toContain('-----BEGIN PRIVATE KEY-----')
  })

  it('masks a literal key written in the file too, while rejecting it', () => {
    const key = readCaFixture('ca-key.pem')
    const literal = `${BASE}certificateAuthority:\n  key: |\n${key.replace(/^/gm, '    ').trimEnd()}\n`
    const result = evaluate(literal)
    // The cert a key needs, and the key; the key's value (a block scalar) starts at its `|`.
    expect(where(errors(result))).toEqual(['6:3 certificateAuthority.cert', '6:8 certificateAuthority.key'])
    expect(errors(result)[1].message).toBe(
      'certificateAuthority.key must come from a secret, not from the file'
    )
    expect(JSON.stringify(result.diagnostics)).not.toContain(key.split('\n')[1])
    expect(result.secrets).toContain(key)
  })

  it('does not mask values too short or too common to be secrets', () => {
    const result = evaluate(`${BASE}tracing: {enabled: '\${ON}', sampling: '\${N}'}\n`, {
      ON: 'true',
      N: '5'
    })
    expect(errors(result)).toEqual([])
    expect(result.secrets).toEqual([])
  })
})

describe('YAML reading', () => {
  it('uses YAML 1.2 core: yes is a string, so an error for a boolean field', () => {
    const result = evaluate(`${BASE}tracing:\n  enabled: yes\n`)
    expect(where(errors(result))).toEqual(['6:12 tracing.enabled'])
    expect(errors(result)[0]).toMatchObject({
      message: 'tracing.enabled must be a boolean: true or false (YAML 1.2: yes, no, on and off are strings)',
      found: 'the string "yes"'
    })
  })

  it('reports syntax errors with their position and stops there', () => {
    const result = evaluate(`${BASE}tracing: [a, b\n`)
    expect(errors(result).length).toBeGreaterThan(0)
    expect(errors(result)[0].message).toMatch(/^YAML: /)
    expect(errors(result)[0].line).toBeGreaterThanOrEqual(5)
    expect(result.request).toBeUndefined()
  })

  it('reads CRLF line endings', () => {
    const result = evaluate(`${BASE}tracing:\n  enabled: yes\n`.replace(/\n/g, '\r\n'))
    expect(where(errors(result))).toEqual(['6:12 tracing.enabled'])
  })

  it('reports duplicate keys at the second one', () => {
    const result = evaluate(`${BASE}name: again\ntracing: {enabled: true, enabled: false}\n`)
    expect(where(errors(result))).toEqual(['5:1 name', '6:26 tracing.enabled'])
    expect(errors(result)[0]).toMatchObject({
      message: 'duplicate key "name"',
      expected: 'each key once per mapping'
    })
    expect(result.request).toBeUndefined()
  })

  it('reports a second document, an empty file and a root that is not a mapping', () => {
    expect(where(errors(evaluate(`${BASE}---\nname: other\n`)))).toEqual(['5:1 '])
    expect(errors(evaluate(''))[0].message).toBe('the spec file is empty')
    expect(errors(evaluate('# only a comment\n'))[0].message).toBe('the spec file is empty')
    expect(errors(evaluate('- a\n- b\n'))[0]).toMatchObject({
      line: 1,
      column: 1,
      message: 'the spec must be a YAML mapping'
    })
  })

  it('says to quote ${NAME} inside flow collections', () => {
    const result = evaluate(`${BASE}tags: {env: \${ENV}}\n`, { ENV: 'prod' })
    expect(errors(result)[0]).toMatchObject({
      line: 5,
      expected: "quotes around ${NAME} inside [ ] or { }, e.g. {key: '${NAME}'}"
    })
  })

  it('rejects custom and binary tags', () => {
    expect(errors(evaluate(`${BASE}audit: {project: !secret x}\n`))[0].message).toMatch(/tag/i)
    expect(where(errors(evaluate(`${BASE}audit: {project: !!binary aGVsbG8=}\n`)))).toEqual([
      '5:27 audit.project'
    ])
  })
})
