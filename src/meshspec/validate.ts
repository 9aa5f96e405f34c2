/**
 * The spec tree → checked values, reporting every problem of docs/contract.md §4.2 at its line and column. Driven by
 * the field table (fields.ts) and the cross-field rules (rules.ts); nothing here knows a parameter by name.
 */
import type { KeyObject, X509Certificate } from 'node:crypto'
import { FIELDS, type FieldSpec, type Rules, SPEC_KEYS, type ValueType } from './fields.js'
import { FORMATS, isStringFormat, quantityAmount } from './formats.js'
import { nodeToJson } from './json-value.js'
import { decodePem, parseCertificates, parsePrivateKey } from './pem.js'
import { type Problems, START } from './problems.js'
import { type Condition, CROSS_RULES, type CrossRule } from './rules.js'
import { checkAccessLogFormat, checkLocalityConfig } from './structured.js'
import { closest } from './suggest.js'
import {
  describeNode,
  type MapEntry,
  type MapNode,
  type Position,
  type ScalarNode,
  type SpecNode
} from './tree.js'
import type { Checked, ExtraParameter, SpecValues, Tag } from './values.js'

export interface Validated {
  values: SpecValues
  /** Values of secret fields as written (even when invalid), to be masked. */
  secretTexts: string[]
}

type SpecialKey = keyof typeof SPEC_KEYS
type KeyTree = Map<string, KeyTree | FieldSpec | SpecialKey>

function buildKeyTree(): KeyTree {
  const root: KeyTree = new Map(Object.keys(SPEC_KEYS).map(key => [key, key as SpecialKey]))
  for (const field of FIELDS) {
    const segments = field.path.split('.')
    let tree = root
    for (const segment of segments.slice(0, -1)) {
      const next = tree.get(segment)
      if (next instanceof Map) tree = next
      else tree.set(segment, (tree = new Map()))
    }
    tree.set(segments[segments.length - 1], field)
  }
  return root
}

const KEY_TREE = buildKeyTree()
const API_NAMES = new Map(FIELDS.map(f => [f.api.toLowerCase(), f]))
/** Names the RPC protocol itself uses: an extra parameter with one of them would confuse the request. */
const RESERVED_NAMES = new Set(
  ['Action', 'Version', 'Format', 'AccessKeyId', 'SecurityToken', 'Signature', 'SignatureMethod']
    .concat(['SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp'])
    .map(n => n.toLowerCase())
)
const CORE_BOOLEAN = /^(true|True|TRUE|false|False|FALSE)$/
const CORE_INTEGER = /^[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/
const DECIMAL = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/
const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9]*$/

const TYPE_EXPECTED: Readonly<Record<ValueType, string>> = {
  string: 'a string',
  boolean: 'a boolean: true or false',
  integer: 'an integer',
  number: 'a number',
  quantity: 'a quantity (a string such as "500m", or a number)',
  stringList: 'a list of strings',
  portList: 'a list of port numbers',
  tags: 'a mapping of tag keys to string values',
  json: 'a mapping',
  certificate: 'a PEM certificate, or Base64 of it',
  certificates: 'PEM certificates, or Base64 of them',
  privateKey: 'a PEM private key, or Base64 of it'
}

interface Present {
  entry: MapEntry
  /** The checked value; absent when the value is invalid (already reported). */
  checked?: Checked
}

export function validateSpec(root: MapNode, problems: Problems): Validated {
  return new Validator(problems).run(root)
}

class Validator {
  private readonly problems: Problems
  private readonly present = new Map<string, Present>()
  private readonly certificates = new Map<string, X509Certificate[]>()
  private readonly keys = new Map<string, KeyObject>()
  private readonly extras: ExtraParameter[] = []
  private readonly secretTexts: string[] = []
  private version: MapEntry | undefined

  constructor(problems: Problems) {
    this.problems = problems
  }

