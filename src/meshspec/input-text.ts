/** The spec file's bytes → text: bounded in size, UTF-8 (RFC 3629) and printable as YAML 1.2 wants. */
import { isUtf8 } from 'node:buffer'
import { LineIndex } from './lines.js'
import { type Problems, START } from './problems.js'
import { FILE_RULES } from './rulebook.js'
import type { Position } from './tree.js'

export const MAX_SPEC_BYTES = 1024 * 1024

/** Bytes → text, or undefined with a diagnostic for oversized, binary or non-UTF-8 input. */
export function decodeText(input: Uint8Array, problems: Problems): string | undefined {
  if (input.length > MAX_SPEC_BYTES) {
    // No size in `found`: a file is read only up to one byte past the limit (workspace.ts).
    problems.report(FILE_RULES.size, START, '', 'the spec file is larger than 1 MiB')
    return undefined
  }
  const nul = input.indexOf(0)
  if (nul >= 0) {
    problems.report(
      FILE_RULES.text,
      bytePosition(input, nul),
      '',
      'the file contains NUL bytes: it looks binary, not a YAML text file'
    )
    return undefined
  }
  // The native check first: the byte loop below only has to find where a file goes wrong.
  const invalid = isUtf8(input) ? -1 : firstInvalidUtf8(input)
  if (invalid >= 0) {
    problems.report(FILE_RULES.text, bytePosition(input, invalid), '', 'the file is not valid UTF-8', {
      found: `byte 0x${input[invalid].toString(16).padStart(2, '0')} at offset ${invalid}`
    })
    return undefined
  }
  const text = new TextDecoder('utf-8').decode(input)
  // YAML 1.2 allows only printable characters (tab, line breaks and the printable Unicode ranges).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.exec(text)
  if (control) {
    problems.report(
      FILE_RULES.text,
      new LineIndex(text).range(control.index, control.index + 1),
      '',
      'the file contains a control character, which YAML 1.2 does not allow',
      {
        found: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      }
    )
    return undefined
  }
  return text
}

function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const column = offset - lineStart + 1
  return { line, column, endLine: line, endColumn: column + 1 }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    const second = bytes[i + 1]
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    if (second < low || second > high) return i
    for (let j = 2; j < length; j++) if ((bytes[i + j] & 0xc0) !== 0x80) return i
    i += length
  }
  return -1
}
