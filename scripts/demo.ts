/**
 * `npm run demo`: the value in one screen. The bundled action (dist/index.js, started as actions/runner
 * starts it, under Node 24 where installed) against the loopback cloud and GitHub emulators, on a copy of
 * examples/minimal.yaml: one mesh's life in six steps, each made of real runs of the bundle and checked on
 * exit codes, outputs and the calls the cloud emulator received. Reports are folded to a line each; a
 * recap ends the screen. Exit 0 when every check passed, 1 otherwise.
 */
import { cp, rm } from 'node:fs/promises'
import path from 'node:path'
import { DIST, scenarioOptions, startWorld, stateOnBranch, type World } from '../__tests__/support/e2e.js'
import { RUNNER_NODE } from '../__tests__/support/node-versions.js'
import { createWorkspace, runAction, type RunResult } from '../__tests__/support/runner.js'
import type { Drift } from '../src/live.js'
import { shorten } from '../src/report/markdown.js'
import type { StateDocument } from '../src/state/record.js'
import { callsSince, describeCalls, writesIn, type CallCounts } from './lib/calls.js'
import { foldDiff, foldDrift, foldLog, foldMarkdown, foldOutputs } from './lib/fold.js'
import { REPO_ROOT } from './lib/repo.js'
import { addToSpec } from './lib/spec-edit.js'
import { rule, wrapItems } from './lib/text.js'

const SPEC = 'examples/minimal.yaml'
const STATE_KEY = 'cn-hangzhou/dev-mesh'
const PR = 12
const PR_EVENT = {
  name: 'pull_request',
  payload: { number: PR, pull_request: { number: PR, head: { ref: 'tracing' }, base: { ref: 'main' } } }
}
/** Long enough that the log shows the wait, short enough for a demo. */
const PROVISION_MS = 3000
/** What step 4 adds to the spec (all of it changes in place: TagResources, UpdateMeshFeature). */
const SAMPLING = '50'
const ADDED = { 'tags.env': 'dev', 'tracing.enabled': true, 'tracing.sampling': Number(SAMPLING) }
/** What step 5 sets behind the action's back. */
const DRIFTED = '10'
const SHOWN_OUTPUTS = ['service-mesh-id', 'decision', 'created', 'updated', 'deleted']
const WIDTH = 132
const LABEL = 8

type Mode = 'plan' | 'apply' | 'destroy'
type Check = { label: string; ok: boolean }
type Ran = { mode: Mode; result: RunResult }
interface Step {
  /** Its recap line's name. */
  name: string
  title: string
  /** Changes the spec or the live mesh before the runs; says what it did. */
  prepare?: () => Promise<string> | string
  /** One run of the bundle each: a plan on the pull request, the others on a push to main. */
  modes: Mode[]
  check: (runs: Ran[], calls: CallCounts) => Check[]
}
type Done = { step: Step; runs: Ran[]; calls: CallCounts; checks: Check[] }

const check = (label: string, ok: boolean): Check => ({ label, ok })
const output = ({ result }: Ran, name: string) => result.outputs[name] ?? ''
const is = (ran: Ran, name: string, value: string) => check(`${name}=${value}`, output(ran, name) === value)
const exit0 = ({ mode, result }: Ran) => check(`${mode} exit 0`, result.exitCode === 0)
const nothingSent = (calls: CallCounts) => check('nothing sent', writesIn(calls).length === 0)
const sentOnce = (calls: CallCounts, action: string) => check(`${action} ×1`, calls[action] === 1)

