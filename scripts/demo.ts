/**
 * `npm run demo`: the bundled action (dist/index.js, started as actions/runner starts it, under Node 24)
 * against the loopback cloud and GitHub emulators, on a copy of examples/: the four runs a user meets
 * first, each shown as the Actions log, the outputs and the job summary would show it.
 * Exit 0 when every run behaved as described, 1 otherwise.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { caEnv } from '../__tests__/support/ca-fixture.js'
import {
  callsNamed,
  scenarioOptions,
  startWorld,
  stateOnBranch,
  type World
} from '../__tests__/support/e2e.js'
import { RUNNER_NODE } from '../__tests__/support/node-versions.js'
import {
  createWorkspace,
  maskedLog,
  runAction,
  type RunOptions,
  type RunResult
} from '../__tests__/support/runner.js'
import { DIST_ENTRY, REPO_ROOT } from './lib/repo.js'
import { banner, markdownTable, section, shorten } from './lib/text.js'

const SPEC = 'examples/full.yaml'
const STATE_KEY = 'cn-hangzhou/prod-mesh'
const PULL_REQUEST = 12
/** Long enough that the log shows the wait, short enough for a demo. */
const PROVISION_MS = 4000

interface Check {
  label: string
  ok: boolean
}

interface Step {
  title: string
  /** What the reader should see happen. */
  expected: string
  /** Run before the step, e.g. to edit the spec. */
  prepare?: () => Promise<string | undefined>
  options: RunOptions
  check: (result: RunResult) => Check[]
}

interface Observed {
  step: Step
  result: RunResult
  checks: Check[]
}

const createCalls = (world: World) => callsNamed(world.cloud, 'CreateServiceMesh').length

function steps(world: World, workspace: string): Step[] {
  const base = (withValues: Record<string, string | number | boolean>, event?: RunOptions['event']) => ({
    ...scenarioOptions(world, { workspace, with: { spec: SPEC, ...withValues }, event }),
    node: RUNNER_NODE.bin,
    dist: DIST_ENTRY,
    // As a workflow maps them from repository secrets: the runner masks them from the start.
    secrets: Object.values(caEnv())
  })
  let meshId = ''
  return [
    {
      title: '(1) plan on a pull request: examples/full.yaml, state on the asm-state branch, sticky comment',
      expected: 'exit 0, every parameter added, nothing created, one plan comment on the pull request',
      options: base(
        { mode: 'plan' },
        {
          name: 'pull_request',
          payload: {
            number: PULL_REQUEST,
            pull_request: { number: PULL_REQUEST, head: { ref: 'mesh-tuning' }, base: { ref: 'main' } }
          }
        }
      ),
      check: result => [
        { label: 'exit code 0', ok: result.exitCode === 0 },
        { label: 'changed = true', ok: result.outputs.changed === 'true' },
        { label: 'created = false', ok: result.outputs.created === 'false' },
        { label: 'no service-mesh-id yet', ok: !result.outputs['service-mesh-id'] },
        { label: 'no CreateServiceMesh call', ok: createCalls(world) === 0 },
        {
          label: 'one plan comment on the pull request',
          ok: world.github.comments.filter(c => c.issue === PULL_REQUEST).length === 1
        }
      ]
    },
    {
      title: `(2) apply with OIDC, waiting until the mesh runs (the emulator provisions in ${PROVISION_MS / 1000} s)`,
      expected: 'exit 0, mesh created and running, its id recorded on the state branch',
      options: base({}),
      check: result => {
        meshId = result.outputs['service-mesh-id'] ?? ''
        return [
          { label: 'exit code 0', ok: result.exitCode === 0 },
          { label: 'created = true', ok: result.outputs.created === 'true' },
          { label: 'mesh-state = running', ok: result.outputs['mesh-state'] === 'running' },
          { label: 'one CreateServiceMesh call', ok: createCalls(world) === 1 },
          {
            label: 'the log shows the wait',
            ok: result.groups.some(group => /^Waiting for mesh/.test(group))
          },
          {
            label: 'state branch records the mesh id',
            ok: meshId !== '' && stateOnBranch(world, STATE_KEY)?.document.current?.meshId === meshId
          }
        ]
      }
    },
    {
      title: '(3) the same apply again: nothing to do',
      expected: 'exit 0, same mesh id, no create',
      options: base({}),
      check: result => [
        { label: 'exit code 0', ok: result.exitCode === 0 },
        { label: 'created = false', ok: result.outputs.created === 'false' },
        { label: 'changed = false', ok: result.outputs.changed === 'false' },
        { label: 'same service-mesh-id', ok: meshId !== '' && result.outputs['service-mesh-id'] === meshId },
        { label: 'still one CreateServiceMesh call', ok: createCalls(world) === 1 }
      ]
    },
    {
      title: '(4) apply of a changed spec (tracing.sampling 100 → 50) with on-change: fail',
      expected: 'exit 1 with the diff, no create, the record unchanged',
      prepare: () => editSpec(path.join(workspace, SPEC), '  sampling: 100\n', '  sampling: 50\n'),
      options: base({}),
      check: result => [
        { label: 'exit code 1', ok: result.exitCode === 1 },
        { label: 'changed = true', ok: result.outputs.changed === 'true' },
        {
          label: 'diff names tracing.sampling',
          ok: (result.outputs.diff ?? '').includes('"tracing.sampling"')
        },
        { label: 'still one CreateServiceMesh call', ok: createCalls(world) === 1 },
        {
          label: 'state branch still records the first mesh',
          ok: meshId !== '' && stateOnBranch(world, STATE_KEY)?.document.current?.meshId === meshId
        }
      ]
    }
  ]
}

