/**
 * The workflow of one run: inputs → spec → state → credentials → decide → act → report.
 * This is the one place where errors become a failed step.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import type { ApplyResult } from './apply.js'
import {
  missingCredentialsError,
  preflightCredentials,
  type CredentialPlan
} from './cloud/credential-plan.js'
import type { MeshApi } from './cloud/types.js'
import { decide, type Decision } from './decide.js'
import { hasErrors } from './diagnostics.js'
import { ActionError } from './errors.js'
import { actionsLog, type Log } from './log.js'
import { annotate, formatDiagnostic } from './report/annotations.js'
import { renderPlanComment, renderSummary, type RunReport } from './report/summary.js'
import { readSettings, type Settings } from './settings.js'
import { watchForCancellation } from './cancellation.js'
import { gatherFacts } from './facts.js'
import { Outputs } from './outputs.js'
import { TIME_SCALE, TIME_SCALE_VARIABLE } from './time-scale.js'
import type { MeshRequest } from './meshspec/request.js'
import { diffParameters } from './state/diff.js'
import { openStateStore, stateKeyFor } from './state/open.js'
import type { StateRead, StateStore } from './state/store.js'
import type { StateRecord } from './state/record.js'

/** Every plain log line goes through it: see printable.ts. */
const log: Log = actionsLog(core)

/** What every step of a run shares: its settings, and where its results go. */
interface Shared {
  settings: Settings
  env: NodeJS.ProcessEnv
  report: RunReport
  outputs: Outputs
  signal: AbortSignal
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const report: RunReport = {
    mode: 'plan',
    stateKey: '',
    specFile: '',
    changes: [],
    created: false,
    diagnostics: [],
    notes: []
  }
  const outputs = new Outputs()
  const cancellation = watchForCancellation()
  try {
    const settings = readSettings(env)
    if (TIME_SCALE !== 1)
      core.warning(
        `${TIME_SCALE_VARIABLE}=${TIME_SCALE}: every timeout and wait of this run is shortened. ` +
          'It is a setting for the action’s own tests; unset it in workflows.'
      )
    report.mode = settings.mode
    report.runUrl = runUrl(settings)
    const shared: Shared = { settings, env, report, outputs, signal: cancellation.signal }

    const credentialPlan = chooseCredentials(shared)
    const request = await readSpec(shared)
    const state = await readState(shared, request)
    const mesh = await connectToCloud(settings, credentialPlan)
    if (settings.mode === 'plan') await plan(shared, request, state, mesh)
    else await applyAndWait(shared, request, state, mesh!)
    failOnDecision(report.decision)
  } catch (error) {
    report.failure = fail(error)
  } finally {
    cancellation.dispose()
    outputs.flush()
    await writeSummary(report)
  }
}

/** Reads and validates the spec; every problem is annotated, and any error stops the run here. */
async function readSpec({ settings, env, report }: Shared): Promise<MeshRequest> {
  // The spec engine (and yaml) is its own chunk: a run that fails on its inputs never loads it.
  const { loadSpec } = await import('./meshspec/index.js')
  const spec = await loadSpec({ workspace: settings.run.workspace, specPath: settings.specPath, env })
  spec.secrets.forEach(secret => core.setSecret(secret))
  report.specFile = spec.file
  report.diagnostics = spec.diagnostics
  annotate(spec.diagnostics, core)
  const errors = spec.diagnostics.filter(d => d.severity === 'error').length
  if (spec.diagnostics.length > 0) {
    // The runner shows 10 annotations per kind; the full list stays in the log, folded.
    core.startGroup(`${spec.file}: ${errors} error(s), ${spec.diagnostics.length - errors} warning(s)`)
    spec.diagnostics.forEach(d => log.info(formatDiagnostic(d)))
    core.endGroup()
  }
  if (!spec.request || hasErrors(spec.diagnostics)) {
    throw new ActionError(
      `${spec.file}: ${errors} error${errors === 1 ? '' : 's'} in the mesh spec; nothing was sent.`,
      'Fix the errors annotated above (each names its line and column) and run again.'
    )
  }
  return spec.request
}

interface State {
  stateKey: string
  store: StateStore
  read: StateRead
}

