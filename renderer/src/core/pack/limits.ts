// Runtime: any (pure core). Every limit the pack loader enforces, in one place. Each is checked
// before the work it bounds (sizes before decoding, counts before walking, nesting before
// composing), so that a hostile pack costs a bounded time and memory to refuse. The values sit far
// above any real pack: the built-in library's largest scenario is 92 KB and ten scenarios make it
// 0.5 MB; the largest pack the tests build, a 5,000-post feed, is one 0.83 MB scenario of about
// 75,000 YAML values.

export interface YamlLimits {
  /** Bytes of one YAML file, checked before it is decoded. */
  readonly maxFileBytes: number;
  /** Nesting of lists and mappings; the pack format needs about 10. */
  readonly maxDepth: number;
  /** Aliases (`*name`) in one file, counted before any is expanded. */
  readonly maxAliases: number;
  /** Lists, mappings and values in one file, counted before the file is validated. */
  readonly maxNodes: number;
  /** Items in one list or keys in one mapping. */
  readonly maxCollectionItems: number;
}

export interface DiagnosticLimits {
  /** Problems listed for one file; the rest are counted in one "and N more" line. */
  readonly perFile: number;
  /** Problems listed for the whole pack. */
  readonly total: number;
  /** "Did you mean" hints computed for the whole pack; later problems get a plain hint. */
  readonly hints: number;
  /** Known names a "did you mean" hint compares against at most. */
  readonly hintCandidates: number;
}

export interface PackLimits {
  /** Files in the pack, checked before any is read. */
  readonly maxFiles: number;
  /** Bytes of the whole pack, media included. */
  readonly maxTotalBytes: number;
  /** Bytes of one media file. */
  readonly maxMediaBytes: number;
  /** Scenario files (`scenarios/*.yaml`). */
  readonly maxScenarioFiles: number;
  /** Bytes of all the YAML files together, checked before any is parsed. */
  readonly maxYamlBytes: number;
  /** Languages a pack or a scenario declares; every text is checked in each. */
  readonly maxLanguages: number;
  /**
   * Different `languages` lists among a pack's scenarios: the format is compiled once per list
   * (tens of milliseconds each), so their number is bounded, not only the scenarios'.
   */
  readonly maxLanguageLists: number;
  readonly yaml: YamlLimits;
  readonly diagnostics: DiagnosticLimits;
}

export const YAML_LIMITS: YamlLimits = Object.freeze({
  maxFileBytes: 2 * 1024 * 1024,
  maxDepth: 32,
  maxAliases: 50,
  maxNodes: 250_000,
  maxCollectionItems: 20_000,
});

export const DIAGNOSTIC_LIMITS: DiagnosticLimits = Object.freeze({
  perFile: 100,
  total: 500,
  hints: 100,
  hintCandidates: 200,
});

export const PACK_LIMITS: PackLimits = Object.freeze({
  maxFiles: 2000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxMediaBytes: 16 * 1024 * 1024,
  maxScenarioFiles: 200,
  maxYamlBytes: 8 * 1024 * 1024,
  maxLanguages: 32,
  maxLanguageLists: 16,
  yaml: YAML_LIMITS,
  diagnostics: DIAGNOSTIC_LIMITS,
});

/** Limits a caller may lower (tests) or raise, each group overridable field by field. */
export type PackLimitOverrides = Partial<Omit<PackLimits, 'yaml' | 'diagnostics'>> & {
  yaml?: Partial<YamlLimits>;
  diagnostics?: Partial<DiagnosticLimits>;
};

export function resolveLimits(overrides: PackLimitOverrides = {}): PackLimits {
  return {
    ...PACK_LIMITS,
    ...overrides,
    yaml: { ...PACK_LIMITS.yaml, ...overrides.yaml },
    diagnostics: { ...PACK_LIMITS.diagnostics, ...overrides.diagnostics },
  };
}