/** Edits the workspace's copy of the spec; says so when the example no longer has the line. */
async function editSpec(file: string, line: string, replacement: string): Promise<string> {
  const text = await readFile(file, 'utf8')
  if (!text.includes(line)) throw new Error(`${SPEC} has no line "${line.trim()}": update scripts/demo.ts`)
  await writeFile(file, text.replace(line, replacement))
  return `Edited ${SPEC} in the workspace: "${line.trim()}" → "${replacement.trim()}"`
}

/** The step's `with:` as a workflow would write it; env values are secrets and only named. */
function describeStep(options: RunOptions): string {
  const lines = [`event: ${options.event?.name ?? 'push'}`, 'with:']
  for (const [name, value] of Object.entries(options.with ?? {})) lines.push(`  ${name}: ${value}`)
  lines.push(`env: ${Object.keys(options.env ?? {}).join(', ')}`)
  return lines.join('\n')
}

function show(world: World, observed: Observed): void {
  const { step, result, checks } = observed
  banner(step.title)
  section('workflow step', describeStep(step.options))
  section('log (as the Actions log shows it, masks applied)', maskedLog(result))
  section(
    'outputs',
    Object.entries(result.outputs)
      .map(([name, value]) => `${name} = ${shorten(value, 160)}`)
      .join('\n') || '(none)'
  )
  section('job summary', result.summary || '(empty)')
  if (step.options.event?.name === 'pull_request') {
    const comment = world.github.comments.find(c => c.issue === PULL_REQUEST)
    section(`comment on pull request #${PULL_REQUEST}`, comment?.body ?? '(none)')
  }
  section(
    `expected: ${step.expected}`,
    checks.map(check => `${check.ok ? 'ok  ' : 'FAIL'} ${check.label}`).join('\n')
  )
}

function recap(observed: Observed[]): string {
  return markdownTable(
    ['step', 'exit', 'service-mesh-id', 'created', 'changed', 'expected', 'as expected'],
    observed.map(({ step, result, checks }) => [
      step.title.slice(0, 3),
      String(result.exitCode),
      result.outputs['service-mesh-id'] || '—',
      result.outputs.created ?? '—',
      result.outputs.changed ?? '—',
      step.expected,
      checks.every(check => check.ok) ? 'yes' : `NO (${checks.filter(c => !c.ok).length} failed)`
    ])
  )
}

async function main(): Promise<number> {
  const world = await startWorld({ provisionMs: PROVISION_MS })
  const workspace = await createWorkspace()
  try {
    await cp(path.join(REPO_ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true })
    console.log(
      `Bundled action ${path.relative(REPO_ROOT, DIST_ENTRY)} under ${RUNNER_NODE.name}\n` +
        `Cloud emulator (STS + Service Mesh): ${world.cloud.url}   GitHub emulator (OIDC + REST): ${world.github.url}`
    )
    const observed: Observed[] = []
    for (const step of steps(world, workspace)) {
      const note = await step.prepare?.()
      if (note) console.log(`\n${note}`)
      const result = await runAction(step.options)
      const checks = step.check(result)
      if (result.timedOut) checks.unshift({ label: 'finished in time', ok: false })
      observed.push({ step, result, checks })
      show(world, observed[observed.length - 1])
    }
    banner('recap')
    console.log(recap(observed))
    const failed = observed.filter(o => !o.checks.every(check => check.ok)).length
    console.log(
      failed === 0 ? '\nEvery step behaved as expected.' : `\n${failed} step(s) did not behave as expected.`
    )
    return failed === 0 ? 0 : 1
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
