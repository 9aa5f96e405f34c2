/**
 * The decision of a run on its state record, and in `apply` acting on it. `plan` is one `decideOn`;
 * `apply` is rounds of read, `decideOn` and `act`, so both decide alike and settle into one type.
 *
 * The state record is the lock that keeps two runs from both creating: a `pending` entry is
 * compare-and-swapped in before CreateServiceMesh, and the record is written right after it answers,
 * before any waiting, so a cancelled job never loses a mesh id. A lost swap starts a new round.
 */
import { cancelledBeforeCreate, cancelledWhileAnotherRunCreates } from './cancellation.js'
import { systemClock, type Clock } from './clock.js'
import { CloudCallError } from './cloud/failure.js'
import type { MeshApi } from './cloud/types.js'
import { decide, meshOf, type Decision, type DecisionInput } from './decide.js'
import { ActionError } from './errors.js'
import { gatherFacts } from './facts.js'
import type { Log } from './log.js'
import type { MeshRequest } from './meshspec/request.js'
import { compareLive, type LiveComparison } from './live.js'
import type { Outcome } from './outcome.js'
import { POLL, RETRY, retrying } from './retry.js'
import type { RunContext, Settings } from './settings.js'
import { diffParameters, toRecordedParameters } from './state/diff.js'
import { changeLabel, planFromRecord, recordAfter, tagsManaged } from './update-plan.js'
import { runUpdate, type SentCall } from './update.js'
import { emptyStateDocument, withCurrentRecord } from './state/document.js'
import type { Change, PendingCreate, StateDocument, StateRecord, WrittenBy } from './state/record.js'
import { StateConflictError, type StateRead, type StateStore, type StateWrite } from './state/store.js'

/** What a decision settled, acted on or not: the part of the Outcome that decide and act produce. */
export type Settled = Pick<
  Outcome,
  | 'decision'
  | 'mesh'
  | 'requestId'
  | 'created'
  | 'stateLocation'
  | 'drift'
  | 'notCompared'
  | 'updated'
  | 'updates'
> & {
  decision: Decision
  /** The spec against the record the decision was made on. */
  changes: Change[]
}

export interface ApplyInput {
  settings: Pick<Settings, 'adoptExisting' | 'onChange' | 'run' | 'wait' | 'waitTimeoutSeconds'>
  stateKey: string
  request: MeshRequest
  /** Workspace-relative path of the spec, kept in the record (a rename is told by it, run.ts). */
  specFile?: string
  /** Set when the spec looks like a rename under the default state key (decide.ts). */
  renamedFrom?: DecisionInput['renamedFrom']
  /** The state as already read: the first round decides on it instead of reading again. */
  initial?: StateRead
}

export interface ApplyDeps {
  store: StateStore
  mesh: MeshApi
  log: Log
  clock?: Partial<Clock>
  /** Aborted when the job is cancelled: nothing new is started, but a started create is recorded. */
  signal?: AbortSignal
  /** Told what is settled as soon as a mesh id is known, before it is recorded, so outputs survive a cancellation. */
  onProgress?: (settled: Settled) => void
}

/** One decision on one read of the state: the diff, the cloud reads the decision asks for, the decision. */
interface Round {
  read: StateRead
  facts: DecisionInput
  decision: Decision
  changes: Change[]
  /** The live mesh against its record, when it was read. */
  live?: LiveComparison
  /** Each change's label (update-plan.ts changeLabel), by spec path. */
  labels?: Record<string, string>
}

export async function decideOn(
  read: StateRead,
  input: Pick<ApplyInput, 'settings' | 'request' | 'renamedFrom'>,
  mesh: MeshApi | undefined
): Promise<Round> {
  const { request } = input
  const record = read.document?.current
  const changes = diffParameters(record?.parameters, request.parameters)
  const facts = await gatherFacts(
    {
      record,
      changed: changes.length > 0,
      adoptExisting: input.settings.adoptExisting,
      onChange: input.settings.onChange,
      mayExistUnrecorded:
        read.document?.pending !== undefined && read.document.pending.operation !== 'delete',
      specHasTags: tagsManaged(request),
      ...(input.renamedFrom && { renamedFrom: input.renamedFrom })
    },
    request,
    mesh
  )
  // A destroyed mesh may still be listed while it is deleting: it is never adopted.
  const destroyed = read.document?.tombstone?.meshId
  if (destroyed && facts.candidates) facts.candidates = facts.candidates.filter(c => c.id !== destroyed)
  if (!record) return { read, facts, decision: decide(facts), changes }
  const managed = tagsManaged(request)
  const labels = Object.fromEntries(changes.map(c => [c.path, changeLabel(c, managed)]))
  const live = facts.live && compareLive(record.parameters, facts.live)
  const update = planFromRecord(record.parameters, live?.drift ?? [], request, record.meshId, facts.live)
  const decided = { ...facts, ...(live && { drift: live.drift }), update }
  return { read, facts: decided, decision: decide(decided), changes, labels, ...(live && { live }) }
}

