/**
 * One run, start to end: choose credentials → read the spec → read the state → connect to the cloud →
 * decide (`plan`), or decide and act (`apply`) → wait for the mesh. The decisions themselves are in
 * decide.ts; acting on them is apply.ts.
 *
 * runMesh never throws: whatever happens ends up in the Outcome it returns. Everything outside memory
 * (the state store, the cloud, time, the log) comes in as deps, so tests run it with fakes.
 */
import { chunks } from './chunks.js'
import { cancelledWhileWaiting } from './cancellation.js'
import type { Clock } from './clock.js'
import {
  missingCredentialsError,
  preflightCredentials,
  type CredentialPlan
} from './cloud/credential-plan.js'
import type { MeshApi } from './cloud/types.js'
import { apply, decideOn, settledOf } from './apply.js'
import { destroy, type DestroyOutcome } from './destroy.js'
import { hasErrors } from './diagnostics.js'
import { ActionError } from './errors.js'
import type { Log } from './log.js'
import type { MeshRequest } from './meshspec/request.js'
import { failureOf, startOutcome, type Failure, type Outcome } from './outcome.js'
import type { Settings } from './settings.js'
import { diffParameters } from './state/diff.js'
import { stateKeyFor } from './state/open.js'
import { stateKeyProblem } from './state/key.js'
import type { StateRead, StateStore } from './state/store.js'
import type { Situation } from './decide.js'

export interface MeshDeps {
  /** The state store of a state key. */
  openStore(stateKey: string): Promise<StateStore>
  /** The mesh API, signed with the chosen credentials. */
  connect(plan: Exclude<CredentialPlan, { kind: 'none' }>): Promise<MeshApi>
  clock: Clock
  log: Log
  /** Hides a value in everything printed from now on. */
  mask(value: string): void
  /** Aborted when the job is cancelled. */
  signal?: AbortSignal
  /** The outcome so far, each time it grows: outputs written early survive a cancelled or killed run. */
  onCheckpoint?(outcome: Outcome): void
}

export async function runMesh(settings: Settings, deps: MeshDeps): Promise<Outcome> {
  let outcome = startOutcome(settings.mode, settings.run)
  const advance = (more: Partial<Outcome>) => {
    outcome = { ...outcome, ...more }
    deps.onCheckpoint?.(outcome)
  }
  let stage: Exclude<Failure['kind'], 'bug' | 'decision'> = 'inputs'
  try {
    const credentials = chooseCredentials(settings, deps.log)
    stage = 'spec'
    const request = await readSpec(settings, deps, advance)
    stage = 'run'
    const stateKey = settings.stateKey ?? stateKeyFor(request)
    advance({ stateKey })
    const store = await deps.openStore(stateKey)
    const initial = await store.read()
    // A destroy deletes the recorded mesh whatever the spec says of it: there is no diff to show.
    if (settings.mode !== 'destroy')
      advance({ changes: diffParameters(initial.document?.current?.parameters, request.parameters) })
    const mesh = credentials.kind === 'none' ? undefined : await deps.connect(credentials)
    const renamedFrom = await findRename(settings, request, outcome.specFile, initial, store, mesh)
    const known = { stateKey, request, initial, store, mesh, specFile: outcome.specFile, renamedFrom }
    const settled = await settle(settings, known, deps, advance)
    deps.log.info(`Decision: ${settled.decision.action} (${settled.decision.reason})`)
    advance({ ...settled, cloudRead: mesh !== undefined })
    if (settled.decision.action === 'fail') {
      const { reason, advice } = settled.decision
      advance({ failure: { kind: 'decision', message: reason, advice } })
    } else if (settled.decision.action === 'none') {
      deps.log.notice(`Nothing to delete: ${settled.decision.reason}.`)
    } else if (mesh && settings.mode === 'apply' && settings.wait) {
      await waitForMesh(outcome, settings, mesh, deps, advance)
    }
  } catch (error) {
    advance({ failure: failureOf(error, stage) })
  }
  return outcome
}

/**
 * Credentials are chosen before the spec is read, so a job that cannot work fails at once. `plan`
 * tolerates having none (fork pull requests get no OIDC token) and says it did not read the cloud.
 */
function chooseCredentials(settings: Settings, log: Log): CredentialPlan {
  let plan: CredentialPlan
  try {
    plan = preflightCredentials(settings, settings.env)
  } catch (error) {
    if (settings.mode !== 'plan' || !(error instanceof ActionError)) throw error
    log.warning(`${error.message} The plan goes on without reading the cloud.`)
    plan = { kind: 'none' }
  }
  if (plan.kind === 'none' && settings.mode !== 'plan') throw missingCredentialsError()
  return plan
}

