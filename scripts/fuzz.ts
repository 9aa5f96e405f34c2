/**
 * npm run fuzz: the spec pipeline's properties (see __tests__/reliability/spec-fuzz.ts) over 10,000+
 * generated inputs, with a fresh seed unless --seed is given. Unlike the short suite in npm test it does
 * not stop at the first failure: it runs every case, keeps the smallest failing input of each kind,
 * and prints counts, the slowest case and the peak heap. Exit code 1 when any property failed.
 *
 *   npm run fuzz -- [--runs <cases per family>] [--seed <n>]
 */
import fc from 'fast-check'
import { parseArgs } from 'node:util'
import { checkSpecCase, FUZZ_FAMILIES } from '../__tests__/reliability/spec-fuzz.js'

const DEFAULT_RUNS = 2600

interface FamilyStats {
  name: string
  cases: number
  valid: number
  rejected: number
  totalMs: number
  slowestMs: number
  failures: Map<string, Uint8Array>
}

function options(): { runs: number; seed: number } {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } })
  const runs = Number(values.runs ?? DEFAULT_RUNS)
  const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31))
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number`)
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number`)
  return { runs, seed }
}

/** A failure message without its numbers and JSON, so one kind of failure is kept once. */
const kindOf = (message: string): string =>
  message
    .split('\n')[0]
    .replace(/\{.*\}/, '{…}')
    .replace(/\d+/g, 'N')

let peakHeap = 0
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
}

function fuzzFamily(name: string, arbitrary: fc.Arbitrary<Uint8Array>, runs: number, seed: number) {
  const stats: FamilyStats = {
    name,
    cases: 0,
    valid: 0,
    rejected: 0,
    totalMs: 0,
    slowestMs: 0,
    failures: new Map()
  }
  for (const input of fc.sample(arbitrary, { numRuns: runs, seed })) {
    stats.cases++
    try {
      const outcome = checkSpecCase(input)
      stats.totalMs += outcome.ms
      stats.slowestMs = Math.max(stats.slowestMs, outcome.ms)
      if (outcome.valid) stats.valid++
      else stats.rejected++
    } catch (error) {
      const kind = kindOf((error as Error).message)
      const smallest = stats.failures.get(kind)
      if (!smallest || input.length < smallest.length) stats.failures.set(kind, input)
      if (!smallest) console.error(`  ${name}: ${(error as Error).message.split('\n')[0]}`)
    }
    if (stats.cases % 64 === 0) sampleHeap()
  }
  sampleHeap()
  return stats
}

function main(): void {
  const { runs, seed } = options()
  console.log(`Fuzzing evaluateSpec: ${FUZZ_FAMILIES.length} families x ${runs} cases, seed ${seed}`)
  const started = performance.now()
  const all = FUZZ_FAMILIES.map(({ name, arbitrary }, index) =>
    fuzzFamily(name, arbitrary, runs, seed + index)
  )
  const seconds = (performance.now() - started) / 1000

  const rows = all.map(s => ({
    family: s.name,
    cases: s.cases,
    valid: s.valid,
    rejected: s.rejected,
    failed: s.cases - s.valid - s.rejected,
    'mean ms': Number((s.totalMs / Math.max(1, s.valid + s.rejected)).toFixed(3)),
    'slowest ms': Number(s.slowestMs.toFixed(1))
  }))
  console.table(rows)
  const total = rows.reduce((sum, r) => sum + r.cases, 0)
  const failed = rows.reduce((sum, r) => sum + r.failed, 0)
  const slowest = all.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a))
  console.log(`cases: ${total} (valid ${rows.reduce((sum, r) => sum + r.valid, 0)}, failed ${failed})`)
  console.log(`slowest case: ${slowest.slowestMs.toFixed(1)} ms (${slowest.name})`)
  console.log(
    `peak heap: ${(peakHeap / 2 ** 20).toFixed(1)} MiB; max RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`
  )
  console.log(`wall time: ${seconds.toFixed(1)} s; reproduce with --seed ${seed} --runs ${runs}`)

  for (const s of all)
    for (const [kind, input] of s.failures)
      console.error(
        `\nFAILED (${s.name}): ${kind}\n  smallest input: ${JSON.stringify(Buffer.from(input).toString('utf8'))}`
      )
  if (failed > 0) process.exitCode = 1
}

main()
