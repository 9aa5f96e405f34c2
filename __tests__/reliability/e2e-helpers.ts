/**
 * What the reliability suites check on every end-to-end run: how it ended, what it said, and that the
 * cloud holds no duplicate and the state branch no lost mesh id. Built on the e2e kit.
 */
import { expect } from '@jest/globals'
import {
  readExample,
  scenarioOptions,
  SPEC_FILE,
  stateOnBranch,
  type Scenario,
  type World
} from '../support/e2e.js'
import { createWorkspace, runAction, type RunResult } from '../support/runner.js'

/**
 * The action's time scale for scenarios whose real durations are minutes (a create answered after 40 s,
 * five minutes of looking for a mesh): every wait and timeout of the action is multiplied by it
 * (src/time-scale.ts), and the scenarios scale their own delays alike. E2E_TIME_SCALE=1 runs them with
 * the real durations (slow: minutes per test).
 */
export const SCALE = Number(process.env.E2E_TIME_SCALE ?? '0.02')
export const FAST = { ASM_ACTION_TEST_TIME_SCALE: String(SCALE) }
/** `ms` of real time as the scaled scenarios see it. */
export const scaledMs = (ms: number): number => Math.round(ms * SCALE)

/** examples/minimal.yaml: mesh `dev-mesh` in cn-hangzhou. */
export const MINIMAL = readExample('minimal.yaml')
export const STATE_KEY = 'cn-hangzhou/dev-mesh'
export const STATE_FILE = `${STATE_KEY}.json`

export type Run = Omit<Scenario, 'workspace'> & {
  spec?: string
  /** Kill the step after this long (the harness default is 45 s). */
  timeoutMs?: number
  /** Step debug logging (ACTIONS_STEP_DEBUG): `::debug::` lines shown. */
  debug?: boolean
}

/** One step run with the spec (default the minimal example) in a fresh workspace; no waiting unless asked. */
export async function run(world: World, scenario: Run = {}): Promise<RunResult> {
  const { spec = MINIMAL, timeoutMs, debug, ...rest } = scenario
  const workspace = await createWorkspace({ [SPEC_FILE]: spec })
  const options = scenarioOptions(world, { ...rest, workspace, with: { wait: false, ...rest.with } })
  return runAction({ ...options, ...(timeoutMs && { timeoutMs }), ...(debug && { debug }) })
}

/** The messages of every `::error` command of a run (the failure is the last), beyond the runner's 10. */
export const errorsOf = (result: RunResult): string =>
  result.commands
    .filter(command => command.name === 'error')
    .map(command => command.data)
    .join('\n')

/** Everything the run printed, commands included. */
export const logOf = (result: RunResult): string => `${result.stdout}\n${result.stderr}`

/** A JavaScript stack frame such as `    at run (file.js:12:3)`. */
const STACK_FRAME = /^\s+at (?:.+ \()?(?:file:|node:|\/)[^\s)]*:\d+:\d+\)?$/m

export function expectNoStackTrace(result: RunResult): void {
  expect(logOf(result)).not.toMatch(STACK_FRAME)
  expect(logOf(result)).not.toMatch(/Unexpected error \(please report it\)/)
}

/** A failed step: exit code 1, one clear message matching every pattern, no stack trace. */
export function expectCleanFailure(result: RunResult, ...patterns: RegExp[]): void {
  expect(result).toMatchObject({ exitCode: 1, timedOut: false })
  const message = errorsOf(result)
  for (const pattern of patterns) expect(message).toMatch(pattern)
  expectNoStackTrace(result)
}

/** The one mesh in the cloud is the one the run output and the state branch records. */
export function expectOneRecordedMesh(world: World, result: RunResult, stateKey = STATE_KEY): string {
  expect(world.cloud.meshes).toHaveLength(1)
  const [mesh] = world.cloud.meshes
  expect(result.outputs['service-mesh-id']).toBe(mesh.id)
  const state = stateOnBranch(world, stateKey)
  expect(state?.document.current?.meshId).toBe(mesh.id)
  expect(state?.document.pending).toBeUndefined()
  return mesh.id
}

/** Cloud calls of one action, with the status each got (0: the connection was reset). */
export const statuses = (world: World, action: string): number[] =>
  world.cloud.calls.filter(call => call.action === action).map(call => call.status)

/** Resolves once the cloud emulator has received `times` calls of `action` (polling; the child runs apart). */
export async function whenCalled(world: World, action: string, times = 1, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (world.cloud.callsTo(action).length < times) {
    if (Date.now() > deadline) throw new Error(`no ${times} ${action} calls within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 2))
  }
}
