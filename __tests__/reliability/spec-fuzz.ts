/**
 * Property-based fuzzing of the spec pipeline (evaluateSpec), shared by the short suite in npm test
 * (fuzz.test.ts) and the long run (scripts/fuzz.ts). Inputs are bounded in size so that every case is
 * cheap; time is measured and reported, never asserted.
 */
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  Alias,
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Node
} from 'yaml'
import type { Diagnostic } from '../../src/diagnostics.js'
import { evaluateSpec, type SpecResult } from '../../src/meshspec/index.js'
// The repository root whether this runs from __tests__ (Jest) or from build/ (npm run fuzz).
import { REPO_ROOT as ROOT } from '../../scripts/lib/repo.js'

const FIXTURES = path.join(ROOT, '__tests__', 'fixtures', 'ca')
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')

export const FUZZ_FILE = 'mesh.yaml'

/** The environment of a job that maps the test CA into env:, plus values the mutations reference. */
export const FUZZ_ENV: Readonly<Record<string, string>> = {
  ASM_CA_CERT: fixture('ca-cert.pem'),
  ASM_CA_KEY: fixture('ca-key.pem'),
  ASM_ROOT_CERT: fixture('root-cert.pem'),
  ASM_ROOT_KEY: fixture('root-key.pem'),
  ASM_CERT_CHAIN: fixture('cert-chain.pem'),
  EMPTY: '',
  PLAIN: 'plain-value',
  MULTILINE: 'line one\nline two'
}

/** Lines of the CA private keys: no diagnostic may quote them, whatever the input. */
const PRIVATE_KEY_LINES = [FUZZ_ENV.ASM_CA_KEY, FUZZ_ENV.ASM_ROOT_KEY].flatMap(pem =>
  pem
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.length > 20 && !line.startsWith('-----'))
)

export const EXAMPLES = {
  minimal: readFileSync(path.join(ROOT, 'examples', 'minimal.yaml'), 'utf8'),
  full: readFileSync(path.join(ROOT, 'examples', 'reference', 'all-parameters.yaml'), 'utf8')
}

// ---------------------------------------------------------------------------------------------------
// Properties

export interface CaseOutcome {
  ms: number
  valid: boolean
  errors: number
}

/** Throws (so fast-check shrinks and reports) when one property of the spec pipeline does not hold. */
export function checkSpecCase(input: Uint8Array): CaseOutcome {
  const prototypes = snapshotPrototypes()
  const started = performance.now()
  let result: SpecResult
  try {
    result = evaluateSpec(input, { file: FUZZ_FILE, env: FUZZ_ENV })
  } catch (error) {
    throw new Error(`evaluateSpec threw: ${(error as Error)?.stack ?? String(error)}`)
  }
  const ms = performance.now() - started
  checkResult(result, input)
  const pollution = prototypeChanges(prototypes)
  if (pollution) throw new Error(`prototype pollution: ${pollution}`)
  return {
    ms,
    valid: result.request !== undefined,
    errors: result.diagnostics.filter(d => d.severity === 'error').length
  }
}

/** The properties of one result of evaluateSpec for `input`. */
export function checkResult(result: SpecResult, input: Uint8Array): void {
  const lines = lineLengths(input)
  for (const diagnostic of result.diagnostics) checkDiagnostic(diagnostic, lines)
  const errors = result.diagnostics.filter(d => d.severity === 'error').length
  if (errors > 0 && result.request) throw new Error(`${errors} error(s) and still a request`)
  if (errors === 0 && !result.request) throw new Error('no request and no error saying why')
  if (result.request) {
    for (const name of ['RegionId', 'VpcId', 'VSwitches'])
      if (!result.request.body[name]) throw new Error(`a valid result's request lacks ${name}`)
  }
}

/** Byte length of each line (split at LF): an upper bound for a column in UTF-16 units or bytes. */
function lineLengths(input: Uint8Array): number[] {
  const lengths: number[] = []
  let start = 0
  for (let i = 0; i <= input.length; i++) {
    if (i === input.length || input[i] === 0x0a) {
      lengths.push(i - start)
      start = i + 1
    }
  }
  return lengths
}

