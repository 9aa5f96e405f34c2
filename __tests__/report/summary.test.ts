import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../../src/diagnostics.js'
import type { Change } from '../../src/state/record.js'
import { commentMarker } from '../../src/report/markdown.js'
import type { Outcome } from '../../src/outcome.js'
import { LIMITS, renderPlanComment, renderSummary } from '../../src/report/summary.js'

const RUN = 'https://github.com/acme/infra/actions/runs/42/attempts/1'
const STATE = 'https://github.com/acme/infra/commit/0123456789abcdef0123456789abcdef01234567'

function report(overrides: Partial<Outcome> = {}): Outcome {
  return {
    mode: 'plan',
    stateKey: 'cn-hangzhou/prod-mesh',
    specFile: 'mesh/prod.yaml',
    changes: [],
    created: false,
    updated: false,
    diagnostics: [],
    cloudRead: true,
    runUrl: RUN,
    ...overrides
  }
}

const added = (parameter: string, path: string, after: string): Change => ({
  path,
  parameter,
  change: 'added',
  after
})

const fingerprint = (secret: string) => `sha256:${createHash('sha256').update(secret).digest('hex')}`

const lines = (markdown: string) => markdown.split('\n')

describe('renderSummary: verdicts', () => {
  it('plan with no record: would create, with every parameter added', () => {
    const md = renderSummary(
      report({
        decision: { action: 'create', reason: 'no previous run recorded; adopt-existing is false' },
        changes: [
          added('Name', 'name', 'prod-mesh'),
          added('VSwitches', 'network.vSwitches', '["vsw-bp1abc"]')
        ]
      })
    )
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '## Service mesh plan for `cn-hangzhou/prod-mesh`',
        '**Would create a new mesh.**',
        'Why: no previous run recorded; adopt-existing is false.',
        '- Spec: `mesh/prod.yaml`',
        `- Run: [workflow run](${RUN})`,
        '| Parameter | Spec path | Change | Before | After |',
        '| `Name` | `name` | added |  | `prod-mesh` |',
        '| `VSwitches` | `network.vSwitches` | added |  | `["vsw-bp1abc"]` |'
      ])
    )
    expect(md).not.toContain('more change')
  })

  it('folds an all-added table only when no run is recorded: parameters added to a recorded mesh stay open', () => {
    const changes = [added('Tracing', 'tracing.enabled', 'true'), added('Tag', 'tags.env', 'dev')]
    const fold = '<details><summary>2 parameters added: no earlier run is recorded.</summary>'
    expect(lines(renderSummary(report({ changes })))).toContain(fold)
    const labels = {
      'tracing.enabled': 'in place (UpdateMeshFeature)',
      'tags.env': 'in place (TagResources)'
    }
    const md = renderSummary(report({ changes, labels }))
    expect(md).not.toContain('no earlier run is recorded')
    expect(lines(md)).toContain('| `Tag` | `tags.env` | added |  | `dev` | in place \\(TagResources\\) |')
  })

  it('apply that created: mesh id, state, request id and links', () => {
    const md = renderSummary(
      report({
        mode: 'apply',
        decision: {
          action: 'create',
          reason: 'no previous run recorded and no mesh with this name in the region'
        },
        created: true,
        mesh: { id: 'c08ba3fd1f6c14e5e9f5c3a2d7b8e9f01', state: 'running' },
        requestId: '7D3A2E1C-0B1A-4F4E-9D3C-2B1A0F9E8D7C',
        stateLocation: STATE,
        changes: [added('Name', 'name', 'prod-mesh')]
      })
    )
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '## Service mesh apply for `cn-hangzhou/prod-mesh`',
        '**Created mesh `c08ba3fd1f6c14e5e9f5c3a2d7b8e9f01`.**',
        '- Mesh: `c08ba3fd1f6c14e5e9f5c3a2d7b8e9f01` (state `running`)',
        '- Request id: `7D3A2E1C-0B1A-4F4E-9D3C-2B1A0F9E8D7C`',
        `- State: [recorded state](${STATE})`,
        `- Run: [workflow run](${RUN})`
      ])
    )
  })

  it('shows a state file path as code, not as a link', () => {
    const md = renderSummary(
      report({
        decision: { action: 'keep', meshId: 'm-1', reason: 'x' },
        stateLocation: '.asm-state/cn-hangzhou/prod-mesh.json'
      })
    )
    expect(lines(md)).toContain('- State: `.asm-state/cn-hangzhou/prod-mesh.json`')
  })

  it('no changes: says so plainly and names the mesh', () => {
    const md = renderSummary(
      report({
        decision: {
          action: 'keep',
          meshId: 'm-1',
          reason: 'the spec matches the recorded run; nothing to create'
        },
        mesh: { id: 'm-1' }
      })
    )
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '**No change: mesh `m-1` matches the spec.**',
        'No changes: the spec matches the recorded run.',
        '- Mesh: `m-1`'
      ])
    )
    expect(md).not.toContain('| Parameter |')
  })

  it('a run that failed after validation says what failed, not that the spec has errors', () => {
    const md = renderSummary(
      report({
        mode: 'apply',
        changes: [],
        failure: {
          kind: 'run',
          message: 'AssumeRoleWithOIDC failed: AuthenticationFail.NoPermission',
          advice: 'Check oidc:sub.'
        }
      })
    )
    expect(md).toContain('**Failed before a decision was made.**')
    expect(md).toContain('Error: AssumeRoleWithOIDC failed: AuthenticationFail.NoPermission.')
    expect(md).toContain('What to do: Check oidc:sub.')
    expect(md).not.toMatch(/spec has/)
  })

  it('apply, unchanged', () => {
    const md = renderSummary(
      report({ mode: 'apply', decision: { action: 'keep', meshId: 'm-1', reason: 'same' } })
    )
    expect(lines(md)).toContain('**Unchanged: mesh `m-1` matches the spec.**')
  })

  it('adopt, in both modes', () => {
    const decision = {
      action: 'adopt' as const,
      mesh: { id: 'm-7', name: 'prod-mesh', region: 'cn-hangzhou', state: 'running' },
      reason: 'no previous run recorded; mesh m-7 has the same name and region'
    }
    expect(lines(renderSummary(report({ decision })))).toContain('**Would adopt existing mesh `m-7`.**')
    expect(lines(renderSummary(report({ mode: 'apply', decision })))).toContain(
      '**Adopted existing mesh `m-7`.**'
    )
  })

  it('changed spec with on-change warn, and with fail (advice shown)', () => {
    const changes: Change[] = [
      { path: 'tracing.sampling', parameter: 'TraceSampling', change: 'changed', before: '100', after: '50' }
    ]
    const warn = renderSummary(
      report({
        changes,
        decision: {
          action: 'warn',
          meshId: 'm-1',
          reason: 'the spec changed since mesh m-1 was recorded; on-change is warn'
        }
      })
    )
    expect(lines(warn)).toEqual(
      expect.arrayContaining([
        '**Spec changed: apply would keep mesh `m-1` as it is and warn (on-change: warn).**',
        '| `TraceSampling` | `tracing.sampling` | changed | `100` | `50` |'
      ])
    )
    const fail = renderSummary(
      report({
        mode: 'apply',
        changes,
        decision: {
          action: 'fail',
          meshId: 'm-1',
          reason: 'the spec changed since mesh m-1 was recorded',
          advice: 'CreateServiceMesh cannot update a mesh. Set on-change: warn to keep the mesh.'
        }
      })
    )
    expect(lines(fail)).toEqual(
      expect.arrayContaining([
        '**Failed; nothing was created.**',
        'Why: the spec changed since mesh m-1 was recorded.',
        'What to do: CreateServiceMesh cannot update a mesh. Set on-change: warn to keep the mesh.'
      ])
    )
  })

  it('plan without credentials: unknown decision and the note', () => {
    const md = renderSummary(
      report({
        decision: { action: 'unknown', meshId: 'm-1', reason: 'the spec matches the record' },
        cloudRead: false
      })
    )
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '**The state records mesh `m-1`; the cloud was not read, so its state is unknown.**',
        'Note: No credentials in plan mode: the cloud was not read; the plan uses the state record only.'
      ])
    )
  })

  it('plan without credentials and without a record: says create or adopt, unchecked', () => {
    const md = renderSummary(report({ decision: { action: 'unknown', reason: 'no previous run recorded' } }))
    expect(lines(md)).toContain(
      '**Would create a new mesh, or adopt one with the same name and region if it exists (the cloud was not read to check).**'
    )
  })

  it('invalid spec: counts errors, lists every diagnostic, no diff', () => {
    const diagnostics: Diagnostic[] = [
      {
        severity: 'error',
        file: 'mesh/prod.yaml',
        line: 3,
        column: 1,
        path: 'tracng',
        message: 'unknown key',
        expected: 'tracing'
      },
      {
        severity: 'error',
        file: 'mesh/prod.yaml',
        line: 9,
        column: 14,
        path: 'edition',
        message: 'not allowed',
        found: 'Gold'
      },
      {
        severity: 'warning',
        file: 'mesh/prod.yaml',
        line: 40,
        column: 3,
        path: 'certificateAuthority.type',
        message: 'deprecated by the API'
      }
    ]
    const md = renderSummary(report({ mode: 'apply', diagnostics, changes: undefined }))
    expect(md).not.toContain('### Changes')
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '**The spec has 2 errors; nothing was sent to the cloud.**',
        '### Spec problems',
        '2 errors, 1 warning:',
        '- **error** `mesh/prod.yaml:3:1` tracng: unknown key \\(expected tracing\\)',
        '- **error** `mesh/prod.yaml:9:14` edition: not allowed \\(found Gold\\)',
        '- **warning** `mesh/prod.yaml:40:3` certificateAuthority.type: deprecated by the API'
      ])
    )
    expect(md).not.toContain('Why:')
  })
})

