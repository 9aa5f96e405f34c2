/** The benchmark's tables and its verdict on each performance target, as markdown. */
import { fileURLToPath } from 'node:url'
import { markdownTable } from '../lib/text.js'
import { LAZY_PACKAGES, type DistFile } from './dist-files.js'
import type { Calls, RowKey, Waited } from './scenarios.js'
import { spread, type Spread } from './stats.js'

export interface RowData {
  times: number[]
  rssKiB: number[]
  /** file: URLs loaded in the memory runs. */
  loaded: Set<string>
  calls: Calls[]
}

export interface BenchData {
  node: string
  machine: string
  date: string
  probeFlags: string[]
  rows: Record<RowKey, RowData>
  waiting: { provisionMs: number; runs: Waited[]; rssKiB: number[] }
  dist: DistFile[]
}

export interface Target {
  target: string
  measured: string
  pass: boolean
}

const LABELS: Record<RowKey, string> = {
  baseline: '`node -e 0` (baseline)',
  floor: 'floor: bundle of `@actions/core` + `yaml` only',
  failFast: 'fail-fast: required input `spec` missing',
  plan: '`plan` of examples/reference/all-parameters.yaml, `state: file`, no network',
  apply: '`apply` of examples/reference/all-parameters.yaml, OIDC, `wait: false`',
  rerun: 'no-op re-run of that apply',
  update: 'update apply of that mesh (`tracing.sampling` changed), `wait: false`',
  driftPlan: '`plan` of that mesh after a live change (drift), OIDC'
}
const ROW_ORDER: RowKey[] = ['baseline', 'floor', 'failFast', 'plan', 'apply', 'rerun', 'update', 'driftPlan']

const PLAN_VS_FLOOR = 1.1
const FAIL_FAST_VS_FLOOR = 1.05
/** "700 KB" read as 700,000 bytes, the stricter reading. */
const START_CHUNK_BYTES = 700_000
const PLAN_RSS_MIB = 64
const MAX_LAG_MS = 5000
const MIN_POLL_INTERVAL_MS = 5000

const ms = (value: number) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`
const times = (ratio: number) => `${ratio.toFixed(2)}×`
const bytes = (n: number) => n.toLocaleString('en-US')
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

/** Distinct values of one call count over the runs: `1`, or `1–2` when they differ. */
function countRange(calls: Calls[], pick: (c: Calls) => number): string {
  if (calls.length === 0) return '—'
  const { min, max } = spread(calls.map(pick))
  return min === max ? String(min) : `${min}–${max}`
}

function distNamesLoaded(loaded: Set<string>, dist: DistFile[]): string[] {
  const paths = new Set([...loaded].map(url => fileURLToPath(url)))
  return dist.filter(file => paths.has(file.path)).map(file => file.name)
}

export function analyse(data: BenchData) {
  const stats = Object.fromEntries(ROW_ORDER.map(key => [key, spread(data.rows[key].times)])) as Record<
    RowKey,
    Spread
  >
  const base = stats.baseline.median
  return { stats, base, targets: targets(data, stats) }
}

function timesTable(data: BenchData, stats: Record<RowKey, Spread>, base: number): string {
  const cell = (value: number) => `${ms(value)} · ${times(value / base)}`
  const rows = ROW_ORDER.map(key => {
    const row = data.rows[key]
    const rss = spread(row.rssKiB)
    const loaded =
      key === 'baseline' ? '—' : distNamesLoaded(row.loaded, data.dist).join(', ') || 'probe only'
    return [
      LABELS[key],
      cell(stats[key].median),
      cell(stats[key].min),
      cell(stats[key].max),
      key === 'baseline' || key === 'floor' ? '—' : times(stats[key].median / stats.floor.median),
      `${mib(rss.median)} (max ${mib(rss.max)})`,
      key === 'floor' ? 'build/bench-probe/index.js' : loaded
    ]
  })
  return markdownTable(
    ['run', 'median', 'min', 'max', 'median ÷ floor', 'peak RSS, median (max)', 'dist files loaded'],
    rows
  )
}

function callsTable(data: BenchData): string {
  const entries: [string, Calls[]][] = [
    [LABELS.apply, data.rows.apply.calls],
    [LABELS.rerun, data.rows.rerun.calls],
    [LABELS.update, data.rows.update.calls],
    [LABELS.driftPlan, data.rows.driftPlan.calls],
    [
      `\`apply\` + wait (provisioning ${data.waiting.provisionMs / 1000} s)`,
      data.waiting.runs.map(r => r.calls)
    ]
  ]
  return markdownTable(
    [
      'run',
      'OIDC token',
      'STS AssumeRoleWithOIDC',
      'DescribeServiceMeshes',
      'CreateServiceMesh',
      'DescribeServiceMeshDetail',
      'ListTagResources',
      'update calls',
      'GitHub API reads (state)',
      'GitHub API writes (state)'
    ],
    entries.map(([label, calls]) => [
      label,
      countRange(calls, c => c.token),
      countRange(calls, c => c.sts),
      countRange(calls, c => c.list),
      countRange(calls, c => c.create),
      countRange(calls, c => c.detail),
      countRange(calls, c => c.tags),
      countRange(calls, c => c.updates),
      countRange(calls, c => c.stateReads),
      countRange(calls, c => c.stateWrites)
    ])
  )
}

