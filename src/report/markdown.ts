/**
 * GitHub-flavoured Markdown building blocks for the job summary and the PR comment. Values from the spec
 * are rendered inert (no emphasis, links, HTML or broken tables) and bounded in length.
 */

/** Cuts to at most `max` characters (code points, so no surrogate pair is split), marking the cut with …. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value)
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`
}

/** Plain text on one line, with every character Markdown could act on backslash-escaped. */
export function text(value: string): string {
  return oneLine(value).replace(/[\\`*_{}[\]()<>|#+!~&]/g, '\\$&')
}

/**
 * A code span that shows `value` exactly, on one line. The fence is one backtick longer than the longest
 * backtick run inside; the padding keeps a leading or trailing backtick or space intact. In a table cell
 * a pipe must be `\|` even inside a code span (GFM splits cells before it parses inlines).
 */
export function code(value: string, inTable = false): string {
  if (value === '') return '_(empty)_'
  const flat = oneLine(value, '⏎')
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length)) + 1)
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  const span = `${fence}${pad}${flat}${pad}${fence}`
  return inTable ? span.replace(/\|/g, '\\|') : span
}

/** A link whose URL cannot end the link early or break the line. */
export function link(label: string, url: string): string {
  return `[${text(label)}](${url.replace(/[\s()<>]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`
}

/** `1 error`, `1,234 errors`: counts that read as words. */
export function count(n: number, noun: string): string {
  return `${grouped(n)} ${n === 1 ? noun : `${noun}s`}`
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function oneLine(value: string, newline = ' '): string {
  return value.replace(/\r\n|\r|\n/g, newline)
}

/**
 * Joins lines until `maxBytes` (UTF-8) would be exceeded; the rest is replaced by one line that says how
 * many lines were left out and where the full data is.
 */
export function joinWithin(lines: string[], maxBytes: number, whereTheRestIs: string): string {
  const whole = `${lines.join('\n')}\n`
  if (Buffer.byteLength(whole) <= maxBytes) return whole
  const trailer = (left: number) =>
    `\n_${count(left, 'more line')} cut to keep this under ${Math.floor(maxBytes / 1024)} KiB; ${whereTheRestIs}._\n`
  const room = maxBytes - Buffer.byteLength(trailer(lines.length))
  let used = 0
  let kept = 0
  while (used + Buffer.byteLength(lines[kept]) + 1 <= room) used += Buffer.byteLength(lines[kept++]) + 1
  return `${lines.slice(0, kept).join('\n')}\n${trailer(lines.length - kept)}`
}

/**
 * The hidden first line that identifies the comment of one state key. Characters that could end the HTML
 * comment (`-->`) or the line are percent-encoded; state keys as the action accepts them pass unchanged.
 */
export function commentMarker(stateKey: string): string {
  const key = stateKey.replace(/[^A-Za-z0-9._/-]/g, c => encodeURIComponent(c))
  return `<!-- asm-service-mesh-action:state-key=${key} -->`
}

/**
 * 12345 → "12,345". Not toLocaleString: that starts ICU, about 20 ms and 5 MiB on every run that
 * writes a summary.
 */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
