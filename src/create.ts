/**
 * Creating a mesh under the state lock, and recording a mesh (docs/contract.md §5). A `pending` entry is
 * compare-and-swapped in before CreateServiceMesh, and the record is written right after it answers,
 * before any waiting, so a cancelled job never loses a mesh id.
 *
 * Every way out of a create leaves the entry right: a mesh → recorded (entry gone); certainly not
 * created → entry gone; anything else (unknown outcome, cancellation, an exception) → entry marked
 * `unknown`, so the next run looks for the mesh before it creates one.
 */
import type { ApplyDeps, ApplyInput, Round, Settled } from './apply.js'
import { cancelledBeforeCreate } from './cancellation.js'
import type { Clock } from './clock.js'
import { CloudCallError } from './cloud/failure.js'
import type { CreateResult } from './cloud/types.js'
import { ActionError } from './errors.js'
import { HeldLock } from './held-lock.js'
import { RETRY, retrying } from './retry.js'
import { toRecordedParameters } from './state/diff.js'
import { emptyStateDocument, withCurrentRecord } from './state/document.js'
import type { RunContext } from './settings.js'
import type { PendingCreate, StateDocument, StateRecord, WrittenBy } from './state/record.js'
import { StateConflictError, type StateRead, type StateWrite } from './state/store.js'

/** What creating and recording need: the run's input and deps, its clock, and its lock id. */
export interface Locking {
  input: ApplyInput
  deps: ApplyDeps
  clock: Clock
  lockId: string
}

/** Takes the lock, sends CreateServiceMesh once, and settles the pending entry whatever happens. */
export async function createUnderLock(round: Round, settled: Settled, locking: Locking): Promise<Settled> {
  const { input, deps } = locking
  const { name, region } = input.request
  const base: StateDocument = round.read.document ?? emptyStateDocument(input.stateKey)
  const { pending, held } = await takeLock(round, base, locking)
  deps.log.info(
    `Sending CreateServiceMesh for name "${name}" in ${region}; the answer can take a minute or two.`
  )
  const result: CreateResult = await held.during(
    () => deps.mesh.create(input.request, pending.existing ?? [], { signal: deps.signal }),
    {
      signal: deps.signal,
      refused: error => error instanceof CloudCallError && !error.failure.outcomeUnknown
    }
  )
  const created: Settled = {
    ...settled,
    mesh: { id: result.meshId },
    requestId: result.requestId,
    created: true
  }
  deps.onProgress?.(created)
  await held.idle()
  const written = await recordMesh(
    result.meshId,
    result.requestId,
    'created',
    { document: base, revision: held.revision },
    locking
  ).catch(async (error: unknown) => {
    // Not recorded: the entry says the outcome is open, so the next run finds this mesh and records it.
    await held.markUnknown().catch(() => undefined)
    throw error
  })
  return { ...created, stateLocation: written.location }
}

/**
 * Lists the same-name meshes (unless this round just did: they are never this run's, adopt-existing or
 * not) and compare-and-swaps the pending entry in with them. A cancellation by then sends nothing.
 */
async function takeLock(
  round: Round,
  base: StateDocument,
  { input, deps, clock, lockId }: Locking
): Promise<{ pending: PendingCreate; held: HeldLock }> {
  if (deps.signal?.aborted) throw cancelledBeforeCreate()
  const { name, region } = input.request
  const { run } = input.settings
  const listed = round.facts.candidates ?? (await deps.mesh.findByName(name, region))
  const pending: PendingCreate = {
    runId: run.runId,
    runAttempt: run.runAttempt,
    actor: run.actor,
    since: new Date(clock.now()).toISOString(),
    name,
    region,
    lockId,
    existing: [...new Set([...recordedIds(round.read.document), ...listed.map(mesh => mesh.id)])]
  }
  const { stateKey } = input
  const held = await HeldLock.take({
    store: deps.store,
    base,
    revision: round.read.revision,
    pending,
    messages: {
      take: `Creating mesh ${stateKey}`,
      unknown: `Create outcome unknown for ${stateKey}`,
      refused: `Create refused for ${stateKey}`,
      what: `the create for ${stateKey}`
    },
    log: deps.log
  })
  if (deps.signal?.aborted) {
    await held.clear(`Cancelled before creating ${stateKey}`).catch(() => undefined)
    throw cancelledBeforeCreate()
  }
  return { pending, held }
}

/** Meshes this state key has recorded, now or earlier: never to be mistaken for a new one. */
export function recordedIds(document: StateDocument | undefined): string[] {
  const recorded = document?.current ? [document.current, ...document.history] : (document?.history ?? [])
  return recorded.map(r => r.meshId)
}

/** The record of a mesh made or adopted from this run's spec. */
export function newRecord(
  input: ApplyInput,
  meshId: string,
  requestId: string,
  origin: StateRecord['origin'],
  clock: Pick<Clock, 'now'>
): StateRecord {
  const { request } = input
  return {
    meshId,
    requestId,
    origin,
    name: request.name,
    region: request.region,
    parameters: toRecordedParameters(request.parameters),
    ...writtenBy(input.settings.run, clock),
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

/** Writes the record of a mesh made or adopted from this run's spec (recordAs). */
export async function recordMesh(
  meshId: string,
  requestId: string,
  origin: StateRecord['origin'],
  read: StateRead,
  locking: Pick<Locking, 'input' | 'deps' | 'clock'>
): Promise<StateWrite> {
  return recordAs(newRecord(locking.input, meshId, requestId, origin, locking.clock), read, locking)
}

/**
 * Writes `record` as current on top of `read` (the old current goes to the history, any pending entry
 * is cleared). The mesh exists, so a conflict must not lose it: re-read and write again on top of
 * whatever is there now.
 */
export async function recordAs(
  record: StateRecord,
  read: StateRead,
  { input, deps, clock }: Pick<Locking, 'input' | 'deps' | 'clock'>
): Promise<StateWrite> {
  const { stateKey } = input
  const { meshId } = record
  const base = read.document ?? emptyStateDocument(stateKey)
  let latest = read
  const write = async (attempt: number) => {
    if (attempt > 1) latest = await deps.store.read()
    const document = withCurrentRecord(latest.document ?? base, record)
    return deps.store.write(document, latest.revision, `Record mesh ${meshId} for ${stateKey}`)
  }
  try {
    return await retrying(write, {
      policy: RETRY.recordWrites,
      clock,
      retryable: error =>
        error instanceof StateConflictError
          ? { reason: `The state record changed while mesh ${meshId} was being recorded; writing it on top` }
          : undefined,
      log: line => deps.log.info(line)
    })
  } catch (error) {
    throw new ActionError(
      `Mesh ${meshId} exists but its record for ${stateKey} could not be written: ${(error as Error).message}`,
      'Keep this id. Re-run the job: with adopt-existing (the default) it finds the mesh by name and records it.'
    )
  }
}