/** A round as it stands before (or without) acting on it. */
export function settledOf(round: Round): Settled {
  const mesh = meshOf(round.decision, round.facts.existing)
  return {
    decision: round.decision,
    changes: round.changes,
    created: false,
    updated: false,
    ...(mesh && { mesh }),
    ...(round.labels && { labels: round.labels }),
    ...(round.live && { drift: round.live.drift, notCompared: round.live.notCompared })
  }
}

export async function apply(input: ApplyInput, deps: ApplyDeps): Promise<Settled> {
  const lock = { stateKey: input.stateKey, run: input.settings.run, nothing: 'nothing was created' }
  return inRounds(lock, input.initial, deps, async (read, clock) =>
    act(await decideOn(refuseUnfinishedDestroy(read), input, deps.mesh), input, deps, clock)
  )
}

/**
 * Rounds of read (once the lock is free), decide and act, until one is not overtaken by another run's
 * write to the record. `initial`: the state as already read, for the first round. Apply and destroy
 * (src/destroy.ts) both run this way.
 */
export async function inRounds<T>(
  lock: LockRequest,
  initial: StateRead | undefined,
  deps: Pick<ApplyDeps, 'store' | 'signal' | 'log' | 'clock'>,
  round: (read: StateRead, clock: Clock) => Promise<T>
): Promise<T> {
  const clock = { ...systemClock, ...deps.clock }
  const waitUntil = clock.now() + POLL.pendingCreate.forMs
  let first = initial
  return retrying(
    async () => {
      const read = await readWhenFree(first, lock, deps, clock, waitUntil)
      first = undefined
      return round(read, clock)
    },
    {
      policy: RETRY.stateRounds,
      clock,
      retryable: error =>
        error instanceof StateConflictError
          ? {
              reason:
                'Another run changed the state record at the same time; reading it again and re-deciding'
            }
          : undefined,
      log: line => deps.log.info(line),
      exhausted: () =>
        new ActionError(
          `The state record for ${lock.stateKey} kept changing under this run (${RETRY.stateRounds.maxAttempts} attempts); ${lock.nothing}.`,
          'Another workflow is using the same state key. Run again once it has finished.'
        )
    }
  )
}

/** Who asks for the lock of a state key, and what to say this run did not do when it gives up. */
export interface LockRequest {
  stateKey: string
  run: RunContext
  /** e.g. `nothing was created` */
  nothing: string
}

/**
 * The state once no live run holds the lock (a create or a destroy in progress): polls while one does,
 * until it records its result or time runs out.
 */
async function readWhenFree(
  first: StateRead | undefined,
  lock: LockRequest,
  deps: Pick<ApplyDeps, 'store' | 'signal' | 'log'>,
  clock: Clock,
  waitUntil: number
): Promise<StateRead> {
  for (let read = first ?? (await deps.store.read()); ; read = await deps.store.read()) {
    const pending = read.document?.pending
    if (!pending || abandoned(pending, lock.run, clock.now())) return read
    const doing = pending.operation === 'delete' ? 'deleting' : 'creating'
    if (deps.signal?.aborted)
      throw pending.operation === 'delete'
        ? new ActionError(
            `Cancelled while run ${pending.runId} was deleting the mesh for ${lock.stateKey}; ${lock.nothing} by this run.`
          )
        : cancelledWhileAnotherRunCreates(pending.runId, lock.stateKey)
    if (clock.now() >= waitUntil)
      throw new ActionError(
        `Run ${pending.runId} (attempt ${pending.runAttempt}) has been ${doing} the mesh for ${lock.stateKey} since ${pending.since}; ${lock.nothing} by this run.`,
        'Run again once that run has finished; it records its result, and this run then decides on it.'
      )
    deps.log.info(
      `Run ${pending.runId} (attempt ${pending.runAttempt}) is ${doing} this mesh since ${pending.since}; waiting for it to record the result.`
    )
    // A cancellation ends the pause early; the next read says what happened.
    await clock.sleep(POLL.pendingCreate.everyMs, deps.signal).catch(() => undefined)
  }
}

