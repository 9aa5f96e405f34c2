/** Console layout shared by the demo and the benchmark. */

const WIDTH = 100

export function banner(title: string): void {
  console.log(`\n${'═'.repeat(WIDTH)}\n ${title}\n${'═'.repeat(WIDTH)}`)
}

export function section(title: string, body: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(3, WIDTH - title.length - 4))}\n${body.trimEnd()}`)
}

export function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`
}

/** A GitHub-flavoured markdown table; `|` in cells is escaped. */
export function markdownTable(header: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'))
  return [header, rule, ...rows.map(row => row.map(cell))].map(row => `| ${row.join(' | ')} |`).join('\n')
}
