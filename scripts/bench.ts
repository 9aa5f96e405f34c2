/**
 * `npm run bench [-- --write] [-- --runs N]`: the measurements and performance targets, printed as markdown
 * and, with --write, recorded in docs/performance.md. Every child process runs under Node 24
 * with a timeout; every loop is bounded by a run count. A miss is reported, not failed on; a run that did
 * not behave as it should (so measured nothing) fails the bench.
 */
import { cpus, loadavg } from 'node:os'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { RUNNER_NODE } from '../__tests__/support/node-versions.js'
import { distFiles } from './bench/dist-files.js'
import { buildFloorProbe } from './bench/floor-probe.js'
import { withMemoryProbe } from './bench/instrument.js'
import { writePerformanceDoc } from './bench/performance-doc.js'
import { analyse, render, type BenchData, type RowData } from './bench/report.js'
import { prepareFixtures, runs, waitingRun, type RowKey, type Run } from './bench/scenarios.js'
import { REPO_ROOT } from './lib/repo.js'
import { banner } from './lib/text.js'

const MIN_RUNS = 15
const MEMORY_RUNS = 5
const WAITING_RUNS = 3
const PROVISION_MS = 20_000
const PHASES: RowKey[][] = [
  ['baseline', 'floor', 'failFast', 'plan'],
  ['apply', 'rerun', 'update', 'driftPlan']
]

interface Options {
  write: boolean
  runs: number
}

function parseArgs(args: string[]): Options {
  const options: Options = { write: false, runs: MIN_RUNS }
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--write') options.write = true
    else if (args[i] === '--runs' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) >= MIN_RUNS)
      options.runs = Number(args[++i])
    else
      throw new Error(
        `unknown or invalid argument "${args[i]}". Usage: npm run bench [-- --write] [-- --runs N (N ≥ ${MIN_RUNS})]`
      )
  }
  return options
}

const progress = (text: string) => process.stderr.write(text)

/** Each round starts one row later, so no row always runs first (after a pause) or last. */
function rotated<T>(items: T[], round: number): T[] {
  const shift = round % items.length
  return [...items.slice(shift), ...items.slice(0, shift)]
}

interface Session {
  table: Record<RowKey, Run>
  rows: Record<RowKey, RowData>
  problems: string[]
}

/** Records a run's problem (it then measured nothing) and shows progress. */
function note(session: Session, key: string, problem: string | undefined): void {
  if (problem) session.problems.push(`${key}: ${problem}`)
  progress(problem ? '!' : '.')
}

async function timeRows(session: Session, runs: number): Promise<void> {
  // Start-up rows and emulator rows rotate separately: the emulators run in this process, and their
  // work (RSA signing, servers closing) must not land in the start-up numbers.
  for (const phase of PHASES) {
    progress(`\ntimes of ${phase.join(', ')}: ${runs} rounds `)
    for (let round = 0; round < runs; round++) {
      for (const key of rotated(phase, round)) {
        const outcome = await session.table[key]({})
        session.rows[key].times.push(outcome.ms)
        if (outcome.calls) session.rows[key].calls.push(outcome.calls)
        note(session, key, outcome.problem)
      }
    }
  }
}

async function memoryRows(session: Session): Promise<void> {
  const keys = Object.keys(session.table) as RowKey[]
  progress(`\npeak RSS, ${MEMORY_RUNS} rounds `)
  for (let round = 0; round < MEMORY_RUNS; round++) {
    for (const key of rotated(keys, round)) {
      const { value, probe } = await withMemoryProbe(session.table[key])
      session.rows[key].rssKiB.push(probe.maxRssKiB)
      probe.loaded.forEach(url => session.rows[key].loaded.add(url))
      note(session, key, value.problem)
    }
  }
}

async function waitingRows(session: Session): Promise<BenchData['waiting']> {
  progress(`\nwaiting, ${WAITING_RUNS} runs of ${PROVISION_MS / 1000} s `)
  const waiting: BenchData['waiting'] = { provisionMs: PROVISION_MS, runs: [], rssKiB: [] }
  for (let i = 0; i < WAITING_RUNS; i++) {
    const { value, probe } = await withMemoryProbe(waitingRun(PROVISION_MS))
    waiting.runs.push(value)
    waiting.rssKiB.push(probe.maxRssKiB)
    note(session, 'waiting', value.problem)
  }
  progress('\n')
  return waiting
}

async function measure(
  options: Options,
  probe: { entry: string; flags: string[] }
): Promise<{ data: BenchData; problems: string[] }> {
  const fixtures = await prepareFixtures(probe.entry)
  const table = runs(fixtures)
  const keys = Object.keys(table) as RowKey[]
  const emptyRow = (): RowData => ({ times: [], rssKiB: [], loaded: new Set(), calls: [] })
  const session: Session = {
    table,
    rows: Object.fromEntries(keys.map(key => [key, emptyRow()])) as Record<RowKey, RowData>,
    problems: []
  }
  const loadBefore = loadavg()[0]
  try {
    progress('warm-up ')
    for (const key of keys) note(session, key, (await table[key]({})).problem)
    await timeRows(session, options.runs)
    await memoryRows(session)
    const waiting = await waitingRows(session)
    const cpu = cpus()
    return {
      data: {
        node: RUNNER_NODE.name,
        machine:
          `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}, ` +
          `1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after`,
        date: new Date().toISOString().slice(0, 10),
        probeFlags: probe.flags,
        rows: session.rows,
        waiting,
        dist: await distFiles()
      },
      problems: session.problems
    }
  } finally {
    await rm(fixtures.planWorkspace, { recursive: true, force: true })
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  progress('building the floor probe with ncc… ')
  const probe = await buildFloorProbe()
  progress(`${path.relative(REPO_ROOT, probe.entry)}\n`)
  const { data, problems } = await measure(options, probe)

  if (problems.length > 0) {
    banner('runs that did not behave as expected: nothing was measured by them')
    problems.forEach(problem => console.log(`- ${problem}`))
    console.log('\nThe bench is void; docs/performance.md was not written.')
    return 1
  }
  const markdown = render(data)
  banner('benchmark')
  console.log(markdown)
  banner('targets')
  for (const target of analyse(data).targets)
    console.log(`${target.pass ? 'PASS' : 'MISS'}  ${target.target}: ${target.measured}`)
  if (options.write) console.log(`\nWrote ${path.relative(REPO_ROOT, await writePerformanceDoc(markdown))}.`)
  else
    console.log('\ndocs/performance.md unchanged (run `npm run bench -- --write` to record these numbers).')
  return 0
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    console.error(`\nbench: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
