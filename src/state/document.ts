/**
 * A StateDocument as text: strict parsing of what a store read, stable serialisation of what it writes,
 * and the one way a new record enters a document (history newest first, bounded).
 *
 * One shape table (below) both validates a read document and fixes the key order of a written one, so a
 * document always serialises the same way and hand edits that break it are caught, never ignored.
 */
import { ActionError } from '../errors.js'
import type { StateDocument, StateRecord, Tombstone } from './record.js'

/** Older records kept per state key; beyond this the oldest are dropped. */
export const HISTORY_LIMIT = 50
/**
 * Upper bound of a serialised document. The GitHub contents API only returns files up to 1 MB inline,
 * and a state file has no reason to grow: the oldest history goes first.
 */
export const MAX_DOCUMENT_BYTES = 512 * 1024

/** Where a document came from, for error messages. */
export interface DocumentSource {
  /** e.g. `branch asm-state, file cn-hangzhou/prod.json` */
  description: string
  /** How the user repairs or resets the record there. */
  reset: string
}

type Check = (value: unknown, at: string, problems: string[]) => unknown

/** A short description of a found value (hand-edited files can hold anything, of any size). */
function found(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`
}

function string(options: { nonEmpty?: boolean } = {}): Check {
  return (value, at, problems) => {
    if (typeof value !== 'string') problems.push(`${at}: expected a string, found ${found(value)}`)
    else if (options.nonEmpty && value === '') problems.push(`${at}: must not be empty`)
    return value
  }
}

const timestamp: Check = (value, at, problems) => {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    problems.push(`${at}: expected an ISO 8601 time, found ${found(value)}`)
  }
  return value
}

function oneOf(...allowed: unknown[]): Check {
  return (value, at, problems) => {
    if (!allowed.includes(value)) {
      problems.push(
        `${at}: expected ${allowed.map(a => JSON.stringify(a)).join(' or ')}, found ${found(value)}`
      )
    }
    return value
  }
}

function arrayOf(item: Check, unique?: (value: unknown) => unknown): Check {
  return (value, at, problems) => {
    if (!Array.isArray(value)) {
      problems.push(`${at}: expected an array, found ${found(value)}`)
      return value
    }
    const seen = new Set<unknown>()
    return value.map((element, i) => {
      const key = unique?.(element)
      if (key !== undefined && seen.has(key)) problems.push(`${at}[${i}]: duplicate ${JSON.stringify(key)}`)
      seen.add(key)
      return item(element, `${at}[${i}]`, problems)
    })
  }
}

/** Checks an object's fields and rebuilds it with keys in table order (unknown keys are an error). */
function object(fields: Record<string, Check>, optional: string[] = []): Check {
  return (value, at, problems) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at}: expected an object, found ${found(value)}`)
      return value
    }
    const input = value as Record<string, unknown>
    const unknown = Object.keys(input).filter(key => !(key in fields))
    if (unknown.length > 0)
      problems.push(`${at}: unknown field ${unknown.map(k => JSON.stringify(k)).join(', ')}`)
    const output: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(fields)) {
      if (input[key] === undefined) {
        if (!optional.includes(key)) problems.push(`${at}: missing field "${key}"`)
        continue
      }
      output[key] = check(input[key], `${at}.${key}`, problems)
    }
    return output
  }
}

const recordedParameter = object({ path: string({ nonEmpty: true }), parameter: string(), value: string() })

/** Which run wrote a record or a tombstone, and when. */
const writtenBy = {
  commitSha: string(),
  runId: string(),
  runAttempt: string(),
  actor: string(),
  repository: string(),
  time: timestamp
}

const stateRecord = object(
  {
    meshId: string({ nonEmpty: true }),
    requestId: string(),
    origin: oneOf('created', 'adopted'),
    name: string({ nonEmpty: true }),
    region: string({ nonEmpty: true }),
    parameters: arrayOf(recordedParameter, p => (p as { path?: unknown } | null)?.path),
    ...writtenBy,
    specFile: string({ nonEmpty: true })
  },
  ['specFile']
)

