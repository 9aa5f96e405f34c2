/**
 * The live mesh against its record (docs/contract.md §7.2): each recorded parameter whose live path the
 * field table knows is read from DescribeServiceMeshDetail, normalised to the record's comparable form
 * (state/diff.ts), and compared; tags come from ListTagResources. A live value that is missing or not in
 * the shape the reference describes (docs/reference/asm-lifecycle-api.md §d) is "not compared": it is
 * listed, never reported as drift.
 */
import { FIELDS, type FieldSpec } from './meshspec/fields.js'
import { fingerprint } from './fingerprint.js'
import { hiddenPrint } from './state/diff.js'
import type { Change, RecordedParameter } from './state/record.js'

/** A parameter whose live value differs from the record; a side without the parameter is absent. */
export interface Drift {
  path: string
  parameter: string
  recorded?: string
  live?: string
}

export interface NotCompared {
  path: string
  parameter: string
  /** Why: `not shown by DescribeServiceMeshDetail`, `live value missing`, `unexpected live value`. */
  why: string
}

/** What one read of the live mesh says about its record. */
export interface LiveComparison {
  drift: Drift[]
  notCompared: NotCompared[]
}

/** The live mesh as read once: the detail answer, and its tags when they were read. */
export interface LiveMesh {
  detail: Record<string, unknown>
  tags?: Readonly<Record<string, string>>
}

const fieldOf = (parameter: RecordedParameter): FieldSpec | undefined =>
  FIELDS.find(f => f.api === parameter.parameter && f.path === parameter.path)

/** The value at a dotted path of the detail answer; undefined when any step is missing. */
export function readPath(detail: unknown, path: string): unknown {
  let node: unknown = detail
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** JSON with object keys sorted: the comparable form of the table's `json` values (json-value.ts). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return undefined
  }
}

/**
 * LocalityLB shows the `failover` / `distribute` sent as Failover / Distribute (§d.2, form UNVERIFIED):
 * only that shape is compared, and only those two keys of it.
 */
function localityAsSent(value: unknown): unknown {
  if (!isObject(value)) return undefined
  const sent: Record<string, unknown> = {}
  if (Array.isArray(value.Failover)) sent.failover = value.Failover
  if (Array.isArray(value.Distribute)) sent.distribute = value.Distribute
  return Object.keys(sent).length > 0 ? sent : undefined
}

const commaItems = (value: string): string[] =>
  value
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '')

/**
 * A live value in the record's comparable form (request.ts comparableText), or undefined when its shape
 * is not the one expected for the field.
 */
export function liveComparable(field: FieldSpec, value: unknown): string | undefined {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined
    case 'string':
    case 'quantity':
      return typeof value === 'string' ? value : undefined
    case 'stringList': {
      const items =
        field.wire === 'jsonArray' ? value : typeof value === 'string' ? commaItems(value) : undefined
      if (!Array.isArray(items) || !items.every(item => typeof item === 'string')) return undefined
      const sorted = field.orderInsensitive ? [...(items as string[])].sort() : (items as string[])
      return field.wire === 'jsonArray' ? JSON.stringify(sorted) : sorted.join(',')
    }
    case 'portList': {
      if (typeof value !== 'string') return undefined
      const items = commaItems(value)
      if (!items.every(item => /^\d+$/.test(item))) return undefined
      const ports = items.map(Number)
      return (field.orderInsensitive ? ports.sort((a, b) => a - b) : ports).join(',')
    }
    case 'json': {
      const parsed = field.api === 'LocalityLBConf' ? localityAsSent(parsedJson(value)) : parsedJson(value)
      return isObject(parsed) ? canonical(parsed) : undefined
    }
    default:
      return undefined
  }
}

/**
 * Whether the live comparable equals the recorded one. TraceSampling comes back as a Go float32 (§d.2):
 * numbers are equal when they are the same float32.
 */
export function sameValue(field: FieldSpec, recorded: string, live: string): boolean {
  if (field.type !== 'number') return recorded === live
  return Math.fround(Number(recorded)) === Math.fround(Number(live))
}

/**
 * A live value next to a recorded one. A value from the environment (or a URL with user info) is
 * recorded only as its fingerprint (meshspec/request.ts protect, docs/contract.md §4.1): the live value is
 * then compared and shown as its fingerprint too, never in clear.
 */
function against(recorded: string, live: string): { shown: string; hidden: boolean } {
  return hiddenPrint(recorded) === undefined
    ? { shown: live, hidden: false }
    : { shown: fingerprint(live), hidden: true }
}

