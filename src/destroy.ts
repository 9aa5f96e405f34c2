/**
 * `mode: destroy` (docs/contract.md §7.3): delete the mesh recorded under the state key, never one found
 * by name, then record a tombstone. The decision is a pure function (decideDestroy); acting on it takes
 * the same lock as apply (the `pending` entry, src/apply.ts), so a destroy and an apply racing on one
 * state key never leave a mesh unrecorded or a tombstone over a live mesh.
 *
 * The lock names the mesh being deleted and stays until the tombstone replaces it (held-lock.ts). A run
 * that stops after DeleteServiceMesh (timed out, a 5xx after the delete was applied) marks it abandoned
 * (`outcome: unknown`) on its way out, and a cancelled one as soon as the signal comes, before the runner
 * kills it; only a run that dies without a signal leaves it to go stale. Either way the next destroy takes
 * it over, sees the mesh deleting or gone, and finishes; an apply refuses meanwhile.
 */
import { randomUUID } from 'node:crypto'
import { inRounds, type LockRequest, type Settled } from './apply.js'
import { writtenBy } from './create.js'
import type { Clock } from './clock.js'
import { CloudCallError } from './cloud/failure.js'
import { goneAfterDelete } from './cloud/mesh-answers.js'
import type { MeshApi, MeshInfo } from './cloud/types.js'
import { meshOf, type Decision } from './decide.js'
import { ActionError } from './errors.js'
import { HeldLock } from './held-lock.js'
import type { Log } from './log.js'
import type { MeshRequest } from './meshspec/request.js'
import type { Settings } from './settings.js'
import { emptyStateDocument, withTombstone } from './state/document.js'
import type { PendingCreate, StateDocument, StateRecord, Tombstone } from './state/record.js'
import type { StateRead, StateStore } from './state/store.js'

export interface DestroyFacts {
  record?: StateRecord
  tombstone?: Tombstone
  /** `lifecycle.preventDestroy` of the spec. */
  preventDestroy: boolean
  /** The spec's `guestCluster`: the one cluster destroy may detach. */
  guestCluster?: string
  /** The recorded mesh as the cloud describes it: null when gone, undefined when not read. */
  existing?: MeshInfo | null
}

/** Whether the recorded mesh needs describing: only when there is one and destroy is allowed. */
export const destroyReads = (facts: Pick<DestroyFacts, 'record' | 'preventDestroy'>): boolean =>
  facts.record !== undefined && !facts.preventDestroy

export function decideDestroy(facts: DestroyFacts): Decision {
  const { record, tombstone, existing } = facts
  if (!record)
    return {
      action: 'none',
      reason: tombstone
        ? `mesh ${tombstone.meshId} was destroyed at ${tombstone.time}`
        : 'no mesh is recorded under this state key'
    }
  const meshId = record.meshId
  if (facts.preventDestroy)
    return {
      action: 'fail',
      meshId,
      reason: `the spec sets lifecycle.preventDestroy: true; mesh ${meshId} was not deleted`,
      advice:
        'Remove lifecycle.preventDestroy from the spec (or set it to false), then run the destroy again.'
    }
  if (existing === undefined) throw new Error('bug: destroy decided without describing the recorded mesh')
  if (existing === null)
    return {
      action: 'none',
      meshId,
      reason: `the recorded mesh ${meshId} is already gone; nothing to delete`
    }
  const clusters = existing.clusters ?? []
  const foreign = clusters.filter(cluster => cluster !== facts.guestCluster)
  if (foreign.length > 0)
    return {
      action: 'fail',
      meshId,
      reason: `mesh ${meshId} has data-plane clusters the spec does not attach: ${foreign.join(', ')}; nothing was changed`,
      advice:
        'DeleteServiceMesh refuses while clusters are attached, even with Force. Remove them from the mesh ' +
        '(ASM console or RemoveClusterFromServiceMesh), then run the destroy again.'
    }
  const detach = clusters.find(cluster => cluster === facts.guestCluster)
  return {
    action: 'delete',
    meshId,
    reason: `mesh ${meshId} is recorded under this state key${detach ? `; its guestCluster ${detach} is detached first` : ''}`,
    ...(detach && { detach })
  }
}

export interface DestroyInput {
  settings: Pick<Settings, 'run' | 'wait' | 'waitTimeoutSeconds'>
  stateKey: string
  request: Pick<MeshRequest, 'name' | 'region' | 'body' | 'lifecycle'>
  /** The state as already read: the first round decides on it instead of reading again. */
  initial?: StateRead
}