function steps(world: World, specFile: string): Step[] {
  // From step 2 on, every step is about the mesh it created.
  let meshId = ''
  const oneComment = (label: string) =>
    check(label, world.github.comments.filter(c => c.issue === PR).length === 1)
  const state = () => JSON.parse(stateOnBranch(world, STATE_KEY)?.text ?? '{}') as Partial<StateDocument>
  const drifted = (ran: Ran) =>
    (JSON.parse(output(ran, 'drift') || '[]') as Drift[]).some(
      d => d.path === 'tracing.sampling' && d.live === DRIFTED
    )
  const live = () => world.cloud.meshes.find(m => m.id === meshId)?.parameters.TraceSampling
  return [
    {
      name: 'plan',
      title: `1/6 plan on pull request #${PR}: what apply would do, in one sticky comment`,
      modes: ['plan'],
      check: ([plan], calls) => [
        exit0(plan),
        is(plan, 'decision', 'create'),
        nothingSent(calls),
        oneComment(`one comment on #${PR}`)
      ]
    },
    {
      name: 'create',
      title: `2/6 apply: create the mesh, wait until it runs (the emulator takes ${PROVISION_MS / 1000} s)`,
      modes: ['apply'],
      check: ([apply], calls) => {
        meshId = output(apply, 'service-mesh-id')
        return [
          exit0(apply),
          is(apply, 'created', 'true'),
          is(apply, 'mesh-state', 'running'),
          sentOnce(calls, 'CreateServiceMesh'),
          check('id on the state branch', meshId !== '' && state().current?.meshId === meshId)
        ]
      }
    },
    {
      name: 'keep',
      title: '3/6 the same apply again: keep, nothing sent',
      modes: ['apply'],
      check: ([apply], calls) => [
        exit0(apply),
        is(apply, 'decision', 'keep'),
        nothingSent(calls),
        check('same service-mesh-id', output(apply, 'service-mesh-id') === meshId)
      ]
    },
    {
      name: 'update',
      title: '4/6 the spec gains a tag and tracing: planned on the pull request, then updated in place',
      prepare: async () => `added to the copy of ${SPEC}: ${await addToSpec(specFile, ADDED)}`,
      modes: ['plan', 'apply'],
      check: ([plan, apply], calls) => [
        exit0(plan),
        is(plan, 'decision', 'update'),
        exit0(apply),
        oneComment(`still one comment on #${PR} (updated)`),
        is(apply, 'updated', 'true'),
        sentOnce(calls, 'UpdateMeshFeature'),
        sentOnce(calls, 'TagResources'),
        check(`live TraceSampling ${SAMPLING}`, live() === SAMPLING)
      ]
    },
    {
      name: 'drift',
      title: `5/6 drift: TraceSampling set to ${DRIFTED} behind the action's back; apply reports it, sets it back`,
      prepare: () => {
        world.cloud.lifecycle.drift(meshId, { TraceSampling: DRIFTED })
        return `emulator: TraceSampling=${DRIFTED} on the live mesh, as another tool would set it`
      },
      modes: ['apply'],
      check: ([apply], calls) => [
        exit0(apply),
        is(apply, 'updated', 'true'),
        check(`drift: tracing.sampling live ${DRIFTED}`, drifted(apply)),
        sentOnce(calls, 'UpdateMeshFeature'),
        check(`live TraceSampling ${SAMPLING} again`, live() === SAMPLING)
      ]
    },
    {
      name: 'destroy',
      title: '6/6 destroy (mode: destroy): delete the recorded mesh, record a tombstone',
      modes: ['destroy'],
      check: ([destroy], calls) => [
        exit0(destroy),
        is(destroy, 'deleted', 'true'),
        sentOnce(calls, 'DeleteServiceMesh'),
        check('mesh gone', !world.cloud.meshes.some(m => m.id === meshId)),
        check(
          'tombstone on the state branch',
          state().tombstone?.meshId === meshId && state().tombstone?.outcome === 'deleted'
        )
      ]
    }
  ]
}

/** Label column, then the text, cut to the screen width. */
const print = (label: string, text: string) => console.log(shorten(label.padEnd(LABEL) + text, WIDTH))

