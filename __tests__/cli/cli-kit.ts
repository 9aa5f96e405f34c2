/**
 * The `asm-mesh` CLI as a user runs it: the bundle built from the current source (ncc, as `npm run
 * package` builds dist/cli, without its type check, which `npm test` runs on its own), started as an
 * executable through its `#!/usr/bin/env node` line, in a directory holding the spec files.
 *
 * CLI_DIST names an already built bundle instead (e.g. the committed dist/cli/index.js).
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from '../support/repo-root.js'

const NCC = path.join(REPO_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

export interface BuiltCli {
  bin: string
  dispose(): Promise<void>
}

export async function buildCli(): Promise<BuiltCli> {
  if (process.env.CLI_DIST) return { bin: path.resolve(process.env.CLI_DIST), dispose: async () => {} }
  const out = await mkdtemp(path.join(tmpdir(), 'asm-cli-dist-'))
  await promisify(execFile)(
    process.execPath,
    [NCC, 'build', 'src/cli/index.ts', '-o', out, '--minify', '--transpile-only', '--quiet'],
    { cwd: REPO_ROOT }
  )
  return { bin: path.join(out, 'index.js'), dispose: () => rm(out, { recursive: true, force: true }) }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout split into lines, without the final empty one. */
  lines: string[]
}

/** Runs `asm-mesh ...args` in `cwd` with only PATH and `env` set (no variables leak in from the test). */
export function runCli(
  bin: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> }
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', code =>
      resolve({ code, stdout, stderr, lines: stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n') })
    )
  })
}

/** 1-based line and column of the first occurrence of `needle` in `text`, as an editor counts them. */
export function positionOf(text: string, needle: string): string {
  const index = text.indexOf(needle)
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found`)
  const before = text.slice(0, index).split('\n')
  return `${before.length}:${before[before.length - 1].length + 1}`
}
