import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  renderInputs,
  renderOutputs,
  renderReportExamples,
  replaceExamples,
  replaceSection,
  repoRoot
} from './support/readme.js'

const readmePath = path.join(repoRoot, 'README.md')

/** The README with every generated section rendered anew; UPDATE_GENERATED=1 writes it. */
function regenerate(readme: string): string {
  let next = replaceSection(readme, 'inputs', renderInputs())
  next = replaceSection(next, 'outputs', renderOutputs())
  next = replaceSection(next, 'report-examples', renderReportExamples())
  return replaceExamples(next)
}

describe('README', () => {
  let readme = readFileSync(readmePath, 'utf8')
  const expected = regenerate(readme)
  if (process.env.UPDATE_GENERATED === '1' && expected !== readme) {
    writeFileSync(readmePath, expected)
    readme = expected
  }

  it('has the inputs and outputs of action.yml, the example workflows and the rendered report examples', () => {
    if (expected !== readme) throw new Error('README.md is out of date: run `npm run generate` and commit it')
    expect(readme).toContain('| `spec` | yes |')
    expect(readme).toContain('| `service-mesh-id` |')
  })

  it('shows every example workflow file', () => {
    const shown = [...readme.matchAll(/<!-- example:(\S+) -->/g)].map(m => m[1])
    expect(shown.length).toBeGreaterThanOrEqual(3)
    for (const file of shown) expect(existsSync(path.join(repoRoot, file))).toBe(true)
  })
})
