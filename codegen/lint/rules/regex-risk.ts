import { patternProblem } from "../../../runtime/model/pattern";
import { attributeKind } from "../../analysis/formula";
import { findRedosRisk } from "../redos";
import { forEachRuleNode, type LintFinding, type LintRule } from "../types";

/**
 * Regexes must compile, and a regex that runs on request context must not risk catastrophic
 * backtracking: JavaScript's engine backtracks (PyOF's Rust engine does not), so one crafted
 * header could stall the process. Patterns over the hostname or literals are trusted input.
 */
export const regexRisk: LintRule = {
  name: "regex-risk",
  severity: "error",
  check: (subjects) => {
    const findings: LintFinding[] = [];
    for (const subject of subjects) {
      forEachRuleNode(subject, (node, place) => {
        if (node.__type !== "re.match") return;
        const at = { rule: "regex-risk", severity: "error" as const, ...place, path: `${place.path}.value` };
        const invalid = patternProblem(node.value);
        if (invalid !== undefined) {
          findings.push({ ...at, message: invalid });
          return;
        }
        const readsRequest = attributeKind(node.attribute) === "opaque" && node.attribute.__type.startsWith("context.");
        const risk = readsRequest ? findRedosRisk(node.value) : undefined;
        if (risk !== undefined) findings.push({ ...at, message: `regex ${JSON.stringify(node.value)} runs on request context and risks catastrophic backtracking: ${risk.reason}` });
      });
    }
    return findings;
  },
};
