import { forEachRuleNode, type LintFinding, type LintRule } from "../types";

/**
 * Syntax JavaScript's engine accepts but PyOF's Rust `regex` crate refuses: that engine guarantees
 * linear time by leaving out lookaround and backreferences. A feature file shared with Python
 * services would fail to load there, so such a pattern is flagged (as a warning: a TypeScript-only
 * project may use them knowingly).
 */
const NOT_IN_RUST: ReadonlyArray<readonly [RegExp, string]> = [
  [/\(\?<[=!]/, "lookbehind"],
  [/\(\?[=!]/, "lookahead"],
  [/\\[1-9]/, "a numbered backreference"],
  [/\\k</, "a named backreference"],
];

/** Drops escaped characters and character classes, where these sequences are plain text. */
function syntaxOnly(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      // Keep backreferences visible; drop every other escape.
      out += inClass ? "" : /[1-9k]/.test(next) ? `\\${next}` : "_";
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") inClass = true;
    else out += ch;
  }
  return out;
}

/** Regex syntax that PyOF's engine cannot compile. */
export const regexPortability: LintRule = {
  name: "regex-portability",
  severity: "warning",
  check: (subjects) => {
    const findings: LintFinding[] = [];
    for (const subject of subjects) {
      forEachRuleNode(subject, (node, place) => {
        if (node.__type !== "re.match") return;
        const found = NOT_IN_RUST.find(([probe]) => probe.test(syntaxOnly(node.value)));
        if (found === undefined) return;
        findings.push({
          rule: "regex-portability",
          severity: "warning",
          ...place,
          path: `${place.path}.value`,
          message: `regex ${JSON.stringify(node.value)} uses ${found[1]}, which PyOF's Rust regex engine does not support: Python services cannot load this feature`,
        });
      });
    }
    return findings;
  },
};