/** Reads and validates the spec; any error in it stops the run here, before anything is sent. */
async function readSpec(
  settings: Settings,
  deps: MeshDeps,
  advance: (more: Partial<Outcome>) => void
): Promise<MeshRequest> {
  const { loadSpec } = await chunks.specEngine()
  const spec = await loadSpec({
    workspace: settings.run.workspace,
    specPath: settings.specPath,
    env: settings.env
  })
  // Masked before anything can print them, the diagnostics included.
  spec.secrets.forEach(secret => deps.mask(secret))
  advance({ specFile: spec.file, diagnostics: spec.diagnostics })
  if (spec.request && !hasErrors(spec.diagnostics)) {
    if (spec.request.parameters.some(p => p.env)) advance({ usesEnvironment: true })
    return spec.request
  }
  const errors = spec.diagnostics.filter(d => d.severity === 'error').length
  throw new ActionError(
    `${spec.file}: ${errors} error${errors === 1 ? '' : 's'} in the mesh spec; nothing was sent.`,
    'Fix the errors annotated above (each names its line and column) and run again.'
  )
}

interface Known {
  stateKey: string
  request: MeshRequest
  initial: StateRead
  store: StateStore
  mesh: MeshApi | undefined
  specFile?: string
  renamedFrom?: Situation['renamedFrom']
}

/**
 * With the default state key a renamed spec names a new key, and no record is found under it. A rename
 * is told by a record of another key in the region made from the same spec file under another name,
 * whose mesh still exists (when the cloud can be asked): the decision then refuses to create a second
 * mesh (docs/contract.md §7.1). An explicit state-key or state-file keeps the record, and renames in place.
 */
async function findRename(
  settings: Settings,
  request: MeshRequest,
  specFile: string | undefined,
  initial: StateRead,
  store: StateStore,
  mesh: MeshApi | undefined
): Promise<Situation['renamedFrom']> {
  // A destroy deletes only the mesh recorded under its key; an explicit key keeps the record.
  if (settings.mode === 'destroy' || settings.stateKey !== undefined || settings.stateFile !== undefined)
    return undefined
  if (initial.document?.current || !specFile) return undefined
  for (const document of await store.siblings()) {
    const record = document.current
    if (!record || record.specFile !== specFile || record.region !== request.region) continue
    // Its key is suggested as the state-key input: only one the state-key rules allow (state/key.ts).
    if (stateKeyProblem(document.stateKey) !== undefined) continue
    if (record.name === request.name || (mesh && !(await mesh.describe(record.meshId)))) continue
    return { stateKey: document.stateKey, meshId: record.meshId, name: record.name }
  }
  return undefined
}

/**
 * `plan` decides on the state as read; `apply` and `destroy` decide and act, in rounds against the
 * record. (They always have a mesh API: without credentials they failed on their inputs.)
 */
async function settle(
  settings: Settings,
  known: Known,
  deps: MeshDeps,
  advance: (more: Partial<Outcome>) => void
): Promise<DestroyOutcome> {
  const { request, renamedFrom, specFile } = known
  if (settings.mode === 'plan' || !known.mesh)
    return settledOf(await decideOn(known.initial, { settings, request, renamedFrom }, known.mesh))
  const acting = {
    store: known.store,
    mesh: known.mesh,
    log: deps.log,
    clock: deps.clock,
    signal: deps.signal,
    onProgress: (settled: DestroyOutcome) => advance({ ...settled, cloudRead: true })
  }
  const { stateKey, initial } = known
  return settings.mode === 'destroy'
    ? destroy({ settings, stateKey, request, initial }, acting)
    : apply({ settings, stateKey, request, initial, specFile, renamedFrom }, acting)
}

/** Waits until the mesh runs (unless it already does); the id is output before the wait starts. */
async function waitForMesh(
  outcome: Outcome,
  settings: Settings,
  api: MeshApi,
  deps: MeshDeps,
  advance: (more: Partial<Outcome>) => void
): Promise<void> {
  const mesh = outcome.mesh
  if (!mesh || mesh.state === 'running') return
  const info = await deps.log
    .group(`Waiting for mesh ${mesh.id} to run`, () =>
      api.waitUntilRunning(mesh.id, {
        timeoutSeconds: settings.waitTimeoutSeconds,
        signal: deps.signal,
        onProgress: (state, elapsed) => deps.log.info(`${Math.round(elapsed)}s: ${state.state}`)
      })
    )
    .catch((error: unknown) => {
      throw deps.signal?.aborted ? cancelledWhileWaiting(mesh.id) : error
    })
  advance({ mesh: { id: mesh.id, state: info.state } })
}
