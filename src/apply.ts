/**
 * Acting on a decision in `apply` mode, with the state record as the lock that keeps two runs from
 * both creating: a `pending` entry is compare-and-swapped in before CreateServiceMesh, and the record
 * is written right after it answers, before any waiting, so a cancelled job never loses a mesh id.
 */
import { decide, type Decision, type DecisionInput } from './decide.js'
import { CloudCallError } from './cloud/failure.js'
import { realSleep, type Sleep } from './cloud/sleep.js'
import { ActionError } from './errors.js'
import { gatherFacts } from './facts.js'
import type { Log } from './log.js'
import type { MeshApi } from './cloud/types.js'
import type { MeshRequest } from './meshspec/request.js'
import { toRecordedParameters } from './state/diff.js'
import { emptyStateDocument, withCurrentRecord } from './state/document.js'
import type { PendingCreate, StateDocument, StateRecord } from './state/record.js'
import { StateConflictError, type StateRead, type StateStore, type StateWrite } from './state/store.js'
import type { RunContext, Settings } from './settings.js'

/** A pending create older than this is treated as abandoned (its run died without cleaning up). */
const PENDING_STALE_MS = 30 * 60 * 1000
/** How long to wait for another run's create to be recorded, polling the record. */
const PENDING_WAIT_MS = 10 * 60 * 1000
const PENDING_POLL_MS = 5000
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
  const waitUntil = now().getTime() + PENDING_WAIT_MS
  let alreadyRead = input.initial
  for (let round = 1; round <= MAX_ROUNDS;) {
    const { document, revision } = alreadyRead ?? (await deps.store.read())
    alreadyRead = undefined
    const pending = document?.pending
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
    const record = document?.current
    const facts = await gatherFacts({
      record,
      changed: input.changedFrom(record),
      adoptExisting: input.settings.adoptExisting,
      onChange: input.settings.onChange,
      request: input.request,
      mesh: deps.mesh,
      mayExistUnrecorded: pending !== undefined
    })
    const decision = decide(facts)
    try {
      return await act(decision, facts, input, document, revision, deps, now)
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
 * (matrix jobs share both): this process only ever sees its own entry after it has finished with it.
 */
function abandoned(pending: PendingCreate, run: RunContext, now: Date): boolean {
  return (
    pending.outcome === 'unknown' ||
    now.getTime() - Date.parse(pending.since) >= PENDING_STALE_MS ||
    (pending.runId === run.runId && Number(pending.runAttempt) < Number(run.runAttempt))
  )
}

async function act(
  decision: Decision,
  facts: DecisionInput,
  input: ApplyInput,
  document: StateDocument | undefined,
  revision: string | undefined,
  deps: ApplyDeps,
  now: () => Date
): Promise<ApplyResult> {
  const base: StateDocument = document ?? emptyStateDocument(input.stateKey)
  switch (decision.action) {
    case 'create': {
      if (deps.signal?.aborted)
        throw new ActionError('Cancelled before CreateServiceMesh was sent; nothing was created.')
      const pending: PendingCreate = {
        runId: input.run.runId,
        runAttempt: input.run.runAttempt,
        actor: input.run.actor,
        since: now().toISOString(),
        name: input.request.name,
        region: input.request.region
      }
      const locked = await deps.store.write({ ...base, pending }, revision, `Creating mesh ${input.stateKey}`)
      const result = await deps.mesh
        .create(input.request, knownMeshIds(document, facts))
        .catch(async (error: unknown) => {
          // A create refused for certain leaves nothing behind that blocks the next run. Any other
          // failure may have created the mesh: the entry stays, marked so the next run looks first.
          const refused = error instanceof CloudCallError && !error.failure.outcomeUnknown
          const after: StateDocument = refused
            ? { ...base, pending: undefined }
            : { ...base, pending: { ...pending, outcome: 'unknown' } }
          const message = refused ? 'Create refused' : 'Create outcome unknown'
          await deps.store
            .write(after, locked.revision, `${message} for ${input.stateKey}`)
            .catch(() => undefined)
          throw error
        })
      deps.onMeshId?.(result.meshId)
      const record = newRecord(input, result.meshId, result.requestId, 'created', now)
      const written = await writeRecord(
        deps,
        { ...base, pending: undefined },
        record,
        locked.revision,
        input.stateKey
      )
      return {
        decision,
        meshId: result.meshId,
        requestId: result.requestId,
        created: true,
        stateLocation: written.location
      }
    }
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

/** Meshes that existed before this create: never to be mistaken for the new one. */
function knownMeshIds(document: StateDocument | undefined, facts: DecisionInput): string[] {
  const recorded = document?.current ? [document.current, ...document.history] : (document?.history ?? [])
  return [...recorded.map(r => r.meshId), ...(facts.candidates ?? []).map(c => c.id)]
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