describe('renderSummary: values stay inert and bounded', () => {
  it('escapes pipes, backticks and newlines in table cells', () => {
    const md = renderSummary(
      report({
        decision: { action: 'create', reason: 'r' },
        changes: [
          {
            path: 'extraParameters.Weird',
            parameter: 'Weird',
            change: 'changed',
            before: 'a|b',
            after: 'x`y\nz | w'
          }
        ]
      })
    )
    expect(lines(md)).toContain('| `Weird` | `extraParameters.Weird` | changed | `a\\|b` | ``x`y⏎z \\| w`` |')
  })

  it('escapes Markdown in diagnostic messages so the spec cannot inject formatting or HTML', () => {
    const md = renderSummary(
      report({
        diagnostics: [
          {
            severity: 'error',
            file: 'm.yaml',
            line: 1,
            column: 1,
            path: 'tags.x',
            message: 'bad',
            found: '<img src=x> *y* [z](u)'
          }
        ]
      })
    )
    expect(md).toContain('found \\<img src=x\\> \\*y\\* \\[z\\]\\(u\\)')
    expect(md).not.toMatch(/[^\\]<img/)
  })

  it('shortens long values to about 80 characters with …', () => {
    const long = 'v'.repeat(500)
    const md = renderSummary(
      report({
        decision: { action: 'create', reason: 'r' },
        changes: [added('PrometheusUrl', 'prometheus.url', long)]
      })
    )
    const row = lines(md).find(l => l.startsWith('| `PrometheusUrl`'))
    expect(row).toBe(
      `| \`PrometheusUrl\` | \`prometheus.url\` | added |  | \`${'v'.repeat(LIMITS.value - 1)}…\` |`
    )
  })

  it('shows secrets only as the fingerprints it was given, in full', () => {
    const before = fingerprint('-----BEGIN PRIVATE KEY-----old')
    const after = fingerprint('-----BEGIN PRIVATE KEY-----new')
    const md = renderSummary(
      report({
        decision: { action: 'warn', meshId: 'm-1', reason: 'r' },
        changes: [
          { path: 'certificateAuthority.key', parameter: 'ExistingCaKey', change: 'changed', before, after }
        ]
      })
    )
    expect(lines(md)).toContain(
      `| \`ExistingCaKey\` | \`certificateAuthority.key\` | changed | \`${before}\` | \`${after}\` |`
    )
    expect(md).not.toContain('PRIVATE KEY')
  })

  it('10,000 changes and 2,000 long diagnostics stay under 1 MiB and say how many were left out', () => {
    const changes = Array.from({ length: 10_000 }, (_, i) => ({
      path: `extraParameters.P${i}`,
      parameter: `P${i}`,
      change: 'changed' as const,
      before: 'b'.repeat(1000),
      after: 'a'.repeat(1000)
    }))
    const diagnostics = Array.from({ length: 2_000 }, (_, i) => ({
      severity: 'error' as const,
      file: 'mesh/prod.yaml',
      line: i + 1,
      column: 1,
      path: `tags.t${i}`,
      message: 'm'.repeat(5000),
      found: 'f'.repeat(5000)
    }))
    const md = renderSummary(report({ decision: { action: 'create', reason: 'r' }, changes, diagnostics }))
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(LIMITS.summaryBytes)
    expect(md).toContain(
      '_9,800 more changes not shown (200 of 10,000); the step output `diff` has them all._'
    )
    expect(md).toContain('_1,500 more problems not shown; the step log lists them all._')
    expect(lines(md).filter(l => l.startsWith('| `P'))).toHaveLength(200)
  })
})