function checkDiagnostic(d: Diagnostic, lines: number[]): void {
  const where = `${JSON.stringify(d)}`
  if (d.file !== FUZZ_FILE) throw new Error(`diagnostic without the file name: ${where}`)
  if (d.severity !== 'error' && d.severity !== 'warning') throw new Error(`bad severity: ${where}`)
  if (typeof d.path !== 'string') throw new Error(`diagnostic without a path: ${where}`)
  if (typeof d.message !== 'string' || d.message.trim() === '') throw new Error(`no message: ${where}`)
  if (!Number.isInteger(d.line) || d.line < 1 || !Number.isInteger(d.column) || d.column < 1)
    throw new Error(`line and column must be whole numbers from 1: ${where}`)
  checkPosition(d.line, d.column, lines, where)
  if (d.endLine !== undefined || d.endColumn !== undefined) {
    if (d.endLine === undefined || d.endColumn === undefined) throw new Error(`half an end: ${where}`)
    checkPosition(d.endLine, d.endColumn, lines, where)
    if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column))
      throw new Error(`the end is before the start: ${where}`)
  }
  const text = [d.message, d.expected ?? '', d.found ?? ''].join('\n')
  if (PRIVATE_KEY_LINES.some(line => text.includes(line)))
    throw new Error(`a diagnostic quotes a private key: ${where}`)
}

function checkPosition(line: number, column: number, lines: number[], where: string): void {
  if (!Number.isInteger(line) || line < 1 || line > lines.length)
    throw new Error(`line outside the text (${lines.length} lines): ${where}`)
  if (!Number.isInteger(column) || column < 1 || column > lines[line - 1] + 1)
    throw new Error(`column outside line ${line} (${lines[line - 1]} bytes): ${where}`)
}

const WATCHED = [Object.prototype, Array.prototype, Function.prototype, String.prototype]

function snapshotPrototypes(): string[] {
  return WATCHED.map(proto =>
    Reflect.ownKeys(proto)
      .map(key => `${String(key)}=${String(typeof Object.getOwnPropertyDescriptor(proto, key)?.value)}`)
      .join(',')
  )
}

function prototypeChanges(before: string[]): string | undefined {
  const after = snapshotPrototypes()
  const changed = after.findIndex((keys, i) => keys !== before[i])
  if (changed >= 0) return `${WATCHED[changed].constructor.name}.prototype changed`
  const probe = {} as Record<string, unknown>
  for (const key of ['polluted', 'isAdmin', 'version', 'name', 'region'])
    if (key in probe) return `({}).${key} is inherited`
  return undefined
}

// ---------------------------------------------------------------------------------------------------
// Inputs

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8')

/** Fragments that make YAML parsers take their rarer paths. */
const YAML_TOKENS = [
  ': ',
  ':',
  '- ',
  '-',
  '\n',
  '\r\n',
  '\r',
  '  ',
  '    ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '?',
  '? ',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '!!str ',
  '!!binary ',
  '!!map ',
  '!custom ',
  '!<tag:x> ',
  '"',
  "'",
  '\\',
  '# c',
  '|',
  '|-',
  '>',
  '>+',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '%TAG ! tag:x:\n',
  '<<: ',
  '${',
  '}',
  '${PLAIN}',
  '${MISSING}',
  '${ASM_CA_KEY}',
  '$${',
  'version',
  'name',
  'region',
  'network',
  'vpcId',
  'vSwitches',
  'tags',
  'billing',
  'period',
  'certificateAuthority',
  'key',
  'extraParameters',
  '__proto__',
  'constructor',
  'prototype',
  'true',
  'yes',
  '~',
  'null',
  '1',
  '-0',
  '1e400',
  '0x1F',
  '0o17',
  '.inf',
  '.nan',
  '99999999999999999999999',
  'vpc-a',
  'vsw-a',
  'cn-hangzhou',
  '\u0000',
  '\uFEFF',
  '\u00A0',
  '\u2028',
  '\u202E',
  '\uD83D\uDE00',
  '\uD800',
  'é',
  '中'
]

/** Random text built from YAML syntax, spec keys, values and odd characters. */
export const yamlishText: fc.Arbitrary<Uint8Array> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...YAML_TOKENS) }, fc.string({ maxLength: 8 })), {
    maxLength: 120
  })
  .map(parts => utf8(parts.join('')))

/** Any bytes: binary, broken UTF-8, NULs, control characters. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  // Mostly-printable bytes reach the YAML parser instead of stopping at the binary check.
  fc.array(fc.integer({ min: 0x09, max: 0x7e }), { maxLength: 512 }).map(bytes => Uint8Array.from(bytes)),
  // Valid UTF-8 of any code point, including controls and non-characters.
  fc.string({ unit: 'binary', maxLength: 256 }).map(utf8)
)

/** Values of every type, including numbers beyond what JSON and the API accept. */
const scalarValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    true,
    false,
    null,
    0,
    -1,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 64,
    1e-320,
    NaN,
    'yes',
    'off',
    '',
    ' ',
    '1e400',
    '99999999999999999999999',
    '${PLAIN}',
    '${MISSING}',
    '${EMPTY}',
    '${MULTILINE}',
    '${ASM_CA_KEY}',
    '$${literal}',
    '__proto__',
    '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n'
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(n => n.toString()),
  fc.string({ maxLength: 40 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 })
)

