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
import { createUnderLock, recordedIds, recordMesh, type Locking } from './create.js'
import { decide, meshOf, type Decision, type DecisionInput } from './decide.js'
import { ActionError } from './errors.js'
import { gatherFacts } from './facts.js'
import type { Log } from './log.js'
import type { MeshRequest } from './meshspec/request.js'
import type { Outcome } from './outcome.js'
import { POLL, RETRY, retrying } from './retry.js'
import type { RunContext, Settings } from './settings.js'
import { diffParameters } from './state/diff.js'
import type { Change, PendingCreate } from './state/record.js'
import { StateConflictError, type StateRead, type StateStore } from './state/store.js'

/** What a decision settled, acted on or not: the part of the Outcome that decide and act produce. */
export type Settled = Pick<Outcome, 'decision' | 'mesh' | 'requestId' | 'created' | 'stateLocation'> & {
  decision: Decision
  /** The spec against the record the decision was made on. */
  changes: Change[]
}

export interface ApplyInput {
  settings: Pick<Settings, 'adoptExisting' | 'onChange' | 'run'>
  stateKey: string
  request: MeshRequest
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
  facts: Pick<DecisionInput, 'candidates' | 'existing'>
  decision: Decision
  changes: Change[]
}

export async function decideOn(
  read: StateRead,
  input: Pick<ApplyInput, 'settings' | 'request'>,
  mesh: MeshApi | undefined
): Promise<Round> {
  const record = read.document?.current
  const changes = diffParameters(record?.parameters, input.request.parameters)
  const facts = await gatherFacts(
    {
      record,
      changed: changes.length > 0,
      adoptExisting: input.settings.adoptExisting,
      onChange: input.settings.onChange
    },
    input.request,
    mesh
  )
  return { read, facts, decision: decide(facts), changes }
}

/** A round as it stands before (or without) acting on it. */
export function settledOf(round: Round): Settled {
  const mesh = meshOf(round.decision, round.facts.existing)
  return { decision: round.decision, changes: round.changes, created: false, ...(mesh && { mesh }) }
}

export async function apply(input: ApplyInput, deps: ApplyDeps): Promise<Settled> {
  const locking: Locking = {
    input,
    deps,
    clock: { ...systemClock, ...deps.clock },
    // Marks this process's pending entry, so it is never mistaken for another run's (docs/contract.md §5).
    lockId: randomUUID()
  }
  const waitUntil = locking.clock.now() + POLL.pendingCreate.forMs
  let initial = input.initial
  return retrying(
    async () => {
      const read = await readWhenFree(initial, locking, waitUntil)
      initial = undefined
      return act(await settleAbandoned(read, locking), locking)
    },
    {
      policy: RETRY.stateRounds,
      clock: locking.clock,
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
          `The state record for ${input.stateKey} kept changing under this run (${RETRY.stateRounds.maxAttempts} attempts); nothing was created.`,
          'Another workflow is applying the same state key. Run again once it has finished.'
        )
    }
  )
}

/** The state once no other live run is creating the mesh: polls while one is, until it records or time runs out. */
async function readWhenFree(
  first: StateRead | undefined,
  { input, deps, clock, lockId }: Locking,
  waitUntil: number
): Promise<StateRead> {
  for (let read = first ?? (await deps.store.read()); ; read = await deps.store.read()) {
    const pending = read.document?.pending
    // This process's own entry (a write GitHub applied but answered with an error) is no one's to wait for.
    if (!pending || pending.lockId === lockId || abandoned(pending, input.settings.run, clock.now()))
      return read
    if (deps.signal?.aborted) throw cancelledWhileAnotherRunCreates(pending.runId, input.stateKey)
    if (clock.now() >= waitUntil)
      throw new ActionError(
        `Run ${pending.runId} (attempt ${pending.runAttempt}) has been creating the mesh for ${input.stateKey} since ${pending.since}; nothing was created by this run.`,
        'Run again once that run has finished; it records the mesh, and this run then keeps it.'
      )
    deps.log.info(
      `Run ${pending.runId} (attempt ${pending.runAttempt}) is creating this mesh since ${pending.since}; waiting for it to record the result.`
    )
    // A cancellation ends the pause early; the next read says what happened.
    await clock.sleep(POLL.pendingCreate.everyMs, deps.signal).catch(() => undefined)
  }
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
    default:
      return settled
  }
}