  run(root: MapNode): Validated {
    this.walk(root, KEY_TREE, '')
    this.checkRequired()
    for (const rule of CROSS_RULES) this.crossRule(rule)
    const fields = new Map<string, Checked>()
    for (const [path, { checked }] of this.present) if (checked) fields.set(path, checked)
    return { values: { fields, extras: this.extras }, secretTexts: this.secretTexts }
  }

  private walk(map: MapNode, tree: KeyTree, prefix: string): void {
    for (const entry of map.entries) {
      const path = prefix ? `${prefix}.${entry.key}` : entry.key
      const target = tree.get(entry.key)
      if (target === undefined) this.unknownKey(entry, prefix, tree)
      else if (target === 'version') this.version = entry
      else if (target === 'extraParameters') this.checkExtras(entry)
      else if (!(target instanceof Map)) this.checkField(target, entry)
      else if (entry.value.kind === 'map') this.walk(entry.value, target, path)
      else {
        this.problems.error(entry.value.pos, path, `${path} must be a mapping`, {
          expected: `a mapping with keys such as ${[...target.keys()].slice(0, 4).join(', ')}`,
          found: describeNode(entry.value)
        })
      }
    }
  }

  private unknownKey(entry: MapEntry, parent: string, tree: KeyTree): void {
    const path = parent ? `${parent}.${entry.key}` : entry.key
    if (this.problems.isFull) return this.problems.error(entry.keyPos, path, 'unknown key')
    const sibling = closest(entry.key, tree.keys())
    const lower = entry.key.toLowerCase()
    // The API name, or the one field elsewhere with this last segment (`sampling` → tracing.sampling).
    const sameName = FIELDS.filter(f => f.path.split('.').pop()?.toLowerCase() === lower)
    const elsewhere = API_NAMES.get(lower)?.path ?? (sameName.length === 1 ? sameName[0].path : undefined)
    const suggestion = sibling ? (parent ? `${parent}.${sibling}` : sibling) : elsewhere
    const where = parent ? ` in ${parent}` : ''
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : ''
    this.problems.error(entry.keyPos, path, `unknown key ${JSON.stringify(entry.key)}${where}${hint}`, {
      expected: suggestion ? `a known key such as ${suggestion}` : `one of: ${[...tree.keys()].join(', ')}`,
      found: JSON.stringify(entry.key)
    })
  }

  private checkField(field: FieldSpec, entry: MapEntry): void {
    const present: Present = { entry }
    this.present.set(field.path, present)
    const node = entry.value
    if (field.deprecated) {
      this.problems.warning(
        entry.keyPos,
        field.path,
        `${field.path} (${field.api}) is deprecated: ${field.deprecated}`
      )
    }
    if (field.secret && node.kind === 'scalar' && typeof node.value === 'string')
      this.secretTexts.push(node.value)
    if (hasReportedPart(node)) return
    if (field.mustInterpolate && !(node.kind === 'scalar' && node.env?.whole)) {
      this.problems.error(node.pos, field.path, `${field.path} must come from a secret, not from the file`, {
        expected:
          "${NAME}, with NAME mapped from a secret in the step's env: (e.g. ASM_CA_KEY: ${{ secrets.ASM_CA_KEY }})",
        found: node.kind === 'scalar' ? 'a value written in the file' : describeNode(node)
      })
      return
    }
    present.checked = this.check(field, node)
  }

  private fail(node: SpecNode, path: string, message: string, expected: string): undefined {
    this.problems.error(node.pos, path, message, { expected, found: describeNode(node) })
    return undefined
  }