const KEY_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'tracng',
  'Version',
  'name ',
  '',
  '0',
  'a.b',
  'tags.env',
  '中文',
  'RegionId'
]

/** One edit of a parsed valid spec; returns false when it did not apply to this document. */
type Mutation = (doc: Document, pick: number) => boolean

interface Located {
  parent: Node
  index: number
}

/** Every pair of every mapping and every item of every list, with its parent. */
function locations(doc: Document): Located[] {
  const found: Located[] = []
  visit(doc, {
    Map: (_, node) => node.items.forEach((_, index) => found.push({ parent: node, index })),
    Seq: (_, node) => node.items.forEach((_, index) => found.push({ parent: node, index }))
  })
  return found
}

function at(doc: Document, pick: number): Located | undefined {
  const all = locations(doc)
  return all.length === 0 ? undefined : all[pick % all.length]
}

const items = (node: Node): unknown[] => (isMap(node) || isSeq(node) ? (node.items as unknown[]) : [])

function nested(depth: number, kind: number): unknown {
  let value: unknown = 'leaf'
  for (let i = 0; i < depth; i++) value = kind % 2 === 0 ? [value] : { k: value }
  return value
}

function mutations(value: unknown, name: string, depth: number): Mutation[] {
  return [
    // drop a key or item
    (doc, pick) => {
      const spot = at(doc, pick)
      if (!spot) return false
      items(spot.parent).splice(spot.index, 1)
      return true
    },
    // rename a key
    (doc, pick) => {
      const spot = at(doc, pick)
      const pair = spot && items(spot.parent)[spot.index]
      if (!isPair(pair)) return false
      pair.key = new Scalar(name)
      return true
    },
    // duplicate a key or item
    (doc, pick) => {
      const spot = at(doc, pick)
      if (!spot) return false
      const list = items(spot.parent)
      const item = list[spot.index] as { clone?: () => unknown }
      list.splice(spot.index + 1, 0, typeof item?.clone === 'function' ? item.clone() : item)
      return true
    },
    // change a value's type
    (doc, pick) => {
      const spot = at(doc, pick)
      if (!spot) return false
      const list = items(spot.parent)
      const created = doc.createNode(value)
      if (isPair(list[spot.index])) (list[spot.index] as { value: unknown }).value = created
      else list[spot.index] = created
      return true
    },
    // add a hostile key next to the real ones
    (doc, pick) => {
      const maps: Node[] = []
      visit(doc, { Map: (_, node) => void maps.push(node) })
      if (maps.length === 0) return false
      const map = maps[pick % maps.length]
      if (!isMap(map)) return false
      map.items.push(doc.createPair(name, value))
      return true
    },
    // deep nesting in place of a value
    (doc, pick) => {
      const spot = at(doc, pick)
      const pair = spot && items(spot.parent)[spot.index]
      if (!isPair(pair)) return false
      pair.value = doc.createNode(nested(depth, pick))
      return true
    },
    // anchor a value and alias it elsewhere
    (doc, pick) => {
      const all = locations(doc)
      const source = all[pick % Math.max(all.length, 1)]
      const target = all[(pick * 7 + 3) % Math.max(all.length, 1)]
      const node = source && items(source.parent)[source.index]
      const value = isPair(node) ? node.value : node
      if (!target || !value || !(isScalar(value) || isMap(value) || isSeq(value))) return false
      value.anchor = `a${pick % 5}`
      const alias = new Alias(value.anchor)
      const list = items(target.parent)
      if (isPair(list[target.index])) (list[target.index] as { value: unknown }).value = alias
      else list[target.index] = alias
      return true
    }
  ]
}

/** Snippets inserted into the serialised text: what a structural edit cannot produce. */
const TEXT_INSERTS = [
  '\t',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '\uD83D\uDE00',
  '\u0085',
  '\u0007',
  '\r',
  '\r\n',
  '&x ',
  '*x',
  '*undefined ',
  '!!binary ',
  '!!python/object ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '<<: *x\n',
  '${',
  '${MISSING}',
  '${ASM_CA_KEY}',
  '"',
  "'",
  '#',
  ': ',
  '- ',
  '  ',
  '[',
  '{'
]

type TextEdit = (text: string, pick: number) => string

