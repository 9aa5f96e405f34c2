/** Certificates and keys of certificateAuthority: readable PEM (or Base64 of it), as many as the field holds. */
import { apiDocNote, borrowed, neverWorks, rule } from './basis.js'
import { type Context, TYPE_EXPECTED, wrongType } from './context.js'
import type { FieldEntry } from './fields.js'
import { decodePem, parseCertificates, parsePrivateKey } from './pem.js'
import { asText } from './scalars.js'
import type { SpecNode } from './tree.js'
import type { Checked } from './values.js'

export const PEM_RULES = {
  readable: rule(
    'A certificate or key is PEM, or Base64 of a PEM, that can be read; a key has no passphrase.',
    neverWorks('the API cannot use a certificate or key it cannot read')
  ),
  single: rule(
    'cert and rootCert hold one certificate each.',
    borrowed(
      "Istio's CA secrets, whose certificate files hold one certificate",
      'docs/reference/asm-api.md §1.1'
    )
  ),
  order: rule('certChain lists the CA certificate first and the root last.', apiDocNote('§6.7'))
}

export function checkPem(field: FieldEntry, node: SpecNode, ctx: Context): Checked | undefined {
  const { path } = field
  const { problems } = ctx
  const text = asText(node, false)
  if (text === undefined) return wrongType(problems, node, path, TYPE_EXPECTED[field.type])
  const unreadable = (problem: string): undefined => {
    problems.report(PEM_RULES.readable, node.pos, path, `${path} ${problem}`)
    return undefined
  }
  const decoded = decodePem(text)
  if (!decoded.ok) return unreadable(decoded.problem)
  if (field.type === 'privateKey') {
    const key = parsePrivateKey(decoded.value)
    if (!key.ok) return unreadable(key.problem)
    ctx.keys.set(path, key.value)
    return { kind: 'pem', value: decoded.value }
  }
  const certificates = parseCertificates(decoded.value)
  if (!certificates.ok) return unreadable(certificates.problem)
  const chain = certificates.value
  if (field.type === 'certificate' && chain.length > 1) {
    problems.report(
      PEM_RULES.single,
      node.pos,
      path,
      `${path} holds ${chain.length} certificates, where Istio's CA secret holds one; it is sent as written`
    )
  }
  for (const limit of field.rules ?? []) {
    if (limit.kind !== 'items' || chain.length >= (limit.min ?? 0)) continue
    problems.report(
      limit.basis,
      node.pos,
      path,
      `${path} holds ${chain.length} ${chain.length === 1 ? 'certificate' : 'certificates'}; the API doc wants a chain of at least ${limit.min}, from the CA to the root`
    )
    if (limit.basis.level === 'error') return undefined
  }
  const unordered = chain.findIndex((cert, i) => i + 1 < chain.length && !cert.checkIssued(chain[i + 1]))
  if (unordered >= 0) {
    problems.report(
      PEM_RULES.order,
      node.pos,
      path,
      `${path} is out of order: certificate ${unordered + 1} is not issued by the next one; the API doc lists the chain from the CA certificate to the root, it is sent as written`
    )
  }
  ctx.certificates.set(path, chain)
  return { kind: 'pem', value: decoded.value }
}