const pendingCreate = object(
  {
    runId: string(),
    runAttempt: string(),
    actor: string(),
    since: timestamp,
    name: string({ nonEmpty: true }),
    region: string({ nonEmpty: true }),
    lockId: string({ nonEmpty: true }),
    existing: arrayOf(string({ nonEmpty: true })),
    outcome: oneOf('unknown'),
    operation: oneOf('delete'),
    meshId: string({ nonEmpty: true })
  },
  ['lockId', 'existing', 'outcome', 'operation', 'meshId']
)

const tombstone = object({
  meshId: string({ nonEmpty: true }),
  name: string({ nonEmpty: true }),
  region: string({ nonEmpty: true }),
  requestId: string(),
  outcome: oneOf('deleted', 'gone'),
  ...writtenBy
})

const stateDocument = object(
  {
    schemaVersion: oneOf(1),
    stateKey: string({ nonEmpty: true }),
    current: stateRecord,
    pending: pendingCreate,
    tombstone,
    history: arrayOf(stateRecord)
  },
  ['current', 'pending', 'tombstone']
)

function check(value: unknown): { document: StateDocument; problems: string[] } {
  const problems: string[] = []
  const document = stateDocument(value, '$', problems) as StateDocument
  return { document, problems }
}

/** Text read from a store → a valid document; anything else is an ActionError naming the source. */
export function parseStateDocument(text: string, source: DocumentSource): StateDocument {
  const corrupt = (what: string) =>
    new ActionError(`The state record in ${source.description} is unreadable: ${what}.`, source.reset)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw corrupt(`it is not valid JSON (${(error as Error).message})`)
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > 1) {
    throw corrupt(
      `it has schemaVersion ${version}, written by a newer version of this action (this one reads 1)`
    )
  }
  const { document, problems } = check(value)
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ')
    throw corrupt(problems.length > 5 ? `${shown}; and ${problems.length - 5} more problems` : shown)
  }
  return document
}

/** Stable pretty JSON with a trailing newline; keys in a fixed order whatever order the object has. */
export function serialiseStateDocument(document: StateDocument): string {
  const { document: canonical, problems } = check(document)
  if (problems.length > 0)
    throw new Error(`bug: refusing to write an invalid state document: ${problems.join('; ')}`)
  return `${JSON.stringify(canonical, null, 2)}\n`
}

export function emptyStateDocument(stateKey: string): StateDocument {
  return { schemaVersion: 1, stateKey, history: [] }
}

/**
 * The document after recording `record` as current: the previous current record moves to the front of
 * the history, any pending create and tombstone are cleared, and the history is cut to HISTORY_LIMIT and
 * to MAX_DOCUMENT_BYTES, oldest first.
 */
export function withCurrentRecord(document: StateDocument, record: StateRecord): StateDocument {
  return bounded({ schemaVersion: 1, stateKey: document.stateKey, current: record, history: [] }, document)
}

/**
 * The document after a destroy: no current record, the tombstone in its place, the deleted mesh's record
 * at the front of the history, the lock released.
 */
export function withTombstone(document: StateDocument, tombstone: Tombstone): StateDocument {
  return bounded({ schemaVersion: 1, stateKey: document.stateKey, tombstone, history: [] }, document)
}

/** `next` with the previous current record and history of `previous`, within the bounds. */
function bounded(next: StateDocument, previous: StateDocument): StateDocument {
  const { current, history } = previous
  next.history = (current ? [current, ...history] : history).slice(0, HISTORY_LIMIT)
  while (next.history.length > 0 && Buffer.byteLength(serialiseStateDocument(next)) > MAX_DOCUMENT_BYTES) {
    next.history = next.history.slice(0, -1)
  }
  return next
}

/** A state document, or undefined when the text is not one (a sibling file: store.ts). */
export function parsedOrUndefined(text: string, source: DocumentSource): StateDocument | undefined {
  try {
    return parseStateDocument(text, source)
  } catch {
    return undefined
  }
}