/** Reads the record of previous runs and diffs the spec against it. */
async function readState({ settings, report, outputs }: Shared, request: MeshRequest): Promise<State> {
  const stateKey = settings.stateKey ?? stateKeyFor(request)
  report.stateKey = stateKey
  const store = await openStateStore(settings, stateKey, log)
  const read = await store.read()
  report.changes = diffParameters(read.document?.current?.parameters, request.parameters)
  outputs.set('changed', String(report.changes.length > 0))
  outputs.set('diff', JSON.stringify(report.changes))
  return { stateKey, store, read }
}

/** Shows what apply would do; in a pull request also as the sticky plan comment. */
async function plan(shared: Shared, request: MeshRequest, state: State, mesh: MeshApi | undefined) {
  const { settings, report } = shared
  const record = state.read.document?.current
  const facts = await gatherFacts({
    record,
    changed: report.changes.length > 0,
    adoptExisting: settings.adoptExisting,
    onChange: settings.onChange,
    request,
    mesh
  })
  const decision = decide(facts)
  const meshState = facts.existing?.state
  finish(shared, {
    decision,
    created: false,
    ...meshOf(decision, record),
    ...(meshState ? { meshState } : {})
  })
  await commentOnPullRequest(settings, report, request)
}

/** Creates, adopts or keeps the mesh as decided, records it, then waits for it if asked to. */
async function applyAndWait(shared: Shared, request: MeshRequest, state: State, mesh: MeshApi) {
  const { settings, outputs, signal } = shared
  const { apply } = await import('./apply.js')
  const result = await apply(
    {
      settings,
      run: settings.run,
      stateKey: state.stateKey,
      request,
      changedFrom: record => diffParameters(record?.parameters, request.parameters).length > 0,
      initial: state.read
    },
    {
      store: state.store,
      mesh,
      log,
      signal,
      onMeshId: id => {
        outputs.set('service-mesh-id', id)
        outputs.flush()
      }
    }
  )
  finish(shared, result)
  await waitIfAsked(shared, result, mesh)
}

/**
 * The cloud side is loaded only by runs that use it (plan without credentials never does): the SDK and
 * the client code are separate chunks of the bundle, so that start-up stays close to the floor.
 */
async function connectToCloud(
  settings: Settings,
  credentialPlan: CredentialPlan
): Promise<MeshApi | undefined> {
  if (credentialPlan.kind === 'none') return undefined
  const [{ resolveCredentials }, { createMeshApi }] = await Promise.all([
    import('./cloud/credentials.js'),
    import('./cloud/mesh.js')
  ])
  const credentials = await resolveCredentials(credentialPlan, {
    getIDToken: core.getIDToken,
    setSecret: core.setSecret,
    log
  })
  return createMeshApi({ endpoint: settings.endpoint, credentials, log })
}

/**
 * Credentials are chosen before the spec is read, so a job that cannot work fails at once. `plan`
 * tolerates having none (fork pull requests get no OIDC token) and says it did not read the cloud.
 */
function chooseCredentials({ settings, env, report }: Shared): CredentialPlan {
  let credentialPlan: CredentialPlan
  try {
    credentialPlan = preflightCredentials(settings, env)
  } catch (error) {
    if (settings.mode === 'apply' || !(error instanceof ActionError)) throw error
    core.warning(`${error.message} The plan goes on without reading the cloud.`)
    credentialPlan = { kind: 'none' }
  }
  if (credentialPlan.kind === 'none' && settings.mode === 'apply') throw missingCredentialsError()
  if (credentialPlan.kind === 'none')
    report.notes.push(
      'No credentials in plan mode: the cloud was not read; the plan uses the state record only.'
    )
  return credentialPlan
}

function meshOf(decision: Decision, record: StateRecord | undefined): Partial<ApplyResult> {
  if (decision.action === 'adopt') return { meshId: decision.mesh.id, meshState: decision.mesh.state }
  if ('meshId' in decision && decision.meshId) return { meshId: decision.meshId }
  return record && decision.action !== 'create' ? { meshId: record.meshId } : {}
}

