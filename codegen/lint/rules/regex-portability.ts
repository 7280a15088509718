import { forEachNode } from "../../../runtime/model/walk";
import { locate, type LintFinding, type LintRule } from "../types";

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
  check: (subjects) =>
    subjects.flatMap((subject) => {
      const findings: LintFinding[] = [];
      subject.model.buckets.forEach((bucket, b) => {
        forEachNode(
          bucket.classifier,
          (node, path) => {
            if (node.__type !== "re.match") return;
            const syntax = syntaxOnly(node.value);
            const found = NOT_IN_RUST.find(([probe]) => probe.test(syntax));
            if (found === undefined) return;
            findings.push({
              rule: "regex-portability",
              severity: "warning",
              feature: subject.key,
              bucket: bucket.name,
              path: `${path}.value`,
              source: locate(subject, bucket.name),
              message: `regex ${JSON.stringify(node.value)} uses ${found[1]}, which PyOF's Rust regex engine does not support: Python services cannot load this feature`,
            });
          },
          `buckets[${b}].classifier`,
        );
      });
      return findings;
    }),
};