  private check(field: FieldSpec, node: SpecNode): Checked | undefined {
    const { path, rules = {} } = field
    const wrongType = (): undefined => {
      const hint =
        field.type === 'boolean' &&
        node.kind === 'scalar' &&
        typeof node.value === 'string' &&
        /^(y|yes|n|no|on|off)$/i.test(node.value)
      const extra = hint ? ' (YAML 1.2: yes, no, on and off are strings)' : ''
      return this.fail(
        node,
        path,
        `${path} must be ${TYPE_EXPECTED[field.type]}${extra}`,
        TYPE_EXPECTED[field.type]
      )
    }
    switch (field.type) {
      case 'boolean': {
        const value = asBoolean(node)
        return value === undefined ? wrongType() : { kind: 'boolean', value }
      }
      case 'integer':
      case 'number': {
        const value = field.type === 'integer' ? asInteger(node) : asNumber(node)
        if (value === undefined) return wrongType()
        return this.inRange(node, path, value, rules) ? { kind: 'number', value } : undefined
      }
      case 'string':
      case 'quantity': {
        const value = asText(node, field.type === 'quantity')
        if (value === undefined) return wrongType()
        return this.checkText(node, path, value, rules) ? { kind: 'text', value } : undefined
      }
      case 'stringList': {
        const value = this.checkList(node, path, rules, item => {
          const text = asText(item.node, false)
          if (text === undefined)
            return this.fail(item.node, item.path, `${item.path} must be a string`, 'a string')
          return this.checkText(item.node, item.path, text, rules) ? text : undefined
        })
        return value && { kind: 'list', value }
      }
      case 'portList': {
        const value = this.checkList(node, path, rules, item => {
          const port = asInteger(item.node)
          if (port === undefined)
            return this.fail(item.node, item.path, `${item.path} must be a port number`, 'an integer')
          return this.inRange(item.node, item.path, port, rules) ? port : undefined
        })
        return value && { kind: 'ports', value }
      }
      case 'tags':
        return node.kind === 'map' ? this.checkTags(node, path, rules) : wrongType()
      case 'json':
        if (node.kind !== 'map') return wrongType()
        if (rules.format === 'accessLogFormat') checkAccessLogFormat(node, path, this.problems)
        if (rules.format === 'localityLbConfig') checkLocalityConfig(node, path, this.problems)
        return { kind: 'json', value: nodeToJson(node) }
      case 'certificate':
      case 'certificates':
      case 'privateKey':
        return this.checkPem(field, node)
    }
  }

  private inRange(node: SpecNode, path: string, value: number, rules: Rules): boolean {
    if (rules.enum && !rules.enum.includes(value)) {
      return !!this.fail(
        node,
        path,
        `${path} must be one of ${rules.enum.join(', ')}`,
        `one of ${rules.enum.join(', ')}`
      )
    }
    const low = rules.min ?? -Infinity
    const high = rules.max ?? Infinity
    if (value < low || value > high) {
      return !!this.fail(node, path, `${path} is out of range`, `from ${low} to ${high}`)
    }
    return true
  }

  private checkText(node: SpecNode, path: string, value: string, rules: Rules): boolean {
    if (rules.enum) {
      const ok = rules.enum.includes(value)
      const choices = rules.enum.map(v => JSON.stringify(v)).join(', ')
      return ok || !!this.fail(node, path, `${path} must be one of ${choices}`, `one of ${choices}`)
    }
    if (value === '') return !!this.fail(node, path, `${path} must not be empty`, 'a non-empty string')
    if (CONTROL.test(value)) {
      return !!this.fail(
        node,
        path,
        `${path} contains a control character or line break`,
        'a single line of text'
      )
    }
    const format = isStringFormat(rules.format) ? FORMATS[rules.format] : undefined
    const problem = format?.check(value)
    if (!format || !problem) return true
    const detail = { expected: format.expected, found: describeNode(node) }
    if (problem.warning) {
      this.problems.warning(node.pos, path, `${path}: ${problem.message}`, detail)
      return true
    }
    this.problems.error(node.pos, path, `${path}: ${problem.message}`, detail)
    return false
  }

