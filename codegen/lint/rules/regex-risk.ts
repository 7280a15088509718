import { forEachNode } from "../../../runtime/model/walk";
import { patternProblem } from "../../../runtime/model/pattern";
import { attributeKind } from "../../analysis/formula";
import { findRedosRisk } from "../redos";
import { locate, type LintFinding, type LintRule } from "../types";

/**
 * Regexes must compile, and a regex that runs on request context must not risk catastrophic
 * backtracking: JavaScript's engine backtracks (PyOF's Rust engine does not), so one crafted
 * header could stall the process. Patterns over the hostname or literals are trusted input.
 */
export const regexRisk: LintRule = {
  name: "regex-risk",
  severity: "error",
  check: (subjects) =>
    subjects.flatMap((subject) => {
      const findings: LintFinding[] = [];
      subject.model.buckets.forEach((bucket, b) => {
        forEachNode(
          bucket.classifier,
          (node, path) => {
            if (node.__type !== "re.match") return;
            const at = { rule: "regex-risk", severity: "error" as const, feature: subject.key, bucket: bucket.name, path: `${path}.value`, source: locate(subject, bucket.name) };
            const invalid = patternProblem(node.value);
            if (invalid !== undefined) {
              findings.push({ ...at, message: invalid });
              return;
            }
            const readsRequest = attributeKind(node.attribute) === "opaque" && node.attribute.__type.startsWith("context.");
            const risk = readsRequest ? findRedosRisk(node.value) : undefined;
            if (risk !== undefined) findings.push({ ...at, message: `regex ${JSON.stringify(node.value)} runs on request context and risks catastrophic backtracking: ${risk.reason}` });
          },
          `buckets[${b}].classifier`,
        );
      });
      return findings;
    }),
};