/**
 * A destroy that no live run will finish (cancelled, timed out or killed) leaves its lock: an apply must
 * not keep, adopt or replace a mesh that may be deleting. The next destroy finishes it (src/destroy.ts).
 */
function refuseUnfinishedDestroy(read: StateRead): StateRead {
  const pending = read.document?.pending
  if (pending?.operation !== 'delete') return read
  throw new ActionError(
    `Run ${pending.runId} (attempt ${pending.runAttempt}) started deleting mesh ${pending.meshId} for ${read.document?.stateKey} at ${pending.since} and did not finish; nothing was created.`,
    'Run the destroy again (mode: destroy) to finish the deletion; the next apply then creates a new mesh.'
  )
}

/**
 * A pending entry that no live process will finish: its create's outcome is unknown, it is older than
 * POLL.pendingCreate.staleAfterMs, or it belongs to an earlier attempt of this run (a re-run starts only
 * after the earlier attempt ended). Any other entry is a live process's, even one of the same run and
 * attempt (matrix jobs share both): this process only ever sees its own entry after it has finished with it.
 */
function abandoned(pending: PendingCreate, run: RunContext, now: number): boolean {
  return (
    pending.outcome === 'unknown' ||
    now - Date.parse(pending.since) >= POLL.pendingCreate.staleAfterMs ||
    (pending.runId === run.runId && Number(pending.runAttempt) < Number(run.runAttempt))
  )
}

async function act(round: Round, input: ApplyInput, deps: ApplyDeps, clock: Clock): Promise<Settled> {
  const base: StateDocument = {
    ...(round.read.document ?? emptyStateDocument(input.stateKey)),
    pending: undefined
  }
  const settled = settledOf(round)
  switch (round.decision.action) {
    case 'create':
      return create(round, input, deps, clock)
    case 'adopt': {
      const { mesh } = round.decision
      deps.onProgress?.(settled)
      const record = newRecord(input, mesh.id, '', 'adopted', clock)
      const written = await writeRecord(deps, base, record, round.read.revision, input.stateKey, clock)
      return { ...settled, stateLocation: written.location }
    }
    case 'update':
      return update(round, round.decision.plan, input, deps, clock)
    default:
      return settled
  }
}

/** The update's calls (update.ts), the record swapped after each to what is then true. */
async function update(
  round: Round,
  plan: Extract<Decision, { action: 'update' }>['plan'],
  input: ApplyInput,
  deps: ApplyDeps,
  clock: Clock
): Promise<Settled> {
  const { stateKey, request, settings } = input
  const previous = round.read.document?.current as StateRecord
  let document: StateDocument = {
    ...(round.read.document ?? emptyStateDocument(stateKey)),
    pending: undefined
  }
  let revision = round.read.revision
  let settled: Settled = settledOf(round)
  let parameters = previous.parameters
  const updates: SentCall[] = []
  const result = await runUpdate(plan, {
    mesh: deps.mesh,
    meshId: previous.meshId,
    ...(round.facts.live?.tags && { tagsIn: previous.region }),
    log: deps.log,
    clock,
    wait: settings.wait,
    waitTimeoutSeconds: settings.waitTimeoutSeconds,
    signal: deps.signal,
    onCall: sent => {
      updates.push(sent)
      settled = { ...settled, updated: true, updates: [...updates] }
      deps.onProgress?.(settled)
    },
    record: async changes => {
      parameters = recordAfter(parameters, changes)
      const renamed = changes.some(c => c.path === 'name')
      const record: StateRecord = {
        ...newRecord(input, previous.meshId, previous.requestId, previous.origin, clock),
        name: renamed ? request.name : previous.name,
        region: previous.region,
        parameters
      }
      const written = await writeRecord(deps, document, record, revision, stateKey, clock)
      document = withCurrentRecord(document, record)
      revision = written.revision
      settled = { ...settled, stateLocation: written.location }
    }
  })
  return { ...settled, mesh: { id: previous.meshId, ...(result.state && { state: result.state }) } }
}