function waitingTable(data: BenchData): string {
  const { runs } = data.waiting
  const rows = runs.map((run, i) => [
    String(i + 1),
    seconds(run.lagMs),
    String(run.polls),
    seconds(run.waitedMs),
    seconds(run.waitedMs / run.polls),
    mib(data.waiting.rssKiB[i] ?? NaN)
  ])
  const lag = spread(runs.map(r => r.lagMs))
  rows.push([
    '**median**',
    `**${seconds(lag.median)}** (min ${seconds(lag.min)}, max ${seconds(lag.max)})`,
    String(spread(runs.map(r => r.polls)).median),
    seconds(spread(runs.map(r => r.waitedMs)).median),
    seconds(meanPollInterval(runs)),
    ''
  ])
  return markdownTable(
    ['run', 'lag: running → exit', 'polls', 'create → exit', 'mean poll interval', 'peak RSS'],
    rows
  )
}

function distTable(data: BenchData): string {
  const loadedBy = (file: DistFile) =>
    ROW_ORDER.filter(
      key => key !== 'baseline' && distNamesLoaded(data.rows[key].loaded, data.dist).includes(file.name)
    ).join(', ') || '—'
  return markdownTable(
    ['file', 'bytes', 'size', 'lines', 'carries', 'loaded by'],
    data.dist.map(file => [
      `dist/${file.name}`,
      bytes(file.bytes),
      kib(file.bytes),
      bytes(file.lines),
      file.name === 'index.js' ? 'start chunk' : file.packages.join(', ') || '—',
      file.name.endsWith('.js') ? loadedBy(file) : '—'
    ])
  )
}

const meanPollInterval = (runs: Waited[]) =>
  runs.reduce((sum, r) => sum + r.waitedMs, 0) /
  Math.max(
    1,
    runs.reduce((sum, r) => sum + r.polls, 0)
  )

function ratioTarget(name: string, row: Spread, floor: Spread, limit: number): Target {
  const ratio = row.median / floor.median
  const over = row.median - limit * floor.median
  return {
    target: `${name} ≤ ${times(limit)} the floor`,
    // Three decimals: a miss by 0.004× must not print as "1.05× ≤ 1.05×".
    measured:
      `${ratio.toFixed(3)}× (${ms(row.median)} vs floor ${ms(floor.median)})` +
      (ratio > limit ? `: over by ${(ratio - limit).toFixed(3)}×, ${ms(over)}` : ''),
    pass: ratio <= limit
  }
}

