/**
 * The spec tree → checked values, reporting every problem of docs/contract.md §4.2 at its line and column. Driven by
 * the field table (fields.ts) and the cross-field rules (rules.ts); nothing here knows a parameter by name.
 */
import { checkValue } from './check-value.js'
import { type Context, type Present, wrongType } from './context.js'
import { checkCrossRules } from './cross.js'
import { checkExtras, fieldOfApiName } from './extras.js'
import { ACTION_FIELDS, DEPRECATED, FIELDS, type FieldEntry, REQUIRED_BASIS, SPEC_KEYS } from './fields.js'
import { type Problems, START } from './problems.js'
import { ENV_RULES, KEY_RULES } from './rulebook.js'
import { asInteger, hasReportedPart } from './scalars.js'
import { closest } from './suggest.js'
import { describeNode, type MapEntry, type MapNode, type Position } from './tree.js'
import type { Checked, ExtraParameter, SpecValues } from './values.js'

export interface Validated {
  values: SpecValues
  /** Values of secret fields as written (even when invalid), to be masked. */
  secretTexts: string[]
}

type SpecialKey = keyof typeof SPEC_KEYS
type KeyTree = Map<string, KeyTree | FieldEntry | SpecialKey>

/** The known keys, in the order a listing shows them: version, the fields in table order, lifecycle, extraParameters. */
function buildKeyTree(): KeyTree {
  const root: KeyTree = new Map([['version', 'version' as SpecialKey]])
  for (const field of [...FIELDS, ...ACTION_FIELDS]) {
    const segments = field.path.split('.')
    let tree = root
    for (const segment of segments.slice(0, -1)) {
      const next = tree.get(segment)
      if (next instanceof Map) tree = next
      else tree.set(segment, (tree = new Map()))
    }
    tree.set(segments[segments.length - 1], field)
  }
  root.set('extraParameters', 'extraParameters')
  return root
}

const KEY_TREE = buildKeyTree()

/** A name for the secret that a key field is written from, as in docs/contract.md §4 (`ASM_CA_KEY`). */
const secretName = (field: FieldEntry): string =>
  `ASM_${field.api
    .replace(/^Existing/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()}`

export function validateSpec(root: MapNode, problems: Problems): Validated {
  return new Validator(problems).run(root)
}

class Validator {
  private readonly ctx: Context
  private readonly extras: ExtraParameter[] = []
  private readonly secretTexts: string[] = []
  /** Keys an unknown key was probably meant to be: they are not reported missing as well. */
  private readonly meant: string[] = []
  /** The line where the known keys of a section were listed, so that they are listed once. */
  private readonly listedAt = new Map<string, number>()
  private version: MapEntry | undefined

  constructor(problems: Problems) {
    this.ctx = { problems, present: new Map(), certificates: new Map(), keys: new Map() }
  }

  run(root: MapNode): Validated {
    this.walk(root, KEY_TREE, '')
    this.checkRequired()
    checkCrossRules(this.ctx)
    const fields = new Map<string, Checked>()
    for (const [path, { checked }] of this.ctx.present) if (checked) fields.set(path, checked)
    return { values: { fields, extras: this.extras }, secretTexts: this.secretTexts }
  }

  private walk(map: MapNode, tree: KeyTree, prefix: string): void {
    for (const entry of map.entries) {
      const path = prefix ? `${prefix}.${entry.key}` : entry.key
      const target = tree.get(entry.key)
      if (target === undefined) this.unknownKey(entry, prefix, tree)
      else if (target === 'version') this.version = entry
      else if (target === 'extraParameters') this.extras.push(...checkExtras(entry, this.ctx.problems))
      else if (!(target instanceof Map)) this.checkField(target, entry)
      else if (entry.value.kind === 'map') this.walk(entry.value, target, path)
      else {
        const keys = [...target.keys()].slice(0, 4).join(', ')
        wrongType(this.ctx.problems, entry.value, path, `a mapping with keys such as ${keys}`)
      }
    }
  }

