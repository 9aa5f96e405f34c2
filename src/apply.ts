/**
 * Acting on a decision in `apply` mode, with the state record as the lock that keeps two runs from
 * both creating: a `pending` entry is compare-and-swapped in before CreateServiceMesh, and the record
 * is written right after it answers, before any waiting, so a cancelled job never loses a mesh id.
 *
 * Every way out of a create leaves the entry right: a mesh → recorded (entry gone); certainly not
 * created → entry gone; anything else (unknown outcome, cancellation, an exception) → entry marked
 * `unknown`, so the next run looks for the mesh before it creates one.
 */
import { randomUUID } from 'node:crypto'
import { decide, type Decision, type DecisionInput } from './decide.js'
import { CloudCallError } from './cloud/failure.js'
import { realSleep, type Sleep } from './cloud/sleep.js'
import { ActionError } from './errors.js'
import { gatherFacts } from './facts.js'
import type { Log } from './log.js'
import type { CreateResult, MeshApi, MeshInfo } from './cloud/types.js'
import type { MeshRequest } from './meshspec/request.js'
import { toRecordedParameters } from './state/diff.js'
import { emptyStateDocument, withCurrentRecord } from './state/document.js'
import type { PendingCreate, StateDocument, StateRecord } from './state/record.js'
import { StateConflictError, type StateRead, type StateStore, type StateWrite } from './state/store.js'
import type { RunContext, Settings } from './settings.js'
import { scaled } from './time-scale.js'

/** A pending create older than this is treated as abandoned (its run died without cleaning up). */
const PENDING_STALE_MS = scaled(30 * 60 * 1000)
/** How long to wait for another run's create to be recorded, polling the record. */
const PENDING_WAIT_MS = scaled(10 * 60 * 1000)
const PENDING_POLL_MS = scaled(5000)
/** Lost compare-and-swap races tolerated before giving up. */
const MAX_ROUNDS = 8

export interface ApplyResult {
  decision: Decision
  meshId?: string
  requestId?: string
  created: boolean
  meshState?: string
  stateLocation?: string
}

export interface ApplyDeps {
  store: StateStore
  mesh: MeshApi
  log: Log
  now?: () => Date
  sleep?: Sleep
  /** Aborted when the job is cancelled: nothing new is started, but a started create is recorded. */
  signal?: AbortSignal
  /** Told the mesh id as soon as it is known, so outputs survive a cancellation. */
  onMeshId?: (meshId: string) => void
}

export interface ApplyInput {
  settings: Pick<Settings, 'adoptExisting' | 'onChange'>
  run: RunContext
  stateKey: string
  request: MeshRequest
  /** True when the spec differs from the record that was read for the plan. */
  changedFrom: (record: StateRecord | undefined) => boolean
  /** The state as already read for the plan: the first round decides on it instead of reading again. */
  initial?: StateRead
}

export async function apply(input: ApplyInput, deps: ApplyDeps): Promise<ApplyResult> {
  const now = deps.now ?? (() => new Date())
  const sleep = deps.sleep ?? realSleep
  // Marks this process's pending entry, so it is never mistaken for another run's (docs/contract.md §5).
  const lockId = randomUUID()
  const waitUntil = now().getTime() + PENDING_WAIT_MS
  let alreadyRead = input.initial
  for (let round = 1; round <= MAX_ROUNDS;) {
    let { document, revision } = alreadyRead ?? (await deps.store.read())
    alreadyRead = undefined
    // This process's own entry (a write GitHub applied but answered with an error) is no one's to wait for.
    const pending = document?.pending?.lockId === lockId ? undefined : document?.pending
    if (pending && !abandoned(pending, input.run, now())) {
      if (deps.signal?.aborted)
        throw new ActionError(
          `Cancelled while run ${pending.runId} was creating the mesh for ${input.stateKey}; nothing was created by this run.`
        )
      if (now().getTime() >= waitUntil)
        throw new ActionError(
          `Run ${pending.runId} (attempt ${pending.runAttempt}) has been creating the mesh for ${input.stateKey} since ${pending.since}; nothing was created by this run.`,
          'Run again once that run has finished; it records the mesh, and this run then keeps it.'
        )
      deps.log.info(
        `Run ${pending.runId} (attempt ${pending.runAttempt}) is creating this mesh since ${pending.since}; waiting for it to record the result.`
      )
      // A cancellation ends the pause early; the next round says what happened.
      await sleep(PENDING_POLL_MS, deps.signal).catch(() => undefined)
      continue
    }
    round++
    try {
      if (pending && document) {
        const earlier = await findEarlierCreate(pending, document, deps)
        if (earlier) {
          const decision: Decision = {
            action: 'adopt',
            mesh: earlier,
            reason: `run ${pending.runId} (attempt ${pending.runAttempt}) created mesh ${earlier.id} without recording it`
          }
          return await act(decision, {}, { input, document, revision, deps, now, lockId })
        }
        // Looked for as long as that create could show up: it made no mesh, and its entry can go.
        document = { ...document, pending: undefined }
        revision = (
          await deps.store.write(document, revision, `Clear the abandoned create for ${input.stateKey}`)
        ).revision
      }
      const record = document?.current
      const facts = await gatherFacts({
        record,
        changed: input.changedFrom(record),
        adoptExisting: input.settings.adoptExisting,
        onChange: input.settings.onChange,
        request: input.request,
        mesh: deps.mesh
      })
      return await act(decide(facts), facts, { input, document, revision, deps, now, lockId })
    } catch (error) {
      if (!(error instanceof StateConflictError)) throw error
      deps.log.info(
        'Another run changed the state record at the same time; reading it again and re-deciding.'
      )
    }
  }
  throw new ActionError(
    `The state record for ${input.stateKey} kept changing under this run (${MAX_ROUNDS} attempts); nothing was created.`,
    'Another workflow is applying the same state key. Run again once it has finished.'
  )
}

