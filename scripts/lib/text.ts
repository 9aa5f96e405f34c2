/** Console layout shared by the demo and the benchmark. */

const WIDTH = 100

export function banner(title: string): void {
  console.log(`\n${'═'.repeat(WIDTH)}\n ${title}\n${'═'.repeat(WIDTH)}`)
}

/** A one-line heading: `━━ title ━━━…` out to the console width. */
export function rule(title: string): string {
  return `━━ ${title} ${'━'.repeat(Math.max(3, WIDTH - title.length - 4))}`
}

/** `items` joined by two spaces into as few lines of at most `width` characters as their order allows. */
export function wrapItems(items: string[], width: number): string[] {
  const lines: string[] = []
  for (const item of items) {
    const last = lines.length - 1
    if (last >= 0 && lines[last].length + 2 + item.length <= width) lines[last] += `  ${item}`
    else lines.push(item)
  }
  return lines
}

/** A GitHub-flavoured markdown table; `|` in cells is escaped. */
export function markdownTable(header: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  const separator = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'))
  return [header, separator, ...rows.map(row => row.map(cell))]
    .map(row => `| ${row.join(' | ')} |`)
    .join('\n')
}
