/**
 * The one way text the action did not write (spec paths and values, cloud messages, state record fields,
 * mesh ids, file names) reaches a plain log line. The runner scans every line of stdout and stderr and
 * runs it as a workflow command when, after leading white space, it starts with `::` (or the legacy
 * `##[`) (docs/reference/runner-contract.md §1.3). So a line break inside such text could start a forged
 * `::set-output`, `::add-mask::` or `::stop-commands::` line, and text at the start of a line could be
 * one. `printable` makes both impossible: line breaks and other control characters become visible
 * escapes (`\n`, `\u001b`), and a line that would still start a command gets a visible `› ` in front.
 *
 * Annotations (`core.warning`, `core.error`, `core.notice`) and group names need no help: @actions/core
 * escapes `%`, CR and LF in their data, so their text can never end the command line.
 */

// Line ends the runner's reader splits on, plus the Unicode ones, so no reader can see two lines.
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g
// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g
/** A command line: `::name…` or `##[name…]` after any white space (JS \s covers .NET's white space). */
const COMMAND_START = /^\s*(::|##\[)/

const escape = (char: string): string =>
  char === '\n' ? '\\n' : char === '\r' ? '\\r' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** `text` as one log line that the runner shows as is and never runs as a workflow command. */
export function printable(text: string): string {
  const flat = text.replace(LINE_BREAK, breaks => [...breaks].map(escape).join('')).replace(CONTROL, escape)
  return COMMAND_START.test(flat) ? `› ${flat}` : flat
}
