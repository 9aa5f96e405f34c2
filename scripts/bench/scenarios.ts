/**
 * The runs the benchmark times, each one process of the bundled action as actions/runner starts it (or
 * the baseline / floor probe), each checked for the behaviour it stands for: a run that did the wrong
 * thing measures nothing and is reported as a problem, not as a number.
 */
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { caEnv } from '../../__tests__/support/ca-fixture.js'
import {
  ALL_PARAMETERS,
  readExample,
  scenarioOptions,
  SPEC_FILE,
  startWorld,
  tokenRequests,
  type Scenario,
  type World
} from '../../__tests__/support/e2e.js'
import { RUNNER_NODE } from '../../__tests__/support/node-versions.js'
import { createWorkspace, maskedLog, runAction, type RunResult } from '../../__tests__/support/runner.js'
import { STEP_ORDER } from '../../src/update-plan.js'
import { DIST_ENTRY } from '../lib/repo.js'
import { timeNodeEval } from './instrument.js'

export type RowKey = 'baseline' | 'floor' | 'failFast' | 'plan' | 'apply' | 'rerun' | 'update' | 'driftPlan'

/** API calls one run made, read from the emulators' records. */
export interface Calls {
  token: number
  sts: number
  list: number
  create: number
  detail: number
  /** ListTagResources: the tags of the drift check. */
  tags: number
  /** Calls that change a mesh in place (UpdateMeshFeature, TagResources, ...). */
  updates: number
  stateReads: number
  stateWrites: number
}

export interface Outcome {
  ms: number
  /** Why the run does not count; undefined when it behaved as expected. */
  problem?: string
  calls?: Calls
}

export type Run = (env: Record<string, string>) => Promise<Outcome>

/** Ends any run that hangs; far above what any of these takes. */
const RUN_TIMEOUT_MS = 60_000
/** Apply without waiting: the emulator answers describe with `running` soon after. */
const QUICK_PROVISION_MS = 50

export interface Fixtures {
  /** The floor probe bundle. */
  probe: string
  /** A workspace holding the all-parameters reference at SPEC_FILE, for plan (state: file writes nothing). */
  planWorkspace: string
}

export async function prepareFixtures(probe: string): Promise<Fixtures> {
  return {
    probe,
    planWorkspace: await createWorkspace({ [SPEC_FILE]: readExample(ALL_PARAMETERS) })
  }
}

const unexpected = (result: RunResult, what: string): string =>
  `${what}; exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}; log tail:\n` +
  maskedLog(result).split('\n').slice(-6).join('\n')

/** The run's time, and a problem unless it behaved as `expected` says. */
const judged = (result: RunResult, ok: boolean, expected: string, calls?: Calls): Outcome => ({
  ms: result.durationMs,
  calls,
  problem: ok ? undefined : unexpected(result, `expected ${expected}`)
})

async function counted(
  world: World,
  run: () => Promise<RunResult>
): Promise<{ result: RunResult; calls: Calls }> {
  const cloudBefore = world.cloud.calls.length
  const githubBefore = world.github.requests.length
  const result = await run()
  const cloud = world.cloud.calls.slice(cloudBefore)
  const github = world.github.requests.slice(githubBefore)
  const cloudCalls = (action: string) => cloud.filter(call => call.action === action).length
  // Every GitHub request but the OIDC token endpoint's is the REST API, i.e. the state (no comment on push).
  const tokens = new Set(tokenRequests(world.github))
  const rest = github.filter(request => !tokens.has(request))
  return {
    result,
    calls: {
      token: github.length - rest.length,
      sts: cloudCalls('AssumeRoleWithOIDC'),
      list: cloudCalls('DescribeServiceMeshes'),
      create: cloudCalls('CreateServiceMesh'),
      detail: cloudCalls('DescribeServiceMeshDetail'),
      tags: cloudCalls('ListTagResources'),
      updates: STEP_ORDER.reduce((n, action) => n + cloudCalls(action), 0),
      stateReads: rest.filter(request => request.method === 'GET').length,
      stateWrites: rest.filter(request => request.method !== 'GET').length
    }
  }
}

/** An OIDC step of the bundle on the spec in `workspace`, with the state on the GitHub emulator's branch. */
function step(
  world: World,
  workspace: string,
  env: Record<string, string>,
  inputs: Scenario['with'],
  timeoutMs: number
) {
  const options = scenarioOptions(world, { workspace, with: inputs })
  return () =>
    runAction({
      ...options,
      node: RUNNER_NODE.bin,
      dist: DIST_ENTRY,
      env: { ...options.env, ...env },
      timeoutMs
    })
}

/** An OIDC plan of the spec in `workspace`. */
const planStep = (world: World, workspace: string, env: Record<string, string>) =>
  step(world, workspace, env, { mode: 'plan' }, RUN_TIMEOUT_MS)

/** A world whose mesh was created by one apply of the reference example; a problem when that failed. */
async function afterFirstApply(
  provisionMs: number,
  then: (world: World, workspace: string, meshId: string) => Promise<Outcome>
): Promise<Outcome> {
  return inWorld(provisionMs, async (world, workspace) => {
    const first = await applyStep(world, workspace, {}, false)()
    if (first.exitCode !== 0) return judged(first, false, 'the first apply to succeed')
    return then(world, workspace, first.outputs['service-mesh-id'])
  })
}

