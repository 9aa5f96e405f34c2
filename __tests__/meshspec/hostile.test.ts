import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ActionError } from '../../src/errors.js'
import { loadSpec } from '../../src/meshspec/index.js'
import { MAX_ALIASES, MAX_NESTING, MAX_TOKENS } from '../../src/meshspec/parse.js'
import { MAX_DIAGNOSTICS } from '../../src/meshspec/problems.js'
import { BASE, errors, evaluate, where } from '../support/spec-helpers.js'

const MiB = 1024 * 1024

describe('hostile content never throws and says what is wrong', () => {
  it('refuses more than 1 MiB', () => {
    const result = evaluate(Buffer.alloc(MiB + 1, 'a'))
    expect(errors(result)).toMatchObject([
      { line: 1, column: 1, message: 'the spec file is larger than 1 MiB' }
    ])
  })

  it('stops an alias bomb', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++) {
      const [prev, cur] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)]
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const result = evaluate(
      `${BASE}extraParameters:\n  Bomb: 1\n${levels.map(l => `# ${l}`).join('\n')}\n${levels.join('\n')}\n`
    )
    expect(errors(result).map(d => d.message)).toContain('aliases expand to too many values, more than 10000')
    expect(result.request).toBeUndefined()
  })

  it(`allows at most ${MAX_ALIASES} aliases`, () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `k${i}: *v`).join('\n')
    const result = evaluate(`${BASE}x: &v 1\n${aliases}\n`)
    expect(errors(result).map(d => d.message)).toContain(`the file uses more than ${MAX_ALIASES} aliases`)
  })

  it('expands a harmless alias like the value it names', () => {
    const result = evaluate(
      `version: 1\nname: &n mesh-a\nregion: cn-hangzhou\nnetwork: {vpcId: vpc-a, vSwitches: [vsw-a]}\naudit: {project: *n}\n`
    )
    expect(result.request?.body.AuditProject).toBe('mesh-a')
  })

  it(`lists at most ${MAX_DIAGNOSTICS} problems, then says how many more there are`, () => {
    const keys = Array.from({ length: 300 }, (_, i) => `junk${i}: 1`).join('\n')
    const result = evaluate(`${BASE}${keys}\n`)
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1)
    expect(result.diagnostics.at(-1)?.message).toBe(
      '100 more problems were found and not listed; fix the ones above first'
    )
  })

  it.each([
    ['60k keys', Array.from({ length: 60_000 }, (_, i) => `key${i}: 1`).join('\n')],
    [
      'a list of 100k items',
      `network: {vSwitches: [${Array.from({ length: 100_000 }, (_, i) => `vsw-${i}`).join(',')}]}`
    ]
  ])('refuses a 1 MiB file of %s before parsing it', (_, text) => {
    const result = evaluate(text)
    expect(errors(result)).toMatchObject([
      {
        line: 1,
        column: 1,
        message: `the file holds more than ${MAX_TOKENS} YAML tokens; a spec has a few hundred keys and values`
      }
    ])
  })

  it('handles thousands of problems with bounded work', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `key${i}: 1`).join('\n')
    const result = evaluate(`${BASE}${keys}\n`)
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1)
    expect(result.diagnostics[0]).toMatchObject({
      line: 5,
      message: expect.stringMatching(
        /^key0 is not a known key; the keys at the top level are version, name, region, /
      )
    })
    expect(result.diagnostics.at(-1)?.message).toBe(
      '4800 more problems were found and not listed; fix the ones above first'
    )
  })

  it('reports several documents', () => {
    expect(where(errors(evaluate(`${BASE}...\n---\n${BASE}`)))).toEqual(['6:1 '])
  })

  it.each([
    [
      'NUL bytes',
      Buffer.concat([Buffer.from('version: 1\nna'), Buffer.from([0, 1, 2, 255]), Buffer.from('me: x\n')]),
      '2:3',
      'NUL'
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('version: 1\nname: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      '2:7',
      'UTF-8'
    ],
    [
      'an overlong UTF-8 form',
      Buffer.concat([Buffer.from('name: '), Buffer.from([0xe0, 0x80, 0xaf])]),
      '1:7',
      'UTF-8'
    ],
    ['a control character', Buffer.from('version: 1\nname: a\u0007b\n'), '2:8', 'control character'],
    ['a UTF-16 file', Buffer.from('\ufeffversion: 1\n', 'utf16le'), '1:4', 'NUL']
  ])('refuses %s', (_, bytes, at, text) => {
    const result = evaluate(bytes)
    expect(where(errors(result))).toEqual([`${at} `])
    expect(errors(result)[0].message).toContain(text)
  })

  it('finds invalid UTF-8 where a strict decoder stops: at the end of the longest valid prefix', () => {
    const strict = new TextDecoder('utf-8', { fatal: true })
    const isValid = (bytes: Uint8Array): boolean => {
      try {
        strict.decode(bytes)
        return true
      } catch {
        return false
      }
    }
    // Whole characters of every length, mixed with stray bytes that may or may not fit.
    const piece = fc.oneof(
      fc.constantFrom('a', '\n', 'é', '€', '\u{1d11e}').map(c => [...Buffer.from(c)]),
      fc.integer({ min: 0x80, max: 0xff }).map(b => [b])
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), pieces => {
        const bytes = Uint8Array.from(pieces.flat())
        const problem = evaluate(bytes).diagnostics.find(d => d.message === 'the file is not valid UTF-8')
        if (isValid(bytes)) return expect(problem).toBeUndefined()
        let prefix = bytes.length - 1
        while (!isValid(bytes.subarray(0, prefix))) prefix--
        expect(problem?.found).toMatch(new RegExp(`at offset ${prefix}$`))
      }),
      { numRuns: 500 }
    )
  })

  it('accepts a UTF-8 byte order mark', () => {
    expect(evaluate(`\ufeff${BASE}`).request?.name).toBe('m')
  })

  it.each([
    ['10k nested flow lists', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['10k nested flow maps', 'a: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    [
      '1400 nested block maps (as deep as 1 MiB allows)',
      Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')
    ],
    ['10k nested block lists on one line', '- '.repeat(10_000) + 'x'],
    ['a 1 MiB deep flow list', '['.repeat(MiB / 2 - 1) + ']'.repeat(MiB / 2 - 1)]
  ])('refuses %s', (_, text) => {
    const result = evaluate(text)
    expect(errors(result)).toMatchObject([
      {
        line: 1,
        column: 1,
        message: `the YAML nests deeper than ${MAX_NESTING} levels; a spec needs about 7`
      }
    ])
  })

  it('reports tabs used for indentation where they are', () => {
    const result = evaluate(`${BASE}tracing:\n\tenabled: true\n`)
    expect(errors(result)[0]).toMatchObject({
      line: 6,
      column: 1,
      message: 'line 6 is indented with a tab: YAML allows only spaces there'
    })
  })

  it('keeps __proto__ and constructor as plain data everywhere', () => {
    const result = evaluate(`${BASE}tags: {__proto__: x, constructor: y}
accessLog:
  enabled: true
extraParameters: {__proto__: 1, constructor: 2, toString: 3}
`)
    expect(where(errors(result))).toEqual(['8:19 extraParameters.__proto__'])
    const clean = evaluate(`${BASE}tags: {__proto__: x, constructor: y}\nextraParameters: {constructor: 2}\n`)
    expect(clean.request?.query).toStrictEqual({
      'Tag.1.Key': '__proto__',
      'Tag.1.Value': 'x',
      'Tag.2.Key': 'constructor',
      'Tag.2.Value': 'y'
    })
    expect(Object.getPrototypeOf(clean.request?.body)).toBe(Object.prototype)
    expect(clean.request?.body.constructor).toBe('2')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('never throws, whatever the bytes (property test)', () => {
    const yamlish = fc.array(
      fc.constantFrom(
        'version: 1\n',
        'name: ',
        '${A}',
        '$${',
        '&a ',
        '*a',
        '[',
        ']',
        '{',
        '}',
        '- ',
        ': ',
        '\t',
        '\n',
        '  ',
        'x',
        '"',
        "'",
        '#',
        '---\n',
        '!!binary ',
        '? ',
        '|\n',
        '__proto__'
      ),
      { maxLength: 60 }
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          yamlish.map(parts => Buffer.from(parts.join('')))
        ),
        bytes => {
          const result = evaluate(bytes, { A: 'value' })
          expect(result.request === undefined).toBe(errors(result).length > 0)
        }
      ),
      { numRuns: 400 }
    )
  })
})

