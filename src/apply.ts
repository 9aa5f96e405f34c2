/**
 * The decision of a run on its state record, and in `apply` acting on it. `plan` is one `decideOn`;
 * `apply` is rounds of read, `decideOn` and `act`, so both decide alike and settle into one type.
 *
 * The state record is the lock that keeps two runs from both creating (create.ts). A round first waits
 * while another live run holds it; an entry no live run will finish is settled first: the mesh its create
 * made is adopted, or, when none showed up, the entry is cleared. A lost compare-and-swap starts a new round.
 */
import { randomUUID } from 'node:crypto'
import { cancelledWhileAnotherRunCreates } from './cancellation.js'
import { systemClock, type Clock } from './clock.js'
import type { MeshApi, MeshInfo } from './cloud/types.js'
import { createUnderLock, newRecord, recordAs, recordedIds, recordMesh, type Locking } from './create.js'
import { decide, meshOf, type Decision, type DecisionInput } from './decide.js'
import { ActionError } from './errors.js'
import { gatherFacts } from './facts.js'
import type { Log } from './log.js'
import type { MeshRequest } from './meshspec/request.js'
import { compareLive, type LiveComparison } from './live.js'
import type { Outcome } from './outcome.js'
import { POLL, RETRY, retrying } from './retry.js'
import type { RunContext, Settings } from './settings.js'
import { diffParameters } from './state/diff.js'
import { changeLabel, planFromRecord, recordAfter, tagsManaged } from './update-plan.js'
import { runUpdate, type SentCall } from './update.js'
import { emptyStateDocument, withCurrentRecord } from './state/document.js'
import type { Change, PendingCreate, StateRecord } from './state/record.js'
import { StateConflictError, type StateRead, type StateStore } from './state/store.js'

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
export interface Round {
  read: StateRead
  facts: Pick<DecisionInput, 'candidates' | 'existing' | 'live'>
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
  const lock: LockRequest = {
    stateKey: input.stateKey,
    run: input.settings.run,
    nothing: 'nothing was created',
    // Marks this process's pending entry, so it is never mistaken for another run's (docs/contract.md §5).
    lockId: randomUUID()
  }
  return inRounds(lock, input.initial, deps, async (read, clock) => {
    const locking: Locking = { input, deps, clock, lockId: lock.lockId }
    return act(await settleAbandoned(refuseUnfinishedDestroy(read), locking), locking)
  })
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
  /** Random per process, written into its pending entry: tells this process's own entry from any other's. */
  lockId: string
}

/**
 * The state once no other live run holds the lock (a create or a destroy in progress): polls while one
 * does, until it records its result or time runs out.
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
    // This process's own entry (a write GitHub applied but answered with an error) is no one's to wait for.
    if (!pending || pending.lockId === lock.lockId || abandoned(pending, lock.run, clock.now())) return read
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
 * attempt (matrix jobs share both); this process's own entry is told apart by its lock id before this is asked.
 */
function abandoned(pending: PendingCreate, run: RunContext, now: number): boolean {
  return (
    pending.outcome === 'unknown' ||
    now - Date.parse(pending.since) >= POLL.pendingCreate.staleAfterMs ||
    (pending.runId === run.runId && Number(pending.runAttempt) < Number(run.runAttempt))
  )
}

/**
 * The round of a read whose pending entry (another run's, abandoned) may stand for a mesh: the mesh its
 * create made is adopted; when none showed up, the entry is cleared and the round decides as usual.
 */
async function settleAbandoned(read: StateRead, locking: Locking): Promise<Round> {
  const { input, deps, lockId } = locking
  const { document } = read
  const pending = document?.pending
  if (!document || !pending || pending.lockId === lockId) return decideOn(read, input, deps.mesh)
  const earlier = await findEarlierCreate(pending, read, deps)
  if (earlier) {
    const reason = `run ${pending.runId} (attempt ${pending.runAttempt}) created mesh ${earlier.id} without recording it`
    const changes = diffParameters(document.current?.parameters, input.request.parameters)
    return { read, facts: {}, decision: { action: 'adopt', mesh: earlier, reason }, changes }
  }
  // Looked for as long as that create could show up: it made no mesh, and its entry can go.
  const cleared = { ...document, pending: undefined }
  const { revision } = await deps.store.write(
    cleared,
    read.revision,
    `Clear the abandoned create for ${input.stateKey}`
  )
  return decideOn({ document: cleared, revision }, input, deps.mesh)
}

/**
 * The mesh an abandoned entry's create made, if it made one: a mesh with the name and region it sent
 * that is neither recorded nor among those that existed before it was sent. Looked for until that create
 * could no longer show up (a run cancelled mid-create had no time to look itself).
 */
async function findEarlierCreate(
  pending: PendingCreate,
  read: StateRead,
  deps: ApplyDeps
): Promise<MeshInfo | undefined> {
  deps.log.info(
    `Run ${pending.runId} (attempt ${pending.runAttempt}) started creating this mesh at ${pending.since} ` +
      `and did not record the outcome; looking for a mesh it may have made before anything else.`
  )
  // Entries written by earlier versions do not list the meshes that existed before: only recorded ones are excluded.
  const existing = [...new Set([...(pending.existing ?? []), ...recordedIds(read.document)])]
  return deps.mesh.findCreated(pending, existing, { since: Date.parse(pending.since), signal: deps.signal })
}

async function act(round: Round, locking: Locking): Promise<Settled> {
  const settled = settledOf(round)
  switch (round.decision.action) {
    case 'create':
      return createUnderLock(round, settled, locking)
    case 'adopt': {
      locking.deps.onProgress?.(settled)
      const written = await recordMesh(round.decision.mesh.id, '', 'adopted', round.read, locking)
      return { ...settled, stateLocation: written.location }
    }
    case 'update':
      return update(round, round.decision.plan, locking)
    default:
      return settled
  }
}

/** The update's calls (update.ts), the record swapped after each to what is then true. */
async function update(
  round: Round,
  plan: Extract<Decision, { action: 'update' }>['plan'],
  locking: Locking
): Promise<Settled> {
  const { input, deps, clock } = locking
  const { request, settings } = input
  const previous = round.read.document?.current as StateRecord
  let read: StateRead = round.read
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
      const written = await recordAs(record, read, locking)
      read = {
        document: withCurrentRecord(read.document ?? emptyStateDocument(input.stateKey), record),
        revision: written.revision
      }
      settled = { ...settled, stateLocation: written.location }
    }
  })
  return { ...settled, mesh: { id: previous.meshId, ...(result.state && { state: result.state }) } }
}