describe('renderPlanComment', () => {
  it('starts with the hidden marker of its state key and links the run', () => {
    const body = renderPlanComment(report({ decision: { action: 'create', reason: 'r' } }))
    expect(lines(body)[0]).toBe('<!-- asm-service-mesh-action:state-key=cn-hangzhou/prod-mesh -->')
    expect(lines(body)[0]).toBe(commentMarker('cn-hangzhou/prod-mesh'))
    expect(lines(body)[1]).toBe('## Service mesh plan for `cn-hangzhou/prod-mesh`')
    expect(body).toContain(
      `<sub>Updated by [this workflow run](${RUN}); its job summary has the details.</sub>`
    )
  })

  it('stays under GitHub’s 65,536-character comment limit and points to the summary for the rest', () => {
    const changes = Array.from({ length: 10_000 }, (_, i) =>
      added(`P${i}`, `extraParameters.P${i}`, 'x'.repeat(200))
    )
    const diagnostics = Array.from({ length: 300 }, (_, i) => ({
      severity: 'warning' as const,
      file: 'mesh/prod.yaml',
      line: i + 1,
      column: 1,
      path: `tags.t${i}`,
      message: 'deprecated '.repeat(50)
    }))
    const body = renderPlanComment(
      report({ decision: { action: 'create', reason: 'r' }, changes, diagnostics })
    )
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMITS.commentBytes)
    expect(body.length).toBeLessThan(65_536)
    expect(body).toMatch(
      /\n\n_[\d,]+ more lines cut to keep this under 58 KiB; the workflow run's job summary has the rest\._\n$/
    )
    expect(body.startsWith(commentMarker('cn-hangzhou/prod-mesh'))).toBe(true)
  })
})

describe('commentMarker', () => {
  it('percent-encodes characters that could end the HTML comment', () => {
    expect(commentMarker('a-->b c')).toBe('<!-- asm-service-mesh-action:state-key=a--%3Eb%20c -->')
  })
})