/** An OIDC apply of the reference example in `workspace`, as a workflow step on push would run it. */
const applyStep = (world: World, workspace: string, env: Record<string, string>, wait: boolean) =>
  step(
    world,
    workspace,
    env,
    { wait, 'wait-timeout-seconds': 60 },
    wait ? 2 * RUN_TIMEOUT_MS : RUN_TIMEOUT_MS
  )

/** A world and a workspace for one apply session, stopped and removed afterwards. */
async function inWorld<T>(
  provisionMs: number,
  use: (world: World, workspace: string) => Promise<T>
): Promise<T> {
  const world = await startWorld({ provisionMs })
  const workspace = await createWorkspace({ [SPEC_FILE]: readExample(ALL_PARAMETERS) })
  try {
    return await use(world, workspace)
  } finally {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  }
}

export function runs(fixtures: Fixtures): Record<RowKey, Run> {
  return {
    baseline: async env => {
      const { ms, exitCode } = await timeNodeEval(RUNNER_NODE.bin, env)
      return { ms, problem: exitCode === 0 ? undefined : `node -e 0 exited ${exitCode}` }
    },
    floor: async env => {
      const result = await runAction({
        node: RUNNER_NODE.bin,
        dist: fixtures.probe,
        env,
        timeoutMs: RUN_TIMEOUT_MS
      })
      return judged(result, result.exitCode === 0, 'exit 0')
    },
    failFast: async env => {
      // No `with:` at all: the required input `spec` is missing.
      const result = await runAction({
        node: RUNNER_NODE.bin,
        dist: DIST_ENTRY,
        env,
        timeoutMs: RUN_TIMEOUT_MS
      })
      const ok =
        result.exitCode === 1 &&
        result.annotations.some(a => a.level === 'error' && /\bspec\b/.test(a.message))
      return judged(result, ok, 'exit 1 naming the input spec')
    },
    plan: async env => {
      const result = await runAction({
        node: RUNNER_NODE.bin,
        dist: DIST_ENTRY,
        workspace: fixtures.planWorkspace,
        with: { spec: SPEC_FILE, mode: 'plan', state: 'file' },
        env: { ...caEnv(), ...env },
        timeoutMs: RUN_TIMEOUT_MS
      })
      const ok = result.exitCode === 0 && result.outputs.changed === 'true'
      return judged(result, ok, 'a plan with changes')
    },
    apply: env =>
      inWorld(QUICK_PROVISION_MS, async (world, workspace) => {
        const { result, calls } = await counted(world, applyStep(world, workspace, env, false))
        const ok = result.exitCode === 0 && result.outputs.created === 'true'
        return judged(result, ok, 'a create', calls)
      }),
    rerun: env =>
      inWorld(QUICK_PROVISION_MS, async (world, workspace) => {
        const first = await applyStep(world, workspace, {}, false)()
        if (first.exitCode !== 0) return judged(first, false, 'the first apply to succeed')
        const { result, calls } = await counted(world, applyStep(world, workspace, env, false))
        const ok =
          result.exitCode === 0 && result.outputs.created === 'false' && result.outputs.changed === 'false'
        return judged(result, ok, 'a no-op', calls)
      }),
    update: env =>
      afterFirstApply(QUICK_PROVISION_MS, async (world, workspace) => {
        const changed = readExample(ALL_PARAMETERS).replace('sampling: 100', 'sampling: 50')
        await writeFile(path.join(workspace, SPEC_FILE), changed)
        const { result, calls } = await counted(world, applyStep(world, workspace, env, false))
        const ok = result.exitCode === 0 && result.outputs.updated === 'true' && calls.updates === 1
        return judged(result, ok, 'one UpdateMeshFeature', calls)
      }),
    driftPlan: env =>
      afterFirstApply(QUICK_PROVISION_MS, async (world, workspace, meshId) => {
        world.cloud.lifecycle.drift(meshId, { TraceSampling: '10' })
        const { result, calls } = await counted(world, planStep(world, workspace, env))
        const drift = JSON.parse(result.outputs.drift ?? '[]') as unknown[]
        const ok = result.exitCode === 0 && drift.length === 1 && calls.updates === 0
        return judged(result, ok, 'a plan showing one drifted parameter', calls)
      })
  }
}

export interface Waited {
  /** From the emulator turning the mesh running to the action's exit (an upper bound by the harness's ms). */
  lagMs: number
  /** From the create's answer to the action's exit. */
  waitedMs: number
  polls: number
  ms: number
  calls: Calls
  problem?: string
}

/** An apply that waits while the emulator provisions for `provisionMs`. */
export function waitingRun(provisionMs: number) {
  return (env: Record<string, string>): Promise<Waited> =>
    inWorld(provisionMs, async (world, workspace) => {
      const { result, calls } = await counted(world, applyStep(world, workspace, env, true))
      const exitedAt = Date.now()
      const mesh = world.cloud.meshes[0]
      const ok = result.exitCode === 0 && result.outputs['mesh-state'] === 'running' && mesh !== undefined
      return {
        lagMs: mesh ? exitedAt - (mesh.createdAt + provisionMs) : NaN,
        waitedMs: mesh ? exitedAt - mesh.createdAt : NaN,
        polls: calls.detail,
        ms: result.durationMs,
        calls,
        problem: ok ? undefined : unexpected(result, 'expected the mesh running')
      }
    })
}
