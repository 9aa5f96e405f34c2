/**
 * Text offsets → 1-based line and column. Lines end at each `\n` of the text itself (so CRLF counts once
 * and a CR stays part of its line); columns count UTF-16 code units, as offsets into a JS string do.
 * yaml's LineCounter is not used: it learns line breaks from the lexer and misses those inside some
 * error-recovery tokens, so every later position would be a line off.
 */
import type { Position } from './tree.js'

export class LineIndex {
  /** Offset of the first character of each line, ascending; line 1 starts at 0. */
  private readonly starts: number[] = [0]
  private readonly length: number

  constructor(text: string) {
    this.length = text.length
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }

  /** The range from `start` to `end`, each clamped into the text (and `end` to no earlier than `start`). */
  range(start: number, end = start): Position {
    const from = this.clamp(start, 0)
    const [line, column] = this.lineColumn(from)
    const [endLine, endColumn] = this.lineColumn(this.clamp(end, from))
    return { line, column, endLine, endColumn }
  }

  private clamp(offset: number, min: number): number {
    return Math.min(Math.max(offset, min), this.length)
  }

  /** Binary search for the last line starting at or before `offset`. */
  private lineColumn(offset: number): [number, number] {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.starts[mid] <= offset) low = mid
      else high = mid - 1
    }
    return [low + 1, offset - this.starts[low] + 1]
  }
}