describe('the spec path stays inside the workspace', () => {
  let root: string
  let workspace: string

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'spec-path-'))
    workspace = path.join(root, 'ws')
    mkdirSync(path.join(workspace, 'specs'), { recursive: true })
    writeFileSync(path.join(workspace, 'specs/mesh.yaml'), BASE)
    writeFileSync(path.join(root, 'outside.yaml'), BASE)
    writeFileSync(path.join(workspace, 'big.yaml'), Buffer.alloc(MiB + 1, 'a'))
    symlinkSync(path.join(root, 'outside.yaml'), path.join(workspace, 'escape.yaml'))
    symlinkSync(path.join(workspace, 'specs/mesh.yaml'), path.join(workspace, 'inside.yaml'))
    execFileSync('mkfifo', [path.join(workspace, 'pipe.yaml')])
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const load = (specPath: string) => loadSpec({ workspace, specPath, env: {} })

  it('reads a spec inside, through a relative path, an absolute path or a link that stays inside', async () => {
    expect((await load('specs/mesh.yaml')).file).toBe('specs/mesh.yaml')
    expect((await load('./specs/../specs/mesh.yaml')).request?.name).toBe('m')
    expect((await load(path.join(workspace, 'specs/mesh.yaml'))).file).toBe('specs/mesh.yaml')
    expect((await load('inside.yaml')).request?.name).toBe('m')
  })

  it('refuses a file over 1 MiB with the same diagnostic as bytes in memory', async () => {
    const result = await load('big.yaml')
    expect(errors(result)).toMatchObject([
      { line: 1, column: 1, message: 'the spec file is larger than 1 MiB' }
    ])
    expect(result.request).toBeUndefined()
  })

  it.each([
    ['a .. escape', '../outside.yaml', 'points outside the workspace'],
    ['an absolute path outside', '/etc/passwd', 'points outside the workspace'],
    ['a link to a file outside', 'escape.yaml', 'is a link to a file outside the workspace'],
    ['a directory', 'specs', 'is a directory'],
    ['the workspace itself', '.', 'is a directory'],
    ['a missing file', 'specs/nope.yaml', 'spec file not found: specs/nope.yaml (tried '],
    ['a named pipe', 'pipe.yaml', 'is not a regular file'],
    ['an empty input', '  ', 'the spec input is empty']
  ])('refuses %s with an ActionError that says what to do', async (_, specPath, message) => {
    const error = await load(specPath).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ActionError)
    expect((error as ActionError).message).toContain(message)
    expect((error as ActionError).advice).toBeTruthy()
    expect((error as ActionError).message).not.toMatch(/\n\s+at /)
  })
})