  private checkList<T extends string | number>(
    node: SpecNode,
    path: string,
    rules: Rules,
    checkItem: (item: { node: SpecNode; path: string }) => T | undefined
  ): T[] | undefined {
    if (node.kind !== 'seq')
      return this.fail(node, path, `${path} must be a list`, 'a YAML list such as [a, b]')
    const minItems = rules.minItems ?? 0
    if (node.items.length < minItems) {
      return this.fail(
        node,
        path,
        `${path} needs at least ${minItems} item(s)`,
        `at least ${minItems} item(s)`
      )
    }
    const values: T[] = []
    const seen = new Set<T>()
    let ok = true
    node.items.forEach((itemNode, i) => {
      const itemPath = `${path}[${i}]`
      const value = checkItem({ node: itemNode, path: itemPath })
      if (value === undefined) ok = false
      else if (rules.unique && seen.has(value)) {
        ok = false
        this.fail(itemNode, itemPath, `${itemPath} repeats ${JSON.stringify(value)}`, 'each item once')
      } else {
        seen.add(value)
        values.push(value)
      }
    })
    return ok ? values : undefined
  }

  /** Alibaba Cloud's tag rules (as for TagResources): key 1-128 characters, not starting with aliyun or acs:. */
  private checkTags(map: MapNode, path: string, rules: Rules): Checked | undefined {
    const max = rules.maxItems ?? Infinity
    let ok = true
    if (map.entries.length > max) {
      ok = false
      this.problems.error(map.pos, path, `${path} has ${map.entries.length} tags`, {
        expected: `at most ${max} tags`
      })
    }
    const tags: Tag[] = []
    for (const entry of map.entries) {
      const tagPath = `${path}.${entry.key}`
      const keyProblem =
        entry.key.length === 0 || entry.key.length > 128
          ? 'must have 1 to 128 characters'
          : /^(aliyun|acs:)/i.test(entry.key)
            ? 'must not start with aliyun or acs: (reserved by Alibaba Cloud)'
            : CONTROL.test(entry.key)
              ? 'must not contain control characters'
              : undefined
      if (keyProblem) {
        ok = false
        this.problems.error(entry.keyPos, tagPath, `tag key ${JSON.stringify(entry.key)} ${keyProblem}`, {
          expected: 'a key of 1-128 characters, not starting with aliyun or acs:',
          found: JSON.stringify(entry.key)
        })
      }
      const value = asText(entry.value, false)
      if (value === undefined || value.length > 128 || CONTROL.test(value)) {
        ok = false
        this.fail(
          entry.value,
          tagPath,
          `tag ${JSON.stringify(entry.key)} needs a string value`,
          'a string of at most 128 characters (quote numbers)'
        )
      } else tags.push({ key: entry.key, value })
    }
    return ok ? { kind: 'tags', value: tags } : undefined
  }

  private checkPem(field: FieldSpec, node: SpecNode): Checked | undefined {
    const { path } = field
    const text = asText(node, false)
    if (text === undefined)
      return this.fail(node, path, `${path} must be ${TYPE_EXPECTED[field.type]}`, TYPE_EXPECTED[field.type])
    const decoded = decodePem(text)
    if (!decoded.ok) return this.fail(node, path, `${path} is ${decoded.problem}`, TYPE_EXPECTED[field.type])
    if (field.type === 'privateKey') {
      const key = parsePrivateKey(decoded.value)
      if (!key.ok) return this.fail(node, path, `${path} is ${key.problem}`, TYPE_EXPECTED[field.type])
      this.keys.set(path, key.value)
      return { kind: 'pem', value: decoded.value }
    }
    const certificates = parseCertificates(decoded.value)
    if (!certificates.ok)
      return this.fail(node, path, `${path}: ${certificates.problem}`, TYPE_EXPECTED[field.type])
    const count = certificates.value.length
    const [min, max] = field.type === 'certificate' ? [1, 1] : [field.rules?.minItems ?? 1, Infinity]
    if (count < min || count > max) {
      const expected = max === 1 ? 'exactly one certificate' : `at least ${min} certificates`
      return this.fail(node, path, `${path} holds ${count} certificate(s)`, expected)
    }
    const chain = certificates.value
    const unordered = chain.findIndex((cert, i) => i + 1 < chain.length && !cert.checkIssued(chain[i + 1]))
    if (unordered >= 0) {
      this.problems.warning(
        node.pos,
        path,
        `${path}: certificate ${unordered + 1} is not issued by the next one`,
        {
          expected: 'the chain in order: the CA certificate first, the root last'
        }
      )
    }
    this.certificates.set(path, chain)
    return { kind: 'pem', value: decoded.value }
  }

