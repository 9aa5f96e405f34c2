/** Generated README sections: rendered from their single source, kept between marker comments. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './repo-root.js'

export const repoRoot = REPO_ROOT

interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function renderInputs(): string {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionMetadata
  const rows = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default !== undefined ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`
  )
  return ['| input | required | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

export function renderOutputs(): string {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionMetadata
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`)
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`
}

/** Each `<!-- example:PATH -->` fenced block must be that file, byte for byte. */
export function replaceExamples(readme: string): string {
  return readme.replace(
    /<!-- example:(\S+) -->\n```yaml\n[\s\S]*?```\n<!-- \/example -->/g,
    (_match, file: string) =>
      `<!-- example:${file} -->\n\`\`\`yaml\n${readFileSync(path.join(repoRoot, file), 'utf8')}\`\`\`\n<!-- /example -->`
  )
}