/**
 * A pending entry that no live process will finish: its create's outcome is unknown, it is older than
 * PENDING_STALE_MS, or it belongs to an earlier attempt of this run (a re-run starts only after the
 * earlier attempt ended). Any other entry is a live process's, even one of the same run and attempt
 * (matrix jobs share both); this process's own entry is told apart by its lock id before this is asked.
 */
function abandoned(pending: PendingCreate, run: RunContext, now: Date): boolean {
  return (
    pending.outcome === 'unknown' ||
    now.getTime() - Date.parse(pending.since) >= PENDING_STALE_MS ||
    (pending.runId === run.runId && Number(pending.runAttempt) < Number(run.runAttempt))
  )
}

/**
 * The mesh an abandoned entry's create made, if it made one: a mesh with the name and region it sent
 * that is neither recorded nor among those that existed before it was sent. Looked for until that create
 * could no longer show up (a run cancelled mid-create had no time to look itself).
 */
async function findEarlierCreate(
  pending: PendingCreate,
  document: StateDocument | undefined,
  deps: ApplyDeps
): Promise<MeshInfo | undefined> {
  deps.log.info(
    `Run ${pending.runId} (attempt ${pending.runAttempt}) started creating this mesh at ${pending.since} ` +
      `and did not record the outcome; looking for a mesh it may have made before anything else.`
  )
  // Entries written by earlier versions do not list the meshes that existed before: only recorded ones are excluded.
  const existing = [...new Set([...(pending.existing ?? []), ...recordedIds(document)])]
  return deps.mesh.findCreated(pending, existing, { since: Date.parse(pending.since), signal: deps.signal })
}

interface Context {
  input: ApplyInput
  document: StateDocument | undefined
  revision: string | undefined
  deps: ApplyDeps
  now: () => Date
  lockId: string
}

async function act(
  decision: Decision,
  facts: Pick<DecisionInput, 'candidates' | 'existing'>,
  context: Context
): Promise<ApplyResult> {
  const { input, document, revision, deps, now } = context
  const base: StateDocument = document ?? emptyStateDocument(input.stateKey)
  switch (decision.action) {
    case 'create':
      return create(decision, facts, context, base)
    case 'adopt': {
      deps.onMeshId?.(decision.mesh.id)
      const record = newRecord(input, decision.mesh.id, '', 'adopted', now)
      const written = await writeRecord(
        deps,
        { ...base, pending: undefined },
        record,
        revision,
        input.stateKey
      )
      return {
        decision,
        meshId: decision.mesh.id,
        created: false,
        meshState: decision.mesh.state,
        stateLocation: written.location
      }
    }
    case 'keep':
    case 'warn':
      deps.onMeshId?.(decision.meshId)
      return {
        decision,
        meshId: decision.meshId,
        created: false,
        ...(facts.existing?.state ? { meshState: facts.existing.state } : {})
      }
    case 'fail':
    case 'unknown':
      return { decision, ...(decision.meshId ? { meshId: decision.meshId } : {}), created: false }
  }
}