  private checkExtras(entry: MapEntry): void {
    const { value: node } = entry
    if (node.kind !== 'map') {
      this.fail(
        node,
        'extraParameters',
        'extraParameters must be a mapping',
        'a mapping of API parameter name to value'
      )
      return
    }
    for (const extra of node.entries) {
      const path = `extraParameters.${extra.key}`
      const mapped = API_NAMES.get(extra.key.toLowerCase())
      const problem = !EXTRA_NAME.test(extra.key)
        ? {
            message: `${JSON.stringify(extra.key)} is not an API parameter name`,
            expected: 'a name such as SomeFutureFlag'
          }
        : mapped
          ? { message: `${extra.key} is mapped by the spec`, expected: `set it as ${mapped.path}` }
          : RESERVED_NAMES.has(extra.key.toLowerCase())
            ? {
                message: `${extra.key} is reserved by the API protocol`,
                expected: 'a CreateServiceMesh parameter name'
              }
            : undefined
      if (problem) {
        this.problems.error(extra.keyPos, path, problem.message, { expected: problem.expected })
        continue
      }
      const scalar = extra.value
      if (hasReportedPart(scalar)) continue
      if (scalar.kind !== 'scalar' || scalar.value === null) {
        this.fail(scalar, path, `${path} must be a single value`, 'a string, number or boolean')
      } else this.extras.push({ name: extra.key, text: scalarText(scalar) })
    }
  }

  private checkRequired(): void {
    if (!this.version) {
      this.problems.error(START, 'version', 'version is required', { expected: 'version: 1' })
    } else if (asInteger(this.version.value) !== 1) {
      this.fail(this.version.value, 'version', 'version must be 1', '1 (the only format version)')
    }
    for (const field of FIELDS) {
      if (!field.required || this.present.has(field.path)) continue
      const why = field.required === 'spec' ? 'it identifies the mesh' : `the API requires ${field.api}`
      this.problems.error(
        this.nearestPosition(field.path),
        field.path,
        `${field.path} is required (${why})`,
        {
          expected: `${field.path} set`,
          found: 'not set'
        }
      )
    }
  }

  /** Where to report a missing field: its closest present section, else the start of the file. */
  private nearestPosition(path: string): Position {
    const sections = path.split('.').slice(0, -1)
    for (let n = sections.length; n > 0; n--) {
      const prefix = `${sections.slice(0, n).join('.')}.`
      const sibling = [...this.present.entries()].find(([p]) => p.startsWith(prefix))
      if (sibling) return sibling[1].entry.keyPos
    }
    return START
  }

  /** true / false, or undefined when a condition's field is set but invalid (already reported). */
  private holds(conditions: readonly Condition[]): boolean | undefined {
    let result: boolean | undefined = true
    for (const { path, equals } of conditions) {
      const present = this.present.get(path)
      if (!present) return false
      if (equals === undefined) continue
      if (!present.checked) result = undefined
      else if (present.checked.value !== equals) return false
    }
    return result
  }

  private describeConditions(conditions: readonly Condition[]): { expected: string; found: string } {
    const expected = conditions.map(c =>
      c.equals === undefined ? `${c.path} set` : `${c.path}: ${c.equals}`
    )
    const found = conditions.map(c => {
      const checked = this.present.get(c.path)?.checked
      if (!checked) return this.present.has(c.path) ? `${c.path} invalid` : `${c.path} not set`
      return typeof checked.value === 'object' ? `${c.path} set` : `${c.path}: ${checked.value}`
    })
    return { expected: expected.join(' and '), found: found.join(', ') }
  }