function finish({ report, outputs }: Shared, result: Partial<ApplyResult> & { decision: Decision }): void {
  report.decision = result.decision
  report.created = result.created ?? false
  if (result.meshId) report.meshId = result.meshId
  if (result.meshState) report.meshState = result.meshState
  if (result.requestId) report.requestId = result.requestId
  if (result.stateLocation) report.stateLocation = result.stateLocation
  if (result.meshId) outputs.set('service-mesh-id', result.meshId)
  if (result.meshState) outputs.set('mesh-state', result.meshState)
  if (result.requestId) outputs.set('request-id', result.requestId)
  outputs.set('created', String(report.created))
  log.info(`Decision: ${result.decision.action} (${result.decision.reason})`)
}

async function waitIfAsked(
  { settings, report, outputs, signal }: Shared,
  result: ApplyResult,
  mesh: MeshApi
): Promise<void> {
  if (!settings.wait || !result.meshId || result.decision.action === 'fail') return
  if (result.meshState === 'running') return
  // Outputs are flushed before waiting so a cancelled or timed-out wait still hands the id on.
  outputs.flush()
  const meshId = result.meshId
  const info = await core
    .group(`Waiting for mesh ${meshId} to run`, () =>
      mesh.waitUntilRunning(meshId, {
        timeoutSeconds: settings.waitTimeoutSeconds,
        signal,
        onProgress: (state, elapsed) => log.info(`${Math.round(elapsed)}s: ${state.state}`)
      })
    )
    .catch((error: unknown) => {
      if (!signal.aborted) throw error
      throw new ActionError(
        `Cancelled while waiting for mesh ${meshId}; it is recorded in the state and output as service-mesh-id.`,
        'Creation continues in the cloud. The next run finds it in the state and does not create another.'
      )
    })
  report.meshState = info.state
  outputs.set('mesh-state', info.state)
}

function failOnDecision(decision: Decision | undefined): void {
  if (decision?.action === 'fail') throw new ActionError(decision.reason, decision.advice)
  if (decision?.action === 'warn')
    core.warning(`${decision.reason}. The diff is in the job summary and the diff output.`)
}

async function commentOnPullRequest(
  settings: Settings,
  report: RunReport,
  request: MeshRequest
): Promise<void> {
  if (!settings.comment || !/^pull_request/.test(settings.run.eventName)) return
  // pull_request_target runs with the base repository's secrets for a spec that may come from the pull
  // request: nothing derived from them, not even a fingerprint, goes into a comment anyone can read.
  if (settings.run.eventName === 'pull_request_target' && request.parameters.some(p => p.env)) {
    log.notice(
      'Plan comment skipped: on pull_request_target the comment is posted only when no spec value comes ' +
        'from the environment. The plan is in the job summary.'
    )
    return
  }
  const number = await pullRequestNumber(settings.run.eventPath)
  if (!number) return
  const { upsertPlanComment } = await import('./report/comment.js')
  await upsertPlanComment({
    token: settings.githubToken,
    apiUrl: settings.run.apiUrl,
    repository: settings.run.repository,
    issueNumber: number,
    stateKey: report.stateKey,
    body: renderPlanComment(report),
    log
  })
}

async function pullRequestNumber(eventPath: string): Promise<number | undefined> {
  if (!eventPath) return undefined
  try {
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as { pull_request?: { number?: unknown } }
    return typeof payload.pull_request?.number === 'number' ? payload.pull_request.number : undefined
  } catch {
    return undefined
  }
}

function runUrl(settings: Settings): string | undefined {
  const { serverUrl, repository, runId, runAttempt } = settings.run
  if (!repository || !runId) return undefined
  return `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}`
}

/** Fails the step with a message a person can act on; returns it for the summary. */
function fail(error: unknown): NonNullable<RunReport['failure']> {
  if (error instanceof ActionError) {
    core.setFailed(error.advice ? `${error.message}\n${error.advice}` : error.message)
    return { message: error.message, ...(error.advice ? { advice: error.advice } : {}) }
  }
  if (error instanceof Error && error.name === 'SettingsError') {
    core.setFailed(error.message)
    return { message: error.message }
  }
  // Not a user error: a bug. Say so, with the message only; the stack goes to the debug log.
  const message = `Unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`
  core.setFailed(message)
  if (error instanceof Error && error.stack) core.debug(error.stack)
  return { message }
}

async function writeSummary(report: RunReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(renderSummary(report), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}
