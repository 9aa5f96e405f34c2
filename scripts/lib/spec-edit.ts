/** Edits of a spec file as a user makes them, comments and layout kept (the yaml package's document API). */
import { readFile, writeFile } from 'node:fs/promises'
import { parseDocument } from 'yaml'

/**
 * Adds values at dotted paths (`tracing.sampling`) that the file does not set yet, and says what it added;
 * a path already set throws, so a script notices when the example it edits has changed.
 */
export async function addToSpec(
  file: string,
  added: Record<string, string | number | boolean>
): Promise<string> {
  const doc = parseDocument(await readFile(file, 'utf8'))
  for (const [dotted, value] of Object.entries(added)) {
    const at = dotted.split('.')
    if (doc.hasIn(at)) throw new Error(`${file} already sets ${dotted}`)
    doc.setIn(at, value)
  }
  await writeFile(file, doc.toString())
  return Object.entries(added)
    .map(([dotted, value]) => `${dotted}: ${value}`)
    .join(', ')
}