export interface DestroyDeps {
  store: StateStore
  mesh: MeshApi
  log: Log
  clock?: Partial<Clock>
  /** Aborted when the job is cancelled: no new call is started, and the lock is marked for the next destroy. */
  signal?: AbortSignal
  /** Told what is settled as soon as it is known, so outputs survive a cancellation. */
  onProgress?: (settled: Settled & Pick<DestroyOutcome, 'deletion'>) => void
}

export type DestroyOutcome = Settled & { deletion?: { at: string; waited: boolean } }

interface Round {
  read: StateRead
  facts: DestroyFacts
  decision: Decision
}

export async function destroy(input: DestroyInput, deps: DestroyDeps): Promise<DestroyOutcome> {
  const lock: LockRequest = {
    stateKey: input.stateKey,
    run: input.settings.run,
    nothing: 'nothing was deleted',
    // Marks this process's pending entry, so it is never mistaken for another run's (docs/contract.md §5).
    lockId: randomUUID()
  }
  return inRounds(lock, input.initial, deps, async (read, clock) =>
    act(await decideOn(read, input, deps.mesh), input, deps, clock, lock.lockId)
  )
}

async function decideOn(read: StateRead, input: DestroyInput, mesh: MeshApi): Promise<Round> {
  const document = read.document
  const situation = {
    record: document?.current,
    tombstone: document?.tombstone,
    preventDestroy: input.request.lifecycle?.preventDestroy === true,
    guestCluster: input.request.body.GuestCluster
  }
  const facts: DestroyFacts = destroyReads(situation)
    ? { ...situation, existing: (await describeRecorded(situation.record!.meshId, read, mesh)) ?? null }
    : situation
  return { read, facts, decision: decideDestroy(facts) }
}

/**
 * The recorded mesh as described. Once an earlier destroy sent DeleteServiceMesh for it (its pending entry
 * is still there), StatusForbidden or a plain 403 means gone, as in the wait after a delete
 * (docs/contract.md §7.3); otherwise StatusForbidden is an access error (cloud/mesh.ts describe).
 */
async function describeRecorded(
  meshId: string,
  read: StateRead,
  mesh: MeshApi
): Promise<MeshInfo | undefined> {
  const pending = read.document?.pending
  const deleteSent = pending?.operation === 'delete' && pending.meshId === meshId
  return mesh.describe(meshId).catch((error: unknown) => {
    if (deleteSent && goneAfterDelete(error)) return undefined
    throw error
  })
}

function settledOf(round: Round): DestroyOutcome {
  const mesh = meshOf(round.decision, round.facts.existing)
  return { decision: round.decision, changes: [], created: false, updated: false, ...(mesh && { mesh }) }
}

async function act(
  round: Round,
  input: DestroyInput,
  deps: DestroyDeps,
  clock: Clock,
  lockId: string
): Promise<DestroyOutcome> {
  const settled = settledOf(round)
  const { decision, read, facts } = round
  const base: StateDocument = read.document ?? emptyStateDocument(input.stateKey)
  if (decision.action === 'none' && facts.record) {
    // Already gone: the tombstone says so, and the next apply starts afresh.
    const written = await deps.store.write(
      withTombstone(base, tombstoneOf(facts.record, input, '', 'gone', clock)),
      read.revision,
      `Record mesh ${facts.record.meshId} as gone for ${input.stateKey}`
    )
    return { ...settled, stateLocation: written.location }
  }
  if (decision.action !== 'delete') return settled
  deps.onProgress?.(settled)
  if (deps.signal?.aborted)
    throw new ActionError('Cancelled before DeleteServiceMesh was sent; nothing was deleted.')
  const pending: PendingCreate = {
    runId: input.settings.run.runId,
    runAttempt: input.settings.run.runAttempt,
    actor: input.settings.run.actor,
    since: new Date(clock.now()).toISOString(),
    name: facts.record!.name,
    region: facts.record!.region,
    lockId,
    operation: 'delete',
    meshId: decision.meshId
  }
  const { stateKey } = input
  const { meshId } = decision
  const held = await HeldLock.take({
    store: deps.store,
    base,
    revision: read.revision,
    pending,
    messages: {
      take: `Deleting mesh ${meshId} for ${stateKey}`,
      unknown: `Delete unfinished for ${stateKey}`,
      refused: `Delete refused for ${stateKey}`,
      what: `the delete of mesh ${meshId} for ${stateKey}`
    },
    log: deps.log
  })
  const waited = input.settings.wait
  const { done, tombstone } = await held.during(
    async () => {
      const requestId = await deleteMesh(decision, facts.existing!, input, deps)
      if (waited) await waitUntilGone(meshId, input, deps)
      const tombstone = tombstoneOf(facts.record!, input, requestId, 'deleted', clock)
      // The request-id output stays CreateServiceMesh's (docs/contract.md §3): the tombstone keeps this one.
      const done: DestroyOutcome = { ...settled, deletion: { at: tombstone.time, waited } }
      deps.onProgress?.(done)
      return { done, tombstone }
    },
    {
      signal: deps.signal,
      // Nothing was done for certain: the next apply is not held up. Once cancelled, the next destroy looks.
      refused: error =>
        error instanceof CloudCallError && !error.failure.outcomeUnknown && !deps.signal?.aborted
    }
  )
  const written = await held
    .write(
      withTombstone({ ...base, pending: undefined }, tombstone),
      `Mesh ${meshId} deleted for ${stateKey}`
    )
    .catch(async (error: unknown) => {
      // Not recorded: the entry says the deletion is unfinished, so the next destroy finishes it.
      await held.markUnknown().catch(() => undefined)
      throw error
    })
  return { ...done, stateLocation: written.location }
}

