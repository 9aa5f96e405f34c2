import { describe, expect, it } from '@jest/globals'
import { interpolate } from '../../src/meshspec/interpolate.js'
import { LineIndex } from '../../src/meshspec/lines.js'
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
    expect(errors(result).map(d => d.message)).toEqual([
      "environment variable VPC_SUFFIX is not set or is empty: set it in the step's env:, for a secret as VPC_SUFFIX: ${{ secrets.VPC_SUFFIX }}",
      "environment variable SW is not set or is empty: set it in the step's env:, for a secret as SW: ${{ secrets.SW }}"
    ])
    expect(errors(result)[0].expected).toBeUndefined()
    expect(result.request).toBeUndefined()
  })

  it('rejects a malformed reference', () => {
    const result = evaluate(`${BASE}audit: {project: 'a\${1BAD}b'}\n`)
    expect(where(errors(result))).toEqual(['5:20 audit.project'])
    expect(errors(result)[0].message).toBe(
      '${1BAD} is not a valid environment reference: write ${NAME} with NAME made of letters, digits and _, or $${ for a literal ${'
    )
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
    expect(errors(result)[1]).toMatchObject({
      message:
        "certificateAuthority.key must come from a secret, not from the file: write key: ${ASM_CA_KEY} and set ASM_CA_KEY: ${{ secrets.ASM_CA_KEY }} in the step's env:",
      found: 'a value written in the file'
    })
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
      message: 'tracing.enabled must be true or false; YAML 1.2 reads yes as a string',
      found: 'the string "yes"'
    })
  })

  it('reports syntax errors with their position and stops there', () => {
    const result = evaluate(`${BASE}tracing: [a, b\n`)
    expect(errors(result)).toMatchObject([
      {
        line: 5,
        column: 10,
        message: 'the [ on line 5 is never closed: close it on its line, or indent the lines inside it'
      }
    ])
    expect(result.request).toBeUndefined()
  })

  it('reads CRLF line endings', () => {
    const result = evaluate(`${BASE}tracing:\n  enabled: yes\n`.replace(/\n/g, '\r\n'))
    expect(where(errors(result))).toEqual(['6:12 tracing.enabled'])
  })

  it('reports duplicate keys at the second one', () => {
    const result = evaluate(`${BASE}name: again\ntracing: {enabled: true, enabled: false}\n`)
    expect(where(errors(result))).toEqual(['5:1 name', '6:26 tracing.enabled'])
    expect(errors(result).map(d => d.message)).toEqual([
      'name appears twice; write each key once per mapping',
      'tracing.enabled appears twice; write each key once per mapping'
    ])
    expect(result.request).toBeUndefined()
  })

  it('reports a second document, an empty file and a root that is not a mapping', () => {
    expect(where(errors(evaluate(`${BASE}---\nname: other\n`)))).toEqual(['5:1 '])
    expect(errors(evaluate(''))[0].message).toBe('the spec file is empty')
    expect(errors(evaluate('# only a comment\n'))[0].message).toBe('the spec file is empty')
    expect(errors(evaluate('- a\n- b\n'))[0]).toMatchObject({
      line: 1,
      column: 1,
      message: 'the spec must be a YAML mapping of key: value lines',
      found: 'a list'
    })
    expect(errors(evaluate(`${BASE}---\nname: other\n`))[0].message).toBe(
      'the file holds 2 YAML documents; put one mesh per file'
    )
  })

  it('says to quote ${NAME} inside flow collections', () => {
    const result = evaluate(`${BASE}tags: {env: \${ENV}}\n`, { ENV: 'prod' })
    expect(errors(result)).toMatchObject([
      { line: 5, message: "${NAME} inside [ ] or { } needs quotes: write {key: '${NAME}'}" }
    ])
  })

  it('rejects custom and binary tags', () => {
    expect(errors(evaluate(`${BASE}audit: {project: !secret x}\n`))[0].message).toMatch(/tag/i)
    expect(where(errors(evaluate(`${BASE}audit: {project: !!binary aGVsbG8=}\n`)))).toEqual([
      '5:27 audit.project'
    ])
  })
})

