/**
 * CONTRACT (filled in by the spec engine): a valid spec → the exact CreateServiceMesh wire parameters.
 */

/** One parameter as sent, and as compared across runs. */
export interface WireParameter {
  /** API name, e.g. `TraceSampling`; `Tag` for every tag; the raw name for extraParameters. */
  parameter: string
  /** Spec path, e.g. `tracing.sampling`; tags are `tags.<key>`; extras `extraParameters.<Name>`. */
  path: string
  /** Exactly what goes on the wire (before form/query encoding). Secret: never log or store. */
  wire: string
  /**
   * Normalised form for diffs and state: order-insensitive lists sorted, JSON canonical, and for
   * secret fields a fingerprint `sha256:<hex>` instead of the value. Safe to print and store.
   */
  comparable: string
  secret: boolean
}

export interface MeshRequest {
  name: string
  region: string
  /** Flattened query parameters (only `Tag.N.Key` / `Tag.N.Value`). */
  query: Record<string, string>
  /** Form-body parameters, in table order. */
  body: Record<string, string>
  /** One entry per spec path that the file sets, in a stable order. */
  parameters: WireParameter[]
}
