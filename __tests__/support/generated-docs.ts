/** Generated sections of the README and docs/: rendered from their single source, kept between marker comments. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { renderSpecReference } from '../../src/meshspec/reference.js'
import { renderPlanComment, renderSummary } from '../../src/report/summary.js'
import type { MeshRequest } from '../../src/meshspec/request.js'
import type { Change } from '../../src/state/record.js'
import { changeLabel, planUpdate } from '../../src/update-plan.js'
import { REPO_ROOT } from './repo-root.js'

export const repoRoot = REPO_ROOT

interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function renderInputs(): string {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionMetadata
  const rows = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default !== undefined ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`
  )
  return ['| input | required | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

function renderOutputs(): string {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionMetadata
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->` in `file`'s text. */
function replaceSection(file: string, text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} section`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

/** Each `<!-- example:PATH -->` fenced block must be that file, byte for byte. */
function replaceExamples(readme: string): string {
  return readme.replace(
    /<!-- example:(\S+) -->\n```yaml\n[\s\S]*?```\n<!-- \/example -->/g,
    (_match, file: string) =>
      `<!-- example:${file} -->\n\`\`\`yaml\n${readFileSync(path.join(repoRoot, file), 'utf8')}\`\`\`\n<!-- /example -->`
  )
}

/**
 * A job summary and a PR comment as the action renders them, for a fixed run: the README shows real
 * output, and the README test fails when the renderer changes it.
 */
function renderReportExamples(): string {
  const created = renderSummary({
    mode: 'apply',
    stateKey: 'cn-hangzhou/prod-mesh',
    specFile: 'mesh/prod.yaml',
    decision: {
      action: 'create',
      reason: 'no previous run recorded and no mesh with this name in the region'
    },
    changes: [
      { path: 'name', parameter: 'Name', change: 'added', after: 'prod-mesh' },
      { path: 'region', parameter: 'RegionId', change: 'added', after: 'cn-hangzhou' },
      { path: 'network.vpcId', parameter: 'VpcId', change: 'added', after: 'vpc-bp1abc' },
      { path: 'network.vSwitches', parameter: 'VSwitches', change: 'added', after: '["vsw-bp1abc"]' },
      {
        path: 'certificateAuthority.key',
        parameter: 'ExistingCaKey',
        change: 'added',
        after: 'sha256:5d41402abc4b2a76b9719d911017c592ae5cf3a3bc0e9f7d0c2d0f6c8b2e8c1a'
      }
    ],
    mesh: { id: 'c08ba3fd1e6484b0f8cc1ad8109d6ab5', state: 'running' },
    requestId: '3D57EAD2-8723-1F26-B69C-F8707D8B565D',
    created: true,
    updated: false,
    diagnostics: [],
    cloudRead: true,
    runUrl: 'https://github.com/your-org/your-repo/actions/runs/4242/attempts/1',
    stateLocation: 'https://github.com/your-org/your-repo/commit/9f2c1e0'
  })
  const changes: Change[] = [
    { path: 'tracing.sampling', parameter: 'TraceSampling', change: 'changed', before: '100', after: '50' },
    { path: 'tags.team', parameter: 'Tag', change: 'added', after: 'mesh' }
  ]
  const request: MeshRequest = {
    name: 'prod-mesh',
    region: 'cn-hangzhou',
    query: { 'Tag.1.Key': 'team', 'Tag.1.Value': 'mesh' },
    body: { TraceSampling: '50' },
    parameters: [{ parameter: 'Tag', path: 'tags.team', wire: 'mesh', comparable: 'mesh', secret: false }]
  }
  const meshId = 'c08ba3fd1e6484b0f8cc1ad8109d6ab5'
  const comment = renderPlanComment({
    mode: 'plan',
    stateKey: 'cn-hangzhou/prod-mesh',
    specFile: 'mesh/prod.yaml',
    decision: {
      action: 'update',
      meshId,
      reason: `the spec changed since mesh ${meshId} was recorded; on-change is update (UpdateMeshFeature, TagResources)`,
      plan: planUpdate(changes, request, meshId)
    },
    changes,
    labels: Object.fromEntries(changes.map(c => [c.path, changeLabel(c, true)])),
    drift: [],
    mesh: { id: meshId, state: 'running' },
    created: false,
    updated: false,
    diagnostics: [],
    cloudRead: true,
    runUrl: 'https://github.com/your-org/your-repo/actions/runs/4243/attempts/1'
  })
  const shown = (title: string, markdown: string) =>
    ['<details>', `<summary>${title}</summary>`, '', markdown.trim(), '', '</details>'].join('\n')
  return [
    shown('Job summary of an apply that created the mesh', created),
    '',
    shown('Plan comment on a pull request that changes the spec (on-change: update, the default)', comment)
  ].join('\n')
}

/** Every file with generated parts, and how to render them; the docs test and `npm run generate` use it. */
export const GENERATED_DOCS: Record<string, (text: string) => string> = {
  'README.md': text =>
    replaceExamples(
      replaceSection(
        'README.md',
        replaceSection('README.md', text, 'inputs', renderInputs()),
        'outputs',
        renderOutputs()
      )
    ),
  'docs/spec.md': text =>
    replaceSection('docs/spec.md', text, 'spec-reference', `\n${renderSpecReference()}`),
  'docs/reports.md': text =>
    replaceSection('docs/reports.md', text, 'report-examples', renderReportExamples())
}