  private crossRule(rule: CrossRule): void {
    const subject = this.present.get(rule.path)
    switch (rule.kind) {
      case 'only': {
        if (!subject || (rule.value !== undefined && subject.checked?.value !== rule.value)) return
        if (this.holds(rule.when) !== false) return
        const shown = rule.value === undefined ? rule.path : `${rule.path}: ${rule.value}`
        const { expected, found } = this.describeConditions(rule.when)
        this.problems.error(subject.entry.keyPos, rule.path, `${shown} is only allowed with ${expected}`, {
          expected,
          found
        })
        return
      }
      case 'needs': {
        if (subject || this.holds(rule.when) !== true) return
        const last = this.present.get(rule.when[rule.when.length - 1].path) as Present
        const { expected } = this.describeConditions(rule.when)
        this.problems.error(last.entry.keyPos, rule.path, `${rule.path} is required with ${expected}`, {
          expected: `${rule.path} set`,
          found: 'not set'
        })
        return
      }
      case 'notAbove': {
        const limit = this.present.get(rule.limit)
        if (subject?.checked?.kind !== 'text' || limit?.checked?.kind !== 'text') return
        if (quantityAmount(subject.checked.value) <= quantityAmount(limit.checked.value)) return
        this.problems.error(subject.entry.value.pos, rule.path, `${rule.path} is above ${rule.limit}`, {
          expected: `at most ${limit.checked.value}`,
          found: subject.checked.value
        })
        return
      }
      case 'keyMatchesCert': {
        const key = this.keys.get(rule.path)
        const certificate = this.certificates.get(rule.cert)?.[0]
        if (!key || !certificate || certificate.checkPrivateKey(key)) return
        this.problems.error(
          (subject as Present).entry.value.pos,
          rule.path,
          `${rule.path} does not match ${rule.cert}`,
          {
            expected: `the private key of the certificate in ${rule.cert}`,
            found: 'a different key'
          }
        )
      }
    }
  }
}

/** A value refused while parsing, or a `${NAME}` that could not be resolved, is already reported. */
const hasReportedPart = (node: SpecNode): boolean =>
  node.kind === 'scalar'
    ? node.invalid === true || node.env?.failed === true
    : node.kind === 'seq'
      ? node.items.some(hasReportedPart)
      : node.entries.some(e => hasReportedPart(e.value))

/** The scalar's text: a string as is, a number as written, a boolean as true/false. */
const scalarText = (node: ScalarNode): string =>
  typeof node.value === 'number' ? node.source : String(node.value)

/** Strings, and for quantities also plain numbers (`cpu: 1`). */
function asText(node: SpecNode, numbersToo: boolean): string | undefined {
  if (node.kind !== 'scalar') return undefined
  if (typeof node.value === 'string') return node.value
  return numbersToo && typeof node.value === 'number' ? node.source : undefined
}

/**
 * A value written as exactly `${NAME}` is a string; for boolean and numeric fields its text is read with the
 * YAML 1.2 core rules, so `period: ${PERIOD}` works as a user would expect.
 */
const fromEnv = (node: SpecNode, pattern: RegExp): string | undefined =>
  node.kind === 'scalar' && node.env?.whole && typeof node.value === 'string' && pattern.test(node.value)
    ? node.value
    : undefined

function asBoolean(node: SpecNode): boolean | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value
  const text = fromEnv(node, CORE_BOOLEAN)
  return text === undefined ? undefined : text.toLowerCase() === 'true'
}

function asInteger(node: SpecNode): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    return Number.isSafeInteger(node.value) && CORE_INTEGER.test(node.source) ? node.value : undefined
  }
  const text = fromEnv(node, /^[-+]?[0-9]+$/)
  return text === undefined ? undefined : Number(text)
}

function asNumber(node: SpecNode): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number')
    return Number.isFinite(node.value) ? node.value : undefined
  const text = fromEnv(node, DECIMAL)
  return text === undefined ? undefined : Number(text)
}