async function create(round: Round, input: ApplyInput, deps: ApplyDeps, clock: Clock): Promise<Settled> {
  if (deps.signal?.aborted) throw cancelledBeforeCreate()
  const { stateKey, request, settings } = input
  const base: StateDocument = round.read.document ?? emptyStateDocument(stateKey)
  const pending: PendingCreate = {
    runId: settings.run.runId,
    runAttempt: settings.run.runAttempt,
    actor: settings.run.actor,
    since: new Date(clock.now()).toISOString(),
    name: request.name,
    region: request.region
  }
  const locked = await deps.store.write(
    { ...base, pending },
    round.read.revision,
    `Creating mesh ${stateKey}`
  )
  const result = await deps.mesh
    .create(request, knownMeshIds(base, round.facts))
    .catch(async (error: unknown) => {
      // A create refused for certain leaves nothing behind that blocks the next run. Any other
      // failure may have created the mesh: the entry stays, marked so the next run looks first.
      const refused = error instanceof CloudCallError && !error.failure.outcomeUnknown
      const after: StateDocument = refused
        ? { ...base, pending: undefined }
        : { ...base, pending: { ...pending, outcome: 'unknown' } }
      const message = refused ? 'Create refused' : 'Create outcome unknown'
      await deps.store.write(after, locked.revision, `${message} for ${stateKey}`).catch(() => undefined)
      throw error
    })
  const created: Settled = {
    ...settledOf(round),
    mesh: { id: result.meshId },
    requestId: result.requestId,
    created: true
  }
  deps.onProgress?.(created)
  const record = newRecord(input, result.meshId, result.requestId, 'created', clock)
  const written = await writeRecord(
    deps,
    { ...base, pending: undefined },
    record,
    locked.revision,
    stateKey,
    clock
  )
  return { ...created, stateLocation: written.location }
}

/** Meshes that existed before this create: never to be mistaken for the new one. */
function knownMeshIds(document: StateDocument, facts: DecisionInput): string[] {
  const recorded = document.current ? [document.current, ...document.history] : document.history
  return [...recorded.map(r => r.meshId), ...(facts.candidates ?? []).map(c => c.id)]
}

function newRecord(
  input: ApplyInput,
  meshId: string,
  requestId: string,
  origin: StateRecord['origin'],
  clock: Clock
): StateRecord {
  const {
    request,
    settings: { run }
  } = input
  return {
    meshId,
    requestId,
    origin,
    name: request.name,
    region: request.region,
    parameters: toRecordedParameters(request.parameters),
    ...writtenBy(run, clock),
    ...(input.specFile && { specFile: input.specFile })
  }
}

/** This run, now: who wrote a record or a tombstone. */
export const writtenBy = (run: RunContext, clock: Pick<Clock, 'now'>): WrittenBy => ({
  commitSha: run.sha,
  runId: run.runId,
  runAttempt: run.runAttempt,
  actor: run.actor,
  repository: run.repository,
  time: new Date(clock.now()).toISOString()
})

/**
 * Writes the new current record, keeping the old one in history. After a create the mesh exists, so
 * a conflict here must not lose it: re-read and write again on top of whatever is there now.
 */
async function writeRecord(
  deps: ApplyDeps,
  base: StateDocument,
  record: StateRecord,
  revision: string | undefined,
  stateKey: string,
  clock: Clock
): Promise<StateWrite> {
  let latest: StateRead = { document: base, revision }
  const write = async (attempt: number) => {
    if (attempt > 1) latest = await deps.store.read()
    const document = withCurrentRecord(latest.document ?? base, record)
    return deps.store.write(document, latest.revision, `Record mesh ${record.meshId} for ${stateKey}`)
  }
  try {
    return await retrying(write, {
      policy: RETRY.recordWrites,
      clock,
      retryable: error =>
        error instanceof StateConflictError
          ? {
              reason: `The state record changed while mesh ${record.meshId} was being recorded; writing it on top`
            }
          : undefined,
      log: line => deps.log.info(line)
    })
  } catch (error) {
    throw new ActionError(
      `Mesh ${record.meshId} exists but its record for ${stateKey} could not be written: ${(error as Error).message}`,
      'Keep this id. Re-run the job: with adopt-existing (the default) it finds the mesh by name and records it.'
    )
  }
}