function show(world: World, ran: Ran): void {
  const { mode, result } = ran
  const lines = foldLog(result.shownLog, /^Credentials: /)
  // A plan lists its changes, one line each; an apply's are in its folded summary.
  if (mode === 'plan') lines.push(...foldDiff(result.outputs.diff).map(line => `change: ${line}`))
  lines.push(...foldDrift(result.outputs.drift).map(line => `drift: ${line}`))
  const comment = world.github.comments.find(c => c.issue === PR)
  lines.push(
    mode === 'plan' && comment
      ? `comment #${PR}: ${foldMarkdown(comment.body)}`
      : `job summary: ${foldMarkdown(result.summary)}`
  )
  const id = output(ran, 'service-mesh-id')
  const cut = (line: string) => (id ? line.replaceAll(id, `${id.slice(0, 8)}…`) : line)
  lines.map(cut).forEach((line, i) => print(i === 0 ? mode : '', line))
  print('', `outputs: ${foldOutputs(result.outputs, SHOWN_OUTPUTS)}`)
}

const mark = (checks: Check[]) => (checks.every(c => c.ok) ? '✓' : '✗')

/** One line per step, the whole demo's own check, then the verdict; true when every check passed. */
function recap(world: World, done: Done[]): boolean {
  console.log(`\n${rule('RECAP')}`)
  for (const { step, runs, calls, checks } of done) {
    const decisions = runs.map(ran => `${ran.mode}→${output(ran, 'decision') || '?'}`).join(' ')
    console.log(`${mark(checks)} ${step.name.padEnd(8)} ${decisions.padEnd(26)} ${describeCalls(calls)}`)
  }
  const creates = world.cloud.callsTo('CreateServiceMesh').length
  const whole = check('CreateServiceMesh sent once over the whole demo', creates === 1)
  console.log(
    `${mark([whole])} whole demo: CreateServiceMesh sent ${creates}× in ${world.cloud.calls.length} calls`
  )
  const all = [...done.flatMap(d => d.checks), whole]
  const failed = all.filter(c => !c.ok)
  console.log(
    failed.length === 0
      ? `All ${all.length} checks passed.`
      : `${failed.length} of ${all.length} checks failed: ${failed.map(c => c.label).join('; ')}`
  )
  return failed.length === 0
}

async function runStep(world: World, workspace: string, step: Step): Promise<Done> {
  console.log(`\n${rule(step.title)}`)
  const note = await step.prepare?.()
  if (note) print('before', note)
  const before = world.cloud.callCounts()
  const runs: Ran[] = []
  for (const mode of step.modes) {
    const event = mode === 'plan' ? PR_EVENT : undefined
    const scenario = { workspace, node: RUNNER_NODE.bin, with: { spec: SPEC, mode }, event }
    const result = await runAction(scenarioOptions(world, scenario))
    runs.push({ mode, result })
    show(world, { mode, result })
  }
  const calls = callsSince(before, world.cloud.callCounts())
  const late = runs.filter(ran => ran.result.timedOut).map(ran => check(`${ran.mode} in time`, false))
  const checks = [...late, ...step.check(runs, calls)]
  const items = checks.map(c => `${c.ok ? '✓' : '✗'} ${c.label}`)
  wrapItems(items, WIDTH - LABEL).forEach((line, i) => print(i === 0 ? 'checks' : '', line))
  return { step, runs, calls, checks }
}

async function main(): Promise<number> {
  const world = await startWorld({ provisionMs: PROVISION_MS })
  const workspace = await createWorkspace()
  try {
    await cp(path.join(REPO_ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true })
    console.log(
      `The bundle ${path.relative(REPO_ROOT, DIST)}, started as the runner starts it, under ${RUNNER_NODE.name},\n` +
        `against loopback emulators of the cloud (STS, Service Mesh) and GitHub (OIDC, REST, state branch).\n` +
        `Spec: a temp copy of ${SPEC}. Every run gets GitHub OIDC → STS credentials (log line left out);\n` +
        `mesh ids are cut to 8 characters except in the outputs.`
    )
    const done: Done[] = []
    for (const step of steps(world, path.join(workspace, SPEC)))
      done.push(await runStep(world, workspace, step))
    return recap(world, done) ? 0 : 1
  } finally {
    await Promise.all([world.stop(), rm(workspace, { recursive: true, force: true })])
  }
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