/** Whether a live comparable matches the recorded (or wanted) one, fingerprints compared as fingerprints. */
function matches(field: FieldSpec | undefined, recorded: string, live: string): boolean {
  const print = hiddenPrint(recorded)
  if (print !== undefined) return print === fingerprint(live)
  return field ? sameValue(field, recorded, live) : recorded === live
}

/** A live number as a person would write it: the float32 noise cut off. */
const shownLive = (field: FieldSpec, live: string): string =>
  field.type === 'number' ? String(Number(Number(live).toPrecision(7))) : live

export function compareLive(parameters: readonly RecordedParameter[], live: LiveMesh): LiveComparison {
  const drift: Drift[] = []
  const notCompared: NotCompared[] = []
  for (const parameter of parameters) {
    if (parameter.parameter === 'Tag' && parameter.path.startsWith('tags.')) continue
    const field = fieldOf(parameter)
    const at = field?.lifecycle.live
    const { path, parameter: name } = parameter
    if (!field || !at) {
      notCompared.push({ path, parameter: name, why: 'not shown by DescribeServiceMeshDetail' })
      continue
    }
    const value = readPath(live.detail, at)
    const comparable = value === undefined || value === null ? undefined : liveComparable(field, value)
    if (comparable === undefined) {
      notCompared.push({
        path,
        parameter: name,
        why: value === undefined || value === null ? 'live value missing' : 'unexpected live value'
      })
    } else if (!matches(field, parameter.value, comparable)) {
      const { shown, hidden } = against(parameter.value, comparable)
      drift.push({
        path,
        parameter: name,
        recorded: parameter.value,
        live: hidden ? shown : shownLive(field, comparable)
      })
    }
  }
  drift.push(...tagDrift(parameters, live.tags))
  return { drift, notCompared }
}

/** Tags are one map while the spec manages them (any recorded tag): a key added or removed live is drift. */
function tagDrift(parameters: readonly RecordedParameter[], tags: LiveMesh['tags']): Drift[] {
  const recorded = parameters.filter(p => p.parameter === 'Tag' && p.path.startsWith('tags.'))
  if (recorded.length === 0 || !tags) return []
  const drift: Drift[] = []
  for (const p of recorded) {
    const value = tags[p.path.slice('tags.'.length)]
    if (value === undefined || !matches(undefined, p.value, value))
      drift.push({
        path: p.path,
        parameter: 'Tag',
        recorded: p.value,
        ...(value !== undefined && { live: against(p.value, value).shown })
      })
  }
  const known = new Set(recorded.map(p => p.path))
  for (const [key, value] of Object.entries(tags)) {
    if (!known.has(`tags.${key}`)) drift.push({ path: `tags.${key}`, parameter: 'Tag', live: value })
  }
  return drift
}

/**
 * The record as the live mesh has it: each drifted parameter at its live value (gone when it has none
 * live), live tags the record lacks added. Diffing the spec against this sets drift back.
 */
export function liveRecord(
  parameters: readonly RecordedParameter[],
  drift: readonly Drift[]
): RecordedParameter[] {
  const byPath = new Map(drift.map(d => [d.path, d]))
  const asLive = parameters.flatMap(p => {
    const d = byPath.get(p.path)
    if (!d) return [p]
    return d.live === undefined ? [] : [{ ...p, value: d.live }]
  })
  const known = new Set(parameters.map(p => p.path))
  const added = drift
    .filter(d => !known.has(d.path) && d.live !== undefined)
    .map(d => ({ path: d.path, parameter: d.parameter, value: d.live as string }))
  return [...asLive, ...added]
}

/**
 * The changes the live mesh does not show yet, of those it can show (a field without a live path, or a
 * live value of another shape, is not counted either way); `compared` says whether any could be checked.
 */
export function notYetLive(
  changes: readonly Change[],
  live: LiveMesh
): { pending: Change[]; compared: number } {
  const pending: Change[] = []
  let compared = 0
  for (const change of changes) {
    if (change.parameter === 'Tag' && change.path.startsWith('tags.')) {
      if (!live.tags) continue
      compared++
      const value = live.tags[change.path.slice('tags.'.length)]
      const shows =
        change.after === undefined
          ? value === undefined
          : value !== undefined && matches(undefined, change.after, value)
      if (!shows) pending.push(change)
      continue
    }
    const field = FIELDS.find(f => f.path === change.path)
    const at = field?.lifecycle.live
    if (!field || !at || change.after === undefined) continue
    const value = liveComparable(field, readPath(live.detail, at))
    if (value === undefined) continue
    compared++
    if (!matches(field, change.after, value)) pending.push(change)
  }
  return { pending, compared }
}
