/**
 * The runner's secret masker (docs/reference/runner-contract.md §1.7): `add-mask` registers the whole value and each of
 * its lines (trimmed, empties dropped); log lines, annotation messages and summaries are shown with
 * every registered value replaced by `***`. Like the runner, common encodings of a secret are masked
 * too, so a base64- or URI-encoded leak does not slip through.
 */

const ENCODERS: ((value: string) => string)[] = [
  value => value,
  value => JSON.stringify(value).slice(1, -1),
  value => encodeURIComponent(value),
  value => Buffer.from(value, 'utf8').toString('base64')
]

export class SecretMasker {
  private readonly secrets = new Set<string>()

  /** Returns false for an empty or blank value, which the runner only warns about. */
  add(value: string): boolean {
    if (value.trim() === '') return false
    this.secrets.add(value)
    for (const line of value.split(/\r\n|\r|\n/)) {
      if (line.trim() !== '') this.secrets.add(line.trim())
    }
    return true
  }

  values(): string[] {
    return [...this.secrets]
  }

  mask(text: string): string {
    const variants = new Set(this.values().flatMap(secret => ENCODERS.map(encode => encode(secret))))
    // Longest first, so a secret that contains another is replaced whole.
    return [...variants]
      .filter(variant => variant !== '')
      .sort((a, b) => b.length - a.length)
      .reduce((masked, variant) => masked.split(variant).join('***'), text)
  }
}