/** Line:column-endLine:endColumn and message of every diagnostic, in file order. */
const spans = (result: ReturnType<typeof evaluate>): string[] =>
  result.diagnostics.map(d => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`)

const ALIAS_KEY = (line: number) =>
  `line ${line} starts a key with *, which YAML reads as an alias: quote the key, e.g. '*name': value`

describe('positions after broken YAML (lines counted from the text, not from yaml tokens)', () => {
  // The fuzz suite's regression: yaml's lexer makes one token of `dev\nregion`, and its LineCounter
  // missed that line break, so the `]` on line 4 was reported on line 3.
  const brokenAlias = '*xname: dev\nregion: cn\nvpc: 1\nfoo: ]\n'

  it('places every diagnostic of the fuzz regression input exactly', () => {
    expect(spans(evaluate(brokenAlias))).toEqual([
      `1:7-1:8 ${ALIAS_KEY(1)}`,
      '4:6-4:7 the ] on line 4 closes nothing: remove it, or add the [ it belongs to'
    ])
    expect(spans(evaluate('*a: x\n*b: y\nz: ]\n'))).toEqual([
      `1:3-1:4 ${ALIAS_KEY(1)}`,
      '3:4-3:5 the ] on line 3 closes nothing: remove it, or add the [ it belongs to'
    ])
  })

  it('places a later error exactly after an early syntax error, and stops before validation', () => {
    const text = [
      '*xname: dev', // early syntax error (yaml's LineCounter lost this line break)
      'version: 1',
      'region: cn-hangzhou',
      'network:',
      '  vpcId: vpc-a',
      '  vSwitches: [vsw-a]',
      'tracing:',
      '  enabled: yes', // a validation error, never reached: YAML errors end parsing (unchanged)
      '  sampling: ]' // the later error
    ].join('\n')
    const result = evaluate(`${text}\n`)
    expect(spans(result)).toEqual([
      `1:7-1:8 ${ALIAS_KEY(1)}`,
      '9:13-9:14 the ] on line 9 closes nothing: remove it, or add the [ it belongs to'
    ])
    expect(result.request).toBeUndefined()
  })

  it('places a validation error exactly after multi-line block, flow and quoted values', () => {
    const text = [
      BASE.trimEnd(),
      'tags:',
      '  note: |',
      '    two lines',
      '    of text',
      '  list: "a',
      '    b"',
      'audit: {project: [',
      '  x]}',
      'tracing: {enabled: yes}'
    ].join('\n')
    expect(spans(evaluate(`${text}\n`))).toEqual([
      '6:9-9:1 tags.note holds a control character or line break', // the block scalar spans its lines
      '11:18-12:5 audit.project must be a string',
      '13:20-13:23 tracing.enabled must be true or false; YAML 1.2 reads yes as a string'
    ])
  })

  it('counts CRLF as one line break and keeps columns', () => {
    expect(spans(evaluate(brokenAlias.replace(/\n/g, '\r\n')))).toEqual(spans(evaluate(brokenAlias)))
    const text = `${BASE}tracing:\n  enabled: yes\n  sampling: ]\n`.replace(/\n/g, '\r\n')
    expect(spans(evaluate(text))).toEqual([
      '7:13-7:14 the ] on line 7 closes nothing: remove it, or add the [ it belongs to'
    ])
  })

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    // 杭州 is 6 bytes and 2 UTF-16 units; 😀 is 4 bytes and 2 units (a surrogate pair); é is 2 bytes, 1 unit.
    const before = `version: 1\nname: m\nregion: cn-hangzhou # 杭州 😀\nnetwork: {vpcId: vpc-a, vSwitches: [vsw-a]}\n`
    expect(where(errors(evaluate(`${before}tracing: {enabled: yes}\n`)))).toEqual(['5:20 tracing.enabled'])
    expect(spans(evaluate(`${before}tags: {team: "é😀", env: ]}\n`))).toEqual([
      '5:26-5:27 the { on line 5 is not closed properly: check the brackets and commas after it'
    ])
    // The fuzz regression with non-ASCII text in the token whose line break yaml's LineCounter lost.
    expect(spans(evaluate('*xname: 杭州 😀\nregion: cn\nfoo: ]\n'))).toEqual([
      `1:7-1:8 ${ALIAS_KEY(1)}`,
      '3:6-3:7 the ] on line 3 closes nothing: remove it, or add the [ it belongs to'
    ])
  })
})

describe('LineIndex', () => {
  const index = new LineIndex('ab\r\n\ncd')

  it('maps offsets to 1-based lines and columns, a line ending at its \\n', () => {
    expect(index.range(0)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 })
    expect(index.range(2, 4)).toEqual({ line: 1, column: 3, endLine: 2, endColumn: 1 })
    expect(index.range(3)).toMatchObject({ line: 1, column: 4 }) // the \n itself
    expect(index.range(4)).toMatchObject({ line: 2, column: 1 }) // an empty line
    expect(index.range(6, 7)).toEqual({ line: 3, column: 2, endLine: 3, endColumn: 3 })
  })

  it('clamps offsets into the text, the end to no earlier than the start', () => {
    expect(index.range(-5, 99)).toEqual({ line: 1, column: 1, endLine: 3, endColumn: 3 })
    expect(index.range(99)).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 3 })
    expect(index.range(5, 1)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 1 })
    expect(new LineIndex('').range(3)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 })
  })
})