/**
 * Detaches the spec's guestCluster, waits for the mesh to run again, and sends DeleteServiceMesh unless
 * an earlier run's delete is already under way. Force is not sent (it does not help with clusters) and
 * neither is RetainResources: the mesh's load balancers go with it (docs/reference/asm-lifecycle-api.md §c).
 */
async function deleteMesh(
  decision: Extract<Decision, { action: 'delete' }>,
  existing: MeshInfo,
  input: DestroyInput,
  deps: DestroyDeps
): Promise<string> {
  const { meshId } = decision
  if (existing.state === 'deleting') {
    deps.log.info(`Mesh ${meshId} is already deleting (an earlier destroy sent DeleteServiceMesh).`)
    return ''
  }
  if (decision.detach) {
    deps.log.info(`Detaching cluster ${decision.detach} (the spec's guestCluster) from mesh ${meshId}.`)
    await deps.mesh.removeCluster(meshId, decision.detach)
  }
  // DeleteServiceMesh needs a mesh that is not mid-change: still creating, or updating after the detach.
  if (decision.detach || existing.state !== 'running') await waitUntilRunning(meshId, input, deps)
  if (deps.signal?.aborted)
    throw new ActionError(`Cancelled before DeleteServiceMesh was sent; mesh ${meshId} was not deleted.`)
  const { requestId } = await deps.mesh.deleteMesh(meshId)
  deps.log.info(
    `DeleteServiceMesh accepted for mesh ${meshId}${requestId ? ` (request id ${requestId})` : ''}.`
  )
  return requestId
}

const progress = (log: Log) => (info: MeshInfo, elapsed: number) => log.info(`${elapsed}s: ${info.state}`)

async function waitUntilRunning(meshId: string, input: DestroyInput, deps: DestroyDeps): Promise<void> {
  await deps.log.group(`Waiting for mesh ${meshId} to run before it is deleted`, () =>
    deps.mesh
      .waitUntilRunning(meshId, waitOptions(input, deps))
      .catch(stoppedWaiting(meshId, deps, 'was not deleted'))
  )
}

async function waitUntilGone(meshId: string, input: DestroyInput, deps: DestroyDeps): Promise<void> {
  await deps.log.group(`Waiting for mesh ${meshId} to be gone`, () =>
    deps.mesh
      .waitUntilGone(meshId, waitOptions(input, deps))
      .catch(stoppedWaiting(meshId, deps, 'is deleting'))
  )
}

const waitOptions = (input: DestroyInput, deps: DestroyDeps) => ({
  timeoutSeconds: input.settings.waitTimeoutSeconds,
  signal: deps.signal,
  onProgress: progress(deps.log)
})

/** A cancelled wait says what state the mesh and the record are in, not what a create's wait would. */
const stoppedWaiting =
  (meshId: string, deps: DestroyDeps, where: string) =>
  (error: unknown): never => {
    if (!deps.signal?.aborted) throw error
    throw new ActionError(
      `Cancelled while waiting for mesh ${meshId}; it ${where}, and the state key still records it.`,
      'Run the destroy again: it finishes the deletion and then records the tombstone.'
    )
  }

function tombstoneOf(
  record: StateRecord,
  { settings: { run } }: DestroyInput,
  requestId: string,
  outcome: Tombstone['outcome'],
  clock: Clock
): Tombstone {
  return {
    meshId: record.meshId,
    name: record.name,
    region: record.region,
    requestId,
    outcome,
    ...writtenBy(run, clock)
  }
}
