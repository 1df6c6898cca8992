/** One allowlist of a gitleaks rule (or the global one): a finding it matches is not a secret. */
export interface GitleaksAllowlist {
  /** What the regexes are tried on: the secret, the whole match or its line. */
  target: "secret" | "match" | "line";
  regexes: readonly string[];
  /** A secret containing one of these (lower-case compare) is allowed. */
  stopwords: readonly string[];
}

/** A rule of gitleaks' config/gitleaks.toml, as far as redacting text needs it. */
export interface GitleaksRule {
  id: string;
  /** RE2 syntax: run with re2js, in linear time. */
  regex: string;
  /** Lower-case words one of which the text must contain for the rule to run. */
  keywords: readonly string[];
  /** The group holding the secret; otherwise the first non-empty group, else the whole match. */
  secretGroup?: number;
  /** A secret of this Shannon entropy or less is not one. */
  entropy?: number;
  allow?: readonly GitleaksAllowlist[];
}