const TEXT_EDITS = (insert: string): TextEdit[] => [
  (text, pick) => {
    const offset = pick % (text.length + 1)
    return text.slice(0, offset) + insert + text.slice(offset)
  },
  (text, pick) => {
    const lines = text.split('\n')
    const i = pick % lines.length
    lines.splice(i, 0, lines[i])
    return lines.join('\n')
  },
  (text, pick) => {
    const lines = text.split('\n')
    const i = pick % lines.length
    lines[i] = insert + lines[i]
    return lines.join('\n')
  },
  (text, pick) => text.slice(0, pick % (text.length + 1)),
  (text, pick) => {
    const start = pick % (text.length + 1)
    return text.slice(0, start) + text.slice(start + 1 + (pick % 17))
  }
]

const structuralEdit = fc.record({
  kind: fc.nat({ max: 6 }),
  pick: fc.nat(),
  value: scalarValue,
  name: fc.oneof(fc.constantFrom(...KEY_NAMES), fc.string({ maxLength: 10 })),
  depth: fc.integer({ min: 1, max: 120 })
})

const textEdit = fc.record({
  kind: fc.nat({ max: 4 }),
  pick: fc.nat(),
  insert: fc.oneof(fc.constantFrom(...TEXT_INSERTS), fc.string({ unit: 'binary', maxLength: 4 }))
})

/** One of the examples with 1–4 structural edits, then 0–3 text edits. */
export const mutatedSpec: fc.Arbitrary<Uint8Array> = fc
  .record({
    base: fc.constantFrom(EXAMPLES.minimal, EXAMPLES.full),
    edits: fc.array(structuralEdit, { minLength: 1, maxLength: 4 }),
    textEdits: fc.array(textEdit, { maxLength: 3 })
  })
  .map(({ base, edits, textEdits }) => {
    const doc = parseDocument(base)
    for (const edit of edits) mutations(edit.value, edit.name, edit.depth)[edit.kind](doc, edit.pick)
    let text = serialise(doc) ?? base
    for (const edit of textEdits) text = TEXT_EDITS(edit.insert)[edit.kind](text, edit.pick)
    return utf8(text)
  })

/** The edited document as text; undefined when yaml cannot write it (an alias before its anchor). */
function serialise(doc: Document): string | undefined {
  try {
    return doc.toString({ lineWidth: 0 })
  } catch {
    return undefined
  }
}

/** Valid-looking specs that push limits: nesting, alias expansion, size, numbers, many keys. */
export const hostileSpec: fc.Arbitrary<Uint8Array> = fc
  .oneof(
    fc.integer({ min: 1, max: 5000 }).map(n => `${'['.repeat(n)}1${']'.repeat(n)}`),
    fc.integer({ min: 1, max: 3000 }).map(n => `${'- '.repeat(n)}x\n`),
    fc
      .integer({ min: 1, max: 200 })
      .map(n => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')),
    fc.integer({ min: 1, max: 12 }).map(levels => aliasBomb(levels)),
    fc.integer({ min: 1, max: 300 }).map(n => `version: 1\nname: m\nregion: cn-hangzhou\n${aliasChain(n)}`),
    fc.integer({ min: 1, max: 2000 }).map(n => `${minimalWith('')}${'x: 1\n'.repeat(n)}`),
    fc
      .integer({ min: 1, max: 400 })
      .map(
        n => `${minimalWith('')}tags:\n${Array.from({ length: n }, (_, i) => `  k${i}: v${i}\n`).join('')}`
      ),
    fc
      .constantFrom(
        '1e400',
        '-1e400',
        '99999999999999999999',
        '0x7FFFFFFFFFFFFFFF',
        '.inf',
        '-.nan',
        '1_000',
        '-0'
      )
      .map(n => minimalWith(`billing: {chargeType: PrePay, period: ${n}}\ntracing: {sampling: ${n}}\n`))
  )
  .map(utf8)

function minimalWith(extra: string): string {
  return `version: 1\nname: m\nregion: cn-hangzhou\nnetwork: {vpcId: vpc-a, vSwitches: [vsw-a]}\n${extra}`
}

/** The "billion laughs": each level aliases the previous one ten times. */
export function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
  for (let i = 1; i <= levels; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

function aliasChain(n: number): string {
  return `tags:\n  k0: &v0 value\n${Array.from({ length: n }, (_, i) => `  k${i + 1}: *v0\n`).join('')}`
}

export interface FuzzFamily {
  name: string
  arbitrary: fc.Arbitrary<Uint8Array>
}

export const FUZZ_FAMILIES: FuzzFamily[] = [
  { name: 'yaml-ish text', arbitrary: yamlishText },
  { name: 'random bytes', arbitrary: randomBytes },
  { name: 'mutated examples', arbitrary: mutatedSpec },
  { name: 'hostile limits', arbitrary: hostileSpec }
]
