// Runs @actions/languageservice validate() (the engine of GitHub's Actions editor support) on
// workflow and action.yml documents, outside Jest. Plain Node cannot import the package as shipped:
// it imports its JSON schemas without `with { type: 'json' }` (actions/languageservices#387), so a
// load hook adds that attribute first. Input on stdin, output on stdout, both JSON:
//   in:  { documents: [{ uri, text }], actions: { "<repo name>": ActionMetadata } }
//   out: [{ uri, diagnostics: [{ severity, message, line, character }] }]  (line/character 0-based)
import { register } from 'node:module'
import { readFileSync } from 'node:fs'

const addJsonAttribute = `export async function load(url, context, next) {
  if (!url.endsWith('.json')) return next(url, context)
  return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
}`
register(`data:text/javascript,${encodeURIComponent(addJsonAttribute)}`)

const { validate } = await import('@actions/languageservice')
const { TextDocument } = await import('vscode-languageserver-textdocument')

const request = JSON.parse(readFileSync(0, 'utf8'))
// Actions this repository defines, looked up by repository name whatever the owner or ref; any other
// action is "unknown" (the service then reports it cannot resolve it).
const actionsMetadataProvider = {
  fetchActionMetadata: async reference => request.actions[reference.name]
}

const results = []
for (const { uri, text } of request.documents) {
  const diagnostics = await validate(TextDocument.create(uri, 'yaml', 1, text), { actionsMetadataProvider })
  results.push({
    uri,
    diagnostics: diagnostics.map(d => ({
      severity: d.severity ?? 1,
      message: d.message,
      line: d.range.start.line,
      character: d.range.start.character
    }))
  })
}
process.stdout.write(JSON.stringify(results))
