/**
 * Builds the floor probe (probe-entry.js: @actions/core and yaml, then exit) into build/bench-probe with
 * the bundler flags of the package script, so the floor and dist/ differ only in what they bundle.
 */
import { execFile } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { BUILD_DIR, REPO_ROOT } from '../lib/repo.js'

export const PROBE_DIR = path.join(BUILD_DIR, 'bench-probe')
const PROBE_ENTRY = path.join(REPO_ROOT, 'scripts', 'bench', 'probe-entry.js')
const NCC_CLI = path.join(REPO_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const BUILD_TIMEOUT_MS = 180_000

/** The flags of the action's `ncc build <entry> -o <dir> <flags>`: the first command of package.json's "package" script. */
export async function packageFlags(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  const [action = ''] = (manifest.scripts?.package ?? '').split('&&')
  const words = action.split(/\s+/).filter(Boolean)
  if (words[0] !== 'ncc' || words[1] !== 'build')
    throw new Error(`package.json "package" is not an ncc build (${words.join(' ')}): update scripts/bench`)
  const flags: string[] = []
  for (let i = 3; i < words.length; i++) {
    if (words[i] === '-o' || words[i] === '--out') i++
    else flags.push(words[i])
  }
  return flags
}

/** Returns the probe's entry file, freshly built. */
export async function buildFloorProbe(): Promise<{ entry: string; flags: string[] }> {
  const flags = await packageFlags()
  await rm(PROBE_DIR, { recursive: true, force: true })
  await promisify(execFile)(process.execPath, [NCC_CLI, 'build', PROBE_ENTRY, '-o', PROBE_DIR, ...flags], {
    cwd: REPO_ROOT,
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024
  })
  return { entry: path.join(PROBE_DIR, 'index.js'), flags }
}
