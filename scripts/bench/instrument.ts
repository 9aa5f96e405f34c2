/**
 * How one benchmark process is measured: wall time from spawn to exit, or, in separate memory runs, peak
 * RSS and the files it loaded, written on exit by preload.mjs (started through NODE_OPTIONS, so the run
 * itself is unchanged). The baseline `node -e 0` is spawned here the way the harness spawns the action.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from '../lib/repo.js'

const PRELOAD = path.join(REPO_ROOT, 'scripts', 'bench', 'preload.mjs')
const BASELINE_TIMEOUT_MS = 10_000

export interface MemoryProbe {
  maxRssKiB: number
  /** file: URLs of every module the process loaded. */
  loaded: string[]
}

/** Runs `run` with the preload in its environment and returns what the preload recorded. */
export async function withMemoryProbe<T>(
  run: (env: Record<string, string>) => Promise<T>
): Promise<{ value: T; probe: MemoryProbe }> {
  const out = path.join(tmpdir(), `asm-bench-${randomUUID()}.json`)
  try {
    const value = await run({
      NODE_OPTIONS: `--import="${pathToFileURL(PRELOAD).href}"`,
      BENCH_PRELOAD_OUT: out
    })
    const probe = JSON.parse(await readFile(out, 'utf8').catch(() => 'null')) as MemoryProbe | null
    if (!probe) throw new Error(`the memory preload wrote nothing to ${out}: did the process start it?`)
    return { value, probe }
  } finally {
    await rm(out, { force: true })
  }
}

export interface Timed {
  ms: number
  exitCode: number | null
}

/** `node -e 0`, spawned and timed as the harness spawns and times the action (stdio piped). */
export function timeNodeEval(node: string, env: Record<string, string>): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(node, ['-e', '0'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout.resume()
    child.stderr.resume()
    const timer = setTimeout(() => child.kill('SIGKILL'), BASELINE_TIMEOUT_MS)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', exitCode => {
      clearTimeout(timer)
      resolve({ ms: performance.now() - started, exitCode })
    })
  })
}
