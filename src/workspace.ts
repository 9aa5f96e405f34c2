/**
 * The workspace: what is inside it (for the spec file and the state file), and the spec file read safely
 * from there (no escapes through `..`, absolute paths or links). Synchronous on purpose: a few small reads at
 * start-up, with nothing to overlap them with; the first async fs call would also pay for starting libuv's
 * thread pool.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { ActionError } from './errors.js'
import { MAX_SPEC_BYTES } from './meshspec/input-text.js'

export interface SpecFile {
  /** Workspace-relative path with `/` separators, as annotations want it. */
  relative: string
  bytes: Buffer
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

/**
 * Whether `child` is `parent` or below it (both absolute and resolved). The folder itself counts as
 * inside: a caller that needs a file below it refuses the folder on its own terms ("is a directory").
 */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

export function readSpecFile(workspace: string, specPath: string): SpecFile {
  if (!workspace) {
    throw new ActionError(
      'GITHUB_WORKSPACE is not set',
      'Run the action in a GitHub Actions job (or set GITHUB_WORKSPACE).'
    )
  }
  if (!specPath.trim())
    throw new ActionError('the spec input is empty', 'Set spec: to the path of the mesh spec file.')
  if (specPath.includes('\0'))
    throw new ActionError('the spec path contains a NUL character', 'Fix the spec input.')
  const root = path.resolve(workspace)
  const candidate = path.resolve(root, specPath)
  const relative = path.relative(root, candidate).split(path.sep).join('/')
  const advice = `Give spec: as a path relative to the workspace (${root}), without .. leaving it.`
  if (!isInside(root, candidate)) {
    throw new ActionError(`the spec path ${JSON.stringify(specPath)} points outside the workspace`, advice)
  }

  let real: string
  try {
    real = realpathSync.native(candidate)
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') {
      throw new ActionError(
        `spec file not found: ${relative} (tried ${candidate})`,
        'Check the spec input, and run actions/checkout before this step.'
      )
    }
    throw new ActionError(`cannot resolve the spec path ${relative}: ${code(error) ?? String(error)}`, advice)
  }
  const realRoot = realRootOf(root)
  if (!isInside(realRoot, real)) {
    throw new ActionError(`the spec path ${relative} is a link to a file outside the workspace`, advice)
  }

  try {
    return { relative, bytes: readRegularFile(real, relative, advice) }
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(`cannot read the spec file ${relative}: ${code(error) ?? String(error)}`, advice)
  }
}

function realRootOf(root: string): string {
  try {
    return realpathSync.native(root)
  } catch {
    return root
  }
}

function readRegularFile(real: string, relative: string, advice: string): Buffer {
  const info = statSync(real)
  if (info.isDirectory()) {
    throw new ActionError(`the spec path ${relative} is a directory`, 'Point spec: at the YAML file itself.')
  }
  if (!info.isFile()) throw new ActionError(`the spec path ${relative} is not a regular file`, advice)

  return readBoundedFile(real)
}

/**
 * A spec file's bytes, at most one byte more than MAX_SPEC_BYTES: enough for the spec engine to refuse
 * a larger file (meshspec/input-text.ts), whatever its size, without ever reading it whole. Not zero-filled: only the bytes read are
 * returned, and the pages never written cost no memory.
 */
export function readBoundedFile(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(MAX_SPEC_BYTES + 1)
    let length = 0
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}
