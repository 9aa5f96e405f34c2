/**
 * The spec pipeline under property-based fuzzing (a few hundred cases here; `npm run fuzz` runs 10,000+
 * with fresh seeds): evaluateSpec never throws, every diagnostic is located inside the text and names
 * file, path and message, errors and requests exclude each other, a request carries RegionId, VpcId and
 * VSwitches, no diagnostic quotes a private key, and no input pollutes a prototype. Seeds are fixed here
 * so that npm test is reproducible; a failure prints the seed and the shrunk input.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluateSpec } from '../../src/meshspec/index.js'
import type { Diagnostic } from '../../src/diagnostics.js'
import {
  aliasBomb,
  checkResult,
  checkSpecCase,
  EXAMPLES,
  FUZZ_ENV,
  FUZZ_FAMILIES,
  FUZZ_FILE
} from './spec-fuzz.js'

export const RUNS_PER_FAMILY = 120
const bytes = (text: string) => Buffer.from(text, 'utf8')
const evaluate = (text: string) => evaluateSpec(bytes(text), { file: FUZZ_FILE, env: FUZZ_ENV })

const FAMILIES = FUZZ_FAMILIES.map((family, index) => ({ ...family, seed: 7001 + index }))

describe.each(FAMILIES)('evaluateSpec on $name', ({ arbitrary, seed }) => {
  it(`keeps every property for ${RUNS_PER_FAMILY} cases (seed $seed)`, () => {
    let checked = 0
    fc.assert(
      fc.property(arbitrary, input => {
        checkSpecCase(input)
        checked++
      }),
      { numRuns: RUNS_PER_FAMILY, seed }
    )
    expect(checked).toBe(RUNS_PER_FAMILY)
  })
})

describe('the property checker', () => {
  it('passes both examples as valid requests, the starting point of the mutations', () => {
    expect(checkSpecCase(bytes(EXAMPLES.minimal))).toMatchObject({ valid: true, errors: 0 })
    expect(checkSpecCase(bytes(EXAMPLES.full))).toMatchObject({ valid: true, errors: 0 })
  })

  it('passes located errors of broken specs', () => {
    expect(checkSpecCase(bytes('version: 1\nname: [\n'))).toMatchObject({ valid: false })
    expect(checkSpecCase(bytes(`${EXAMPLES.minimal}__proto__: 1\n`))).toMatchObject({ valid: false })
  })

  it('fails a diagnostic past the end of its line, an error beside a request, a request without VpcId', () => {
    const input = bytes('version: 1\nname: m\n')
    const at = { severity: 'error' as const, file: FUZZ_FILE, path: 'name', message: 'bad', line: 2 }
    const request = { name: 'm', region: 'r', query: {}, parameters: [] }
    const body = { RegionId: 'r', VpcId: 'vpc-a', VSwitches: '["vsw-a"]' }
    const result = (diagnostics: Diagnostic[], withRequest?: Record<string, string>) => ({
      file: FUZZ_FILE,
      diagnostics,
      secrets: [],
      ...(withRequest && { request: { ...request, body: withRequest } })
    })
    expect(() => checkResult(result([{ ...at, column: 8 }]), input)).not.toThrow()
    expect(() => checkResult(result([{ ...at, column: 9 }]), input)).toThrow(/column outside line 2/)
    expect(() => checkResult(result([{ ...at, line: 4, column: 1 }]), input)).toThrow(/line outside/)
    expect(() => checkResult(result([{ ...at, column: 1 }], body), input)).toThrow(/still a request/)
    expect(() => checkResult(result([]), input)).toThrow(/no error saying why/)
    expect(() => checkResult(result([], { ...body, VpcId: '' }), input)).toThrow(/lacks VpcId/)
  })
})

describe('hostile specs found or kept by the fuzzer', () => {
  it('refuses an alias bomb with a located error instead of expanding it', () => {
    const result = evaluate(aliasBomb(9))
    expect(result.request).toBeUndefined()
    expect(result.diagnostics.map(d => d.message).join('\n')).toMatch(/alias/)
  })

  it('reports __proto__ and constructor keys and leaves Object.prototype alone', () => {
    const result = evaluate(
      `${EXAMPLES.minimal}__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n`
    )
    expect(result.request).toBeUndefined()
    expect(result.diagnostics.map(d => d.path)).toEqual(expect.arrayContaining(['__proto__', 'constructor']))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses nesting far beyond a spec with one error, not a stack overflow', () => {
    const result = evaluate(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    expect(result.request).toBeUndefined()
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 1, severity: 'error' })])
  })

  // yaml's LineCounter missed the line break inside the token its lexer makes of `*xname: dev\nregion: cn`
  // (an alias followed by more text), so every later diagnostic was a line too high. Found by the
  // mutated-examples family; positions now come from the text (src/meshspec/lines.ts).
  it('reports the line of an error that follows a broken alias', () => {
    const result = evaluate('*xname: dev\nregion: cn\nvpc: 1\nfoo: ]\n')
    const bracket = result.diagnostics.find(d => d.message.startsWith('the ] on line 4'))
    expect(bracket).toMatchObject({ line: 4, column: 6 })
  })
})
