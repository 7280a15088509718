import { forEachAttribute } from "../../../../runtime/model/walk";
import { locate, type LintFinding, type LintRule, type LintSubject } from "../types";

interface Read {
  readonly subject: LintSubject;
  readonly bucket: string;
  readonly type: string;
}

/**
 * One context key read as two types (`ctx.string("age")` here, `ctx.number("age")` there) means
 * one of the reads always fails at run time, and a getter that reads both cannot be called.
 */
export const contextTypes: LintRule = {
  name: "context-types",
  severity: "warning",
  check: (subjects) => {
    const reads = new Map<string, Read[]>();
    for (const subject of subjects) {
      for (const bucket of subject.model.buckets) {
        forEachAttribute(bucket.classifier, (attribute) => {
          if (!attribute.__type.startsWith("context.") || !("name" in attribute)) return;
          const list = reads.get(attribute.name) ?? [];
          list.push({ subject, bucket: bucket.name, type: attribute.__type });
          reads.set(attribute.name, list);
        });
      }
    }
    const findings: LintFinding[] = [];
    for (const [name, list] of reads) {
      const types = [...new Set(list.map((r) => r.type))];
      if (types.length < 2) continue;
      const first = list[0]!;
      const where = types.map((t) => {
        const r = list.find((x) => x.type === t)!;
        return `${t} in feature ${JSON.stringify(r.subject.key)}, bucket ${JSON.stringify(r.bucket)}`;
      });
      findings.push({
        rule: "context-types",
        severity: "warning",
        feature: first.subject.key,
        bucket: first.bucket,
        source: locate(first.subject, first.bucket),
        message: `context attribute ${JSON.stringify(name)} is read as ${types.length} different types: ${where.join("; ")}`,
      });
    }
    return findings;
  },
};