/** Takes the lock, sends CreateServiceMesh once, and settles the pending entry whatever happens. */
async function create(
  decision: Extract<Decision, { action: 'create' }>,
  facts: Pick<DecisionInput, 'candidates'>,
  context: Context,
  base: StateDocument
): Promise<ApplyResult> {
  const { input, deps, now } = context
  const { name, region } = input.request
  const { pending, held } = await takeLock(facts, context, base)
  const markUnknown = once(() =>
    held.write(
      { ...base, pending: { ...pending, outcome: 'unknown' } },
      `Create outcome unknown for ${input.stateKey}`
    )
  )
  const settleFailed = (error: unknown) =>
    deps.log.warning(
      `Could not mark the create for ${input.stateKey} in the state record: ${(error as Error).message}`
    )
  // The runner kills the step about 10 s after the cancel signal: record at once that the outcome is open.
  const onAbort = () => void markUnknown().catch(settleFailed)
  deps.signal?.addEventListener('abort', onAbort, { once: true })
  let result: CreateResult | undefined
  let refused = false
  deps.log.info(
    `Sending CreateServiceMesh for name "${name}" in ${region}; the answer can take a minute or two.`
  )
  try {
    result = await deps.mesh.create(input.request, pending.existing ?? [], { signal: deps.signal })
  } catch (error) {
    refused = error instanceof CloudCallError && !error.failure.outcomeUnknown
    throw error
  } finally {
    deps.signal?.removeEventListener('abort', onAbort)
    if (!result) {
      const settled = refused
        ? held.write({ ...base, pending: undefined }, `Create refused for ${input.stateKey}`)
        : markUnknown()
      await settled.catch(settleFailed)
    }
  }
  deps.onMeshId?.(result.meshId)
  const record = newRecord(input, result.meshId, result.requestId, 'created', now)
  await held.idle()
  const written = await writeRecord(
    deps,
    { ...base, pending: undefined },
    record,
    held.revision,
    input.stateKey
  ).catch(async (error: unknown) => {
    // Not recorded: the entry says the outcome is open, so the next run finds this mesh and records it.
    await markUnknown().catch(() => undefined)
    throw error
  })
  return {
    decision,
    meshId: result.meshId,
    requestId: result.requestId,
    created: true,
    stateLocation: written.location
  }
}

/**
 * Lists the same-name meshes (unless this round just did: they are never this run's, adopt-existing or
 * not) and compare-and-swaps the pending entry in with them. A cancellation by then sends nothing.
 */
async function takeLock(
  facts: Pick<DecisionInput, 'candidates'>,
  { input, document, revision, deps, now, lockId }: Context,
  base: StateDocument
): Promise<{ pending: PendingCreate; held: HeldRecord }> {
  const cancelled = () => new ActionError('Cancelled before CreateServiceMesh was sent; nothing was created.')
  if (deps.signal?.aborted) throw cancelled()
  const { name, region } = input.request
  const listed = facts.candidates ?? (await deps.mesh.findByName(name, region))
  const pending: PendingCreate = {
    runId: input.run.runId,
    runAttempt: input.run.runAttempt,
    actor: input.run.actor,
    since: now().toISOString(),
    name,
    region,
    lockId,
    existing: [...new Set([...recordedIds(document), ...listed.map(mesh => mesh.id)])]
  }
  const locked = await deps.store.write({ ...base, pending }, revision, `Creating mesh ${input.stateKey}`)
  const held = new HeldRecord(deps.store, locked.revision)
  if (deps.signal?.aborted) {
    await held
      .write({ ...base, pending: undefined }, `Cancelled before creating ${input.stateKey}`)
      .catch(() => undefined)
    throw cancelled()
  }
  return { pending, held }
}

/** The state record while this run holds its pending entry: writes in order, each on the last one's revision. */
class HeldRecord {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: StateStore,
    public revision: string
  ) {}

  write(document: StateDocument, message: string): Promise<StateWrite> {
    const written = this.queue.then(async () => {
      const result = await this.store.write(document, this.revision, message)
      this.revision = result.revision
      return result
    })
    this.queue = written.catch(() => undefined)
    return written
  }

  /** Resolves once every write started so far has ended. */
  idle(): Promise<unknown> {
    return this.queue
  }
}

/** `fn` called at most once; later calls share its promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined
  return () => (started ??= fn())
}

/** Meshes this state key has recorded, now or earlier: never to be mistaken for a new one. */
function recordedIds(document: StateDocument | undefined): string[] {
  const recorded = document?.current ? [document.current, ...document.history] : (document?.history ?? [])
  return recorded.map(r => r.meshId)
}

function newRecord(
  input: ApplyInput,
  meshId: string,
  requestId: string,
  origin: StateRecord['origin'],
  now: () => Date
): StateRecord {
  return {
    meshId,
    requestId,
    origin,
    name: input.request.name,
    region: input.request.region,
    parameters: toRecordedParameters(input.request.parameters),
    commitSha: input.run.sha,
    runId: input.run.runId,
    runAttempt: input.run.runAttempt,
    actor: input.run.actor,
    repository: input.run.repository,
    time: now().toISOString()
  }
}

/**
 * Writes the new current record, keeping the old one in history. After a create the mesh exists, so
 * a conflict here must not lose it: re-read and write again on top of whatever is there now.
 */
async function writeRecord(
  deps: ApplyDeps,
  base: StateDocument,
  record: StateRecord,
  revision: string | undefined,
  stateKey: string
): Promise<StateWrite> {
  let document = base
  let expected = revision
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.write(
        withCurrentRecord(document, record),
        expected,
        `Record mesh ${record.meshId} for ${stateKey}`
      )
    } catch (error) {
      if (!(error instanceof StateConflictError) || attempt >= 5) {
        throw new ActionError(
          `Mesh ${record.meshId} exists but its record for ${stateKey} could not be written: ${(error as Error).message}`,
          'Keep this id. Re-run the job: with adopt-existing (the default) it finds the mesh by name and records it.'
        )
      }
      const latest = await deps.store.read()
      document = latest.document ?? base
      expected = latest.revision
    }
  }
}