function targets(data: BenchData, stats: Record<RowKey, Spread>): Target[] {
  const start = data.dist.find(file => file.name === 'index.js')
  const list: Target[] = [
    ratioTarget('`plan` of the reference example', stats.plan, stats.floor, PLAN_VS_FLOOR),
    ratioTarget('fail-fast', stats.failFast, stats.floor, FAIL_FAST_VS_FLOOR),
    {
      target: 'start chunk dist/index.js ≤ 700 KB (700,000 bytes)',
      measured: start
        ? `${bytes(start.bytes)} bytes (${kib(start.bytes)})` +
          (start.bytes > START_CHUNK_BYTES ? `: over by ${bytes(start.bytes - START_CHUNK_BYTES)} bytes` : '')
        : 'dist/index.js missing',
      pass: start !== undefined && start.bytes <= START_CHUNK_BYTES
    }
  ]
  for (const { name } of LAZY_PACKAGES) {
    const holders = data.dist.filter(file => file.packages.includes(name)).map(file => file.name)
    const loadedBy = (key: RowKey) =>
      holders.some(h => distNamesLoaded(data.rows[key].loaded, data.dist).includes(h))
    const eager = (['failFast', 'plan'] as RowKey[]).filter(loadedBy)
    const pass = holders.length > 0 && !holders.includes('index.js') && eager.length === 0
    list.push({
      target: `\`${name}\` loaded only on paths that use it`,
      measured:
        holders.length === 0
          ? 'not found in dist/ (marker changed? see scripts/bench/dist-files.ts)'
          : `in ${holders.join(', ')}; loaded by ${ROW_ORDER.filter(loadedBy).join(', ') || 'no run'}` +
            (eager.length ? ` (should not be: ${eager.join(', ')})` : '; not by fail-fast or plan'),
      pass
    })
  }
  const planRss = spread(data.rows.plan.rssKiB)
  list.push({
    target: `peak RSS of \`plan\` ≤ ${PLAN_RSS_MIB} MiB`,
    measured:
      `max ${mib(planRss.max)}, median ${mib(planRss.median)}` +
      (planRss.max > PLAN_RSS_MIB * 1024 ? `: over by ${mib(planRss.max - PLAN_RSS_MIB * 1024)}` : ''),
    pass: planRss.max <= PLAN_RSS_MIB * 1024
  })
  const apply = data.rows.apply.calls
  const applyOk = apply.every(c => c.token === 1 && c.sts === 1 && c.list <= 1 && c.create === 1)
  list.push({
    target: '`apply`: 1 token request, 1 STS call, ≤ 1 list, 1 create',
    measured: `token ${countRange(apply, c => c.token)}, STS ${countRange(apply, c => c.sts)}, list ${countRange(apply, c => c.list)}, create ${countRange(apply, c => c.create)}, detail ${countRange(apply, c => c.detail)}`,
    pass: applyOk
  })
  const rerun = data.rows.rerun.calls
  const rerunOk = rerun.every(c => c.stateReads === 1 && c.list + c.detail <= 1)
  list.push({
    target: 'no-op re-run: 1 state read, ≤ 1 cloud read',
    measured:
      `state reads ${countRange(rerun, c => c.stateReads)}, cloud reads ${countRange(rerun, c => c.list + c.detail)}` +
      ` (plus credentials: token ${countRange(rerun, c => c.token)}, STS ${countRange(rerun, c => c.sts)})`,
    pass: rerunOk
  })
  // The fewest calls (docs/contract.md §7.1, §7.2): one live read (detail + tags) and one UpdateMeshFeature.
  const update = data.rows.update.calls
  list.push({
    target:
      'update apply (`wait: false`, so no final check): 1 detail read, ≤ 1 tag read, 1 UpdateMeshFeature, no create',
    measured: `updates ${countRange(update, c => c.updates)}, detail ${countRange(update, c => c.detail)}, tags ${countRange(update, c => c.tags)}, create ${countRange(update, c => c.create)}`,
    pass: update.every(c => c.updates === 1 && c.detail === 1 && c.tags <= 1 && c.create === 0)
  })
  const drift = data.rows.driftPlan.calls
  list.push({
    target: 'drift plan: 1 detail read, ≤ 1 tag read, no write',
    measured: `detail ${countRange(drift, c => c.detail)}, tags ${countRange(drift, c => c.tags)}, writes ${countRange(drift, c => c.updates + c.create + c.stateWrites)}`,
    pass: drift.every(c => c.detail === 1 && c.tags <= 1 && c.updates + c.create + c.stateWrites === 0)
  })
  const lag = spread(data.waiting.runs.map(r => r.lagMs))
  list.push({
    target: 'waiting: median lag ≤ 5 s after the mesh is running',
    measured: `${seconds(lag.median)} (max ${seconds(lag.max)})`,
    pass: lag.median <= MAX_LAG_MS
  })
  const interval = meanPollInterval(data.waiting.runs)
  list.push({
    target: 'waiting: at most one poll per 5 s on average',
    measured:
      `one poll per ${seconds(interval)}` +
      (interval < MIN_POLL_INTERVAL_MS
        ? `: ${((MIN_POLL_INTERVAL_MS / interval - 1) * 100).toFixed(0)}% too often`
        : ''),
    pass: interval >= MIN_POLL_INTERVAL_MS
  })
  return list
}

export function render(data: BenchData): string {
  const { stats, base, targets: verdicts } = analyse(data)
  const runs = data.rows.baseline.times.length
  const memoryRuns = data.rows.baseline.rssKiB.length
  return [
    `Measured by \`npm run bench\` on ${data.date} with ${data.node}, the Node \`runs.using: node24\` gets; ` +
      `${data.machine}. Times: medians of ${runs} runs per row; the start-up rows (baseline to \`plan\`) run in ` +
      'rotation, and so do `apply` and its re-run; each time is also given as a ratio ' +
      `to \`node -e 0\` measured in the same bench (absolute times on shared machines are noise). Peak RSS: ` +
      `${memoryRuns} separate runs per row with a preload that records \`process.resourceUsage().maxRSS\`. ` +
      `Floor: a bundle of \`@actions/core\` and \`yaml\` only, built by the bench with the package ` +
      `script's flags (\`ncc build ${data.probeFlags.join(' ')}\`).`,
    '',
    '**Start-up and runs**',
    '',
    timesTable(data, stats, base),
    '',
    '**API calls per run** (from the emulators’ records)',
    '',
    callsTable(data),
    '',
    `**Waiting**: the emulator turns the mesh \`running\` ${data.waiting.provisionMs / 1000} s after ` +
      `CreateServiceMesh; ${data.waiting.runs.length} runs (each takes that long). Lag is measured to the ` +
      'end of the process (an upper bound by the harness’s few ms); these runs carry the memory preload. ' +
      'Back-off (on throttling, on long provisioning) is not exercised here.',
    '',
    waitingTable(data),
    '',
    '**dist/**',
    '',
    distTable(data),
    '',
    '**Targets**',
    '',
    markdownTable(
      ['target', 'measured', 'result'],
      verdicts.map(t => [t.target, t.measured, t.pass ? 'PASS' : 'MISS'])
    )
  ].join('\n')
}