  private unknownKey(entry: MapEntry, parent: string, tree: KeyTree): void {
    const { problems } = this.ctx
    const path = parent ? `${parent}.${entry.key}` : entry.key
    const message = `${path} is not a known key`
    if (problems.isFull) return problems.report(KEY_RULES.unknownKey, entry.keyPos, path, message)
    const sibling = closest(entry.key, tree.keys())
    const lower = entry.key.toLowerCase()
    // The API name, or the one field elsewhere with this last segment (`sampling` → tracing.sampling).
    const sameName = FIELDS.filter(f => f.path.split('.').pop()?.toLowerCase() === lower)
    const elsewhere =
      fieldOfApiName(entry.key)?.path ?? (sameName.length === 1 ? sameName[0].path : undefined)
    const suggestion = sibling ? (parent ? `${parent}.${sibling}` : sibling) : elsewhere
    if (suggestion) this.meant.push(suggestion)
    const where = parent ? `of ${parent}` : 'at the top level'
    const listed = this.listedAt.get(parent)
    const advice = suggestion
      ? `did you mean ${suggestion}?`
      : listed
        ? `line ${listed} lists the keys ${where}`
        : `the keys ${where} are ${[...tree.keys()].join(', ')}`
    if (!suggestion && !listed) this.listedAt.set(parent, entry.keyPos.line)
    problems.report(KEY_RULES.unknownKey, entry.keyPos, path, `${message}; ${advice}`)
  }

  private checkField(field: FieldEntry, entry: MapEntry): void {
    const { problems } = this.ctx
    const present: Present = { entry }
    this.ctx.present.set(field.path, present)
    const node = entry.value
    if (field.deprecated)
      problems.report(
        DEPRECATED,
        entry.keyPos,
        field.path,
        `${field.path} is deprecated: ${field.deprecated}`
      )
    if (field.secret && node.kind === 'scalar' && typeof node.value === 'string')
      this.secretTexts.push(node.value)
    if (hasReportedPart(node)) return
    if (field.mustInterpolate && !(node.kind === 'scalar' && node.env?.whole)) {
      const name = secretName(field)
      const key = field.path.split('.').pop()
      problems.report(
        ENV_RULES.fromSecret,
        node.pos,
        field.path,
        `${field.path} must come from a secret, not from the file: write ${key}: \${${name}} and set ${name}: \${{ secrets.${name} }} in the step's env:`,
        { found: node.kind === 'scalar' ? 'a value written in the file' : describeNode(node) }
      )
      return
    }
    present.checked = checkValue(field, node, this.ctx)
  }

  private isMeant = (path: string): boolean => this.meant.some(m => path === m || path.startsWith(`${m}.`))

  private checkRequired(): void {
    const { problems } = this.ctx
    const version = KEY_RULES.version
    if (!this.version) {
      if (!this.isMeant('version'))
        problems.report(version, START, 'version', 'version is required: add version: 1')
    } else if (asInteger(this.version.value) !== 1) {
      problems.report(
        version,
        this.version.value.pos,
        'version',
        'version must be 1, the only format version',
        {
          found: describeNode(this.version.value)
        }
      )
    }
    for (const field of FIELDS) {
      if (!field.required || this.ctx.present.has(field.path) || this.isMeant(field.path)) continue
      const why = field.required === 'spec' ? 'it identifies the mesh' : `the API needs ${field.api}`
      problems.report(
        REQUIRED_BASIS[field.required],
        this.nearestPosition(field.path),
        field.path,
        `${field.path} is required: ${why}`
      )
    }
  }

  /** Where to report a missing field: its closest present section, else the start of the file. */
  private nearestPosition(path: string): Position {
    const sections = path.split('.').slice(0, -1)
    for (let n = sections.length; n > 0; n--) {
      const prefix = `${sections.slice(0, n).join('.')}.`
      const sibling = [...this.ctx.present.entries()].find(([p]) => p.startsWith(prefix))
      if (sibling) return sibling[1].entry.keyPos
    }
    return START
  }
}
