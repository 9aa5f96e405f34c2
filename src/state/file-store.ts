/**
 * `state: file`: the state document as a JSON file in the workspace.
 *
 * Revision = sha256 of the file's bytes. A write is a compare-and-swap between processes on one machine:
 * take `<file>.lock` (O_EXCL), re-check the revision, write a temp file and rename it over the record,
 * release the lock. A lock left by a crashed process is broken once it is older than `staleLockMs`.
 */
import { createHash, randomBytes } from 'node:crypto'
import { constants, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { realSleep } from '../clock.js'
import { ActionError } from '../errors.js'
import { POLL } from '../retry.js'
import { isInside } from '../workspace.js'
import { parsedOrUndefined, parseStateDocument, serialiseStateDocument } from './document.js'
import type { StateDocument } from './record.js'
import {
  MAX_SIBLINGS,
  StateConflictError,
  type StateRead,
  type StateStore,
  type StateWrite
} from './store.js'

export interface FileStoreOptions {
  workspace: string
  /** Relative to the workspace; must stay inside it. */
  path: string
  /** A lock file older than this is left over from a crashed run and is broken (default POLL.fileLock). */
  staleLockMs?: number
  /** Give up waiting for a live lock after this long (default POLL.fileLock). */
  lockTimeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')
const code = (error: unknown) => (error as NodeJS.ErrnoException).code

/** The record's absolute path; the path must be relative and stay inside the workspace, links included. */
async function resolveInside(workspace: string, relative: string): Promise<string> {
  const outside = () =>
    new ActionError(
      `state-file "${relative}" must be a path inside the workspace.`,
      'Use a relative path such as .asm-state/<name>.json, without ".." leading out of the workspace.'
    )
  if (relative.trim() === '' || path.isAbsolute(relative)) throw outside()
  const root = await fs.realpath(workspace)
  const target = path.resolve(root, relative)
  // The workspace itself is no file to write.
  if (target === root || !isInside(root, target)) throw outside()
  // A symbolic link on the way must not lead out either: check the deepest part that exists.
  let existing = target
  for (;;) {
    try {
      const real = await fs.realpath(existing)
      if (!isInside(root, real)) throw outside()
      return target
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error
      existing = path.dirname(existing)
    }
  }
}

export function createFileStore(options: FileStoreOptions): StateStore {
  const staleLockMs = options.staleLockMs ?? POLL.fileLock.staleAfterMs
  const lockTimeoutMs = options.lockTimeoutMs ?? POLL.fileLock.forMs
  const sleep = options.sleep ?? realSleep
  const description = `file ${options.path}`
  const source = {
    description,
    reset:
      `Repair ${options.path} in the workspace, restore it from an earlier copy, or delete it to start over ` +
      '(the next apply then adopts the mesh by name and region, or creates one).'
  }
  const unreadable = (error: unknown, what: string) => unusable(options.path, error, what)

  let resolved: Promise<string> | undefined
  const file = () =>
    (resolved ??= resolveInside(options.workspace, options.path).catch((error: unknown) => {
      throw error instanceof ActionError ? error : unreadable(error, 'locate')
    }))

  return {
    description,

    async read(): Promise<StateRead> {
      const bytes = await readBytes(await file(), options.path)
      if (bytes === undefined) return {}
      return { document: parseStateDocument(bytes.toString('utf8'), source), revision: sha256(bytes) }
    },

    async siblings(): Promise<StateDocument[]> {
      const target = await file()
      const names = await fs.readdir(path.dirname(target)).catch(() => [] as string[])
      const others = names
        .filter(name => name.endsWith('.json') && name !== path.basename(target))
        .slice(0, MAX_SIBLINGS)
      const documents: StateDocument[] = []
      for (const name of others) {
        const bytes = await readBytes(path.join(path.dirname(target), name), name).catch(() => undefined)
        const document = bytes && parsedOrUndefined(bytes.toString('utf8'), source)
        if (document) documents.push(document)
      }
      return documents
    },

    async write(
      document: StateDocument,
      expected: string | undefined,
      _message: string
    ): Promise<StateWrite> {
      const target = await file()
      const text = serialiseStateDocument(document)
      try {
        await fs.mkdir(path.dirname(target), { recursive: true })
      } catch (error) {
        throw unreadable(error, 'create the directory of')
      }
      const release = await acquire(`${target}.lock`, {
        file: options.path,
        staleLockMs,
        lockTimeoutMs,
        sleep
      })
      try {
        const current = await readBytes(target, options.path)
        const revision = current === undefined ? undefined : sha256(current)
        if (revision !== expected) {
          throw new StateConflictError(`the state file ${options.path} changed since it was read`)
        }
        const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
        try {
          await fs.writeFile(temp, text, { flush: true })
          await fs.rename(temp, target)
        } catch (error) {
          await fs.rm(temp, { force: true })
          throw unreadable(error, 'write')
        }
        return { revision: sha256(text), location: options.path }
      } finally {
        await release()
      }
    }
  }
}

function unusable(file: string, error: unknown, what: string): ActionError {
  return new ActionError(
    `Cannot ${what} the state file ${file}: ${(error as Error).message}`,
    'Check that the path is a regular file the runner user may read and write.'
  )
}

async function readBytes(target: string, file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(target)
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined
    throw unusable(file, error, 'read')
  }
}

/**
 * Breaks the lock if it is stale; true when the lock is gone (broken or released meanwhile). The stale
 * file is moved aside first, so of two breakers only one moves it, and put back if it turns out to be a
 * fresh lock taken in between. A narrow window remains, but only right after a crash left a lock behind.
 */
async function breakIfStale(lock: string, staleLockMs: number): Promise<boolean> {
  let stat
  try {
    stat = await fs.stat(lock)
  } catch (error) {
    if (code(error) === 'ENOENT') return true
    throw error
  }
  if (Date.now() - stat.mtimeMs < staleLockMs) return false
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`
  try {
    await fs.rename(lock, aside)
  } catch (error) {
    if (code(error) === 'ENOENT') return true
    throw error
  }
  const moved = await fs.stat(aside)
  const fresh = moved.ino !== stat.ino
  // A fresh lock taken between our stat and rename goes back, unless yet another one exists by now.
  if (fresh) await fs.link(aside, lock).catch(() => undefined)
  await fs.rm(aside, { force: true })
  return !fresh
}

interface LockOptions {
  file: string
  staleLockMs: number
  lockTimeoutMs: number
  sleep: (ms: number) => Promise<void>
}

async function acquire(lock: string, options: LockOptions): Promise<() => Promise<void>> {
  const { file, staleLockMs, lockTimeoutMs, sleep } = options
  const deadline = Date.now() + lockTimeoutMs
  for (;;) {
    try {
      const handle = await fs.open(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY)
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`)
      await handle.close()
      return () => fs.rm(lock, { force: true })
    } catch (error) {
      if (code(error) !== 'EEXIST') throw unusable(file, error, 'lock')
    }
    const gone = await breakIfStale(lock, staleLockMs).catch((error: unknown) => {
      throw unusable(file, error, 'lock')
    })
    if (gone) continue
    if (Date.now() >= deadline) {
      throw new ActionError(
        `The state file ${file} stayed locked by another run for ${Math.round(lockTimeoutMs / 1000)} s.`,
        `If no other run is writing it, delete ${file}.lock.`
      )
    }
    await sleep(POLL.fileLock.everyMs)
  }
}
