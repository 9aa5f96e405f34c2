/**
 * Reading the files a user names on the command line. Unlike the action, any path is fine (the user's own
 * machine, read only); what cannot be read is a message naming the file, never a stack trace.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { MAX_SPEC_BYTES } from './engine.js'

export type Read<T> = { ok: true; value: T } | { ok: false; message: string }

const reason = (error: unknown): string => {
  const { code, message } = error as NodeJS.ErrnoException
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return code ?? message
}

/**
 * The spec's bytes, at most one byte over the engine's size limit: the engine reports an oversized file
 * itself, with the limit, and a huge file is never read whole.
 */
export function readSpecBytes(file: string): Read<Uint8Array> {
  try {
    if (statSync(file).isDirectory()) return { ok: false, message: 'is a directory, not a spec file' }
    const fd = openSync(file, 'r')
    try {
      // Not zero-filled: only the bytes read are returned.
      const buffer = Buffer.allocUnsafe(MAX_SPEC_BYTES + 1)
      let length = 0
      while (length < buffer.length) {
        const bytesRead = readSync(fd, buffer, length, buffer.length - length, null)
        if (bytesRead === 0) break
        length += bytesRead
      }
      return { ok: true, value: buffer.subarray(0, length) }
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    return { ok: false, message: `cannot read the file: ${reason(error)}` }
  }
}

/** The state file's text, or undefined when it does not exist yet (no apply has recorded the mesh). */
export function readStateText(file: string): Read<string | undefined> {
  try {
    if (statSync(file).isDirectory()) return { ok: false, message: 'is a directory, not a state file' }
    return { ok: true, value: readFileSync(file, 'utf8') }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: undefined }
    return { ok: false, message: `cannot read the state file: ${reason(error)}` }
  }
}
