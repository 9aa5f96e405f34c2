/**
 * The runner's parser for GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV files (FileCommandManager.cs,
 * docs/reference/runner-contract.md §1.4), as on Linux: lines split on LF only, empty lines skipped, and for each line
 * whichever of `=` or `<<` comes first decides between `NAME=value` and a heredoc whose value runs up
 * to a line exactly equal to the delimiter. Any error fails the step.
 */

export class FileCommandError extends Error {}

interface Line {
  text: string
  /** false only for the last piece of a file that does not end with LF */
  terminated: boolean
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start < text.length) {
    const lf = text.indexOf('\n', start)
    const end = lf < 0 ? text.length : lf
    lines.push({ text: text.slice(start, end), terminated: lf >= 0 })
    start = end + 1
  }
  return lines
}

/** Key/value pairs in file order; later duplicates win when the caller folds them into a record. */
export function parseKeyValueFile(text: string): [string, string][] {
  const pairs: [string, string][] = []
  const lines = splitLines(text)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const key = line.slice(0, equals)
      if (key === '') throw new FileCommandError(`Invalid format '${line}'. Name must not be empty`)
      pairs.push([key, line.slice(equals + 1)])
    } else if (heredoc >= 0) {
      const key = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (key === '' || delimiter === '') {
        throw new FileCommandError(`Invalid format '${line}'. Name and delimiter must not be empty`)
      }
      const body: string[] = []
      let closed = false
      while (++i < lines.length) {
        if (lines[i].text === delimiter) {
          closed = true
          break
        }
        if (!lines[i].terminated) throw new FileCommandError('Invalid value. EOF marker missing new line.')
        body.push(lines[i].text)
      }
      if (!closed) throw new FileCommandError(`Invalid value. Matching delimiter not found '${delimiter}'`)
      pairs.push([key, body.join('\n')])
    } else {
      throw new FileCommandError(`Invalid format '${line}'`)
    }
  }
  return pairs
}

/** GITHUB_PATH: every non-empty line is a directory to prepend to PATH. */
export function parsePathFile(text: string): string[] {
  return splitLines(text)
    .map(line => line.text)
    .filter(line => line !== '')
}

/** The runner refuses to let a step set NODE_OPTIONS for later steps (FileCommandManager.cs). */
export function checkEnvPair([name]: [string, string]): void {
  if (name.toUpperCase() === 'NODE_OPTIONS') {
    throw new FileCommandError("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.")
  }
}

/** Step summaries over 1 MiB are not uploaded (CreateStepSummaryCommand.AttachmentSizeLimit). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

export function summaryTooLargeMessage(bytes: number): string {
  return `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.floor(bytes / 1024)}k`
}
