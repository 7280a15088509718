import { dependenciesOf } from "../../../../runtime/model/dependencies";
import { forEachAttribute } from "../../../../runtime/model/walk";
import { contextKeyOf, type ContextKeyType } from "../../type-read/context-type";
import { locate, type LintRule, type LintSubject, type RuleFinding } from "../types";

/** One read of a context key: by which feature's bucket, with which attribute tag, as which type. */
interface Read {
  readonly name: string;
  readonly subject: LintSubject;
  readonly bucket: string;
  readonly tag: string;
  readonly type: ContextKeyType;
}

/** The context reads of one feature's own buckets, in bucket order. */
function readsOf(subject: LintSubject): Read[] {
  const reads: Read[] = [];
  for (const bucket of subject.model.buckets) {
    forEachAttribute(bucket.classifier, (attribute) => {
      const key = contextKeyOf(attribute);
      if (key !== undefined) reads.push({ name: key.name, subject, bucket: bucket.name, tag: attribute.__type, type: key.type });
    });
  }
  return reads;
}

/** The reads by context key name. */
function byName(reads: readonly Read[]): Map<string, Read[]> {
  const map = new Map<string, Read[]>();
  for (const r of reads) {
    const list = map.get(r.name) ?? [];
    list.push(r);
    map.set(r.name, list);
  }
  return map;
}

/**
 * One context key read as two types (`ctx.string("age")` here, `ctx.number("age")` there). A key's
 * type is the one the generated getter's context requires (contextKeyOf: a version is a string),
 * so one definition of "context attribute" and its type serves both levels:
 *
 *   - `within` (error): a feature, with its prerequisites (evaluated with the same context), reads
 *     the key as two types, so its getter's context type cannot be written and one read always fails;
 *   - `across` (warning): two features read the key as different types; each getter works, but a
 *     caller passing one context to both gets one of them wrong.
 */
export const contextTypes: LintRule<"within" | "across"> = {
  name: "context-types",
  severity: { within: "error", across: "warning" },
  check: (subjects) => {
    const byKey = new Map(subjects.map((s) => [s.key, s]));
    const own = new Map(subjects.map((s) => [s.key, readsOf(s)]));
    const findings: RuleFinding<"within" | "across">[] = [];
    const conflicting = new Set<string>();
    for (const subject of subjects) {
      // The feature's own reads first, then its prerequisites', transitively (an explicit queue).
      const reads: Read[] = [];
      const seen = new Set<string>();
      const queue = [subject.key];
      while (queue.length > 0) {
        const key = queue.shift()!;
        const next = byKey.get(key);
        if (seen.has(key) || next === undefined) continue;
        seen.add(key);
        reads.push(...own.get(key)!);
        for (const dependency of dependenciesOf(next.model)) queue.push(dependency.feature);
      }
      for (const [name, list] of byName(reads)) {
        const first = list[0]!;
        const other = list.find((r) => r.type !== first.type);
        if (other === undefined) continue;
        conflicting.add(name);
        const where = other.subject === subject ? `bucket ${JSON.stringify(other.bucket)}` : `feature ${JSON.stringify(other.subject.key)}, bucket ${JSON.stringify(other.bucket)}, a prerequisite`;
        findings.push({
          level: "within",
          feature: subject.key,
          ...(other.subject === subject ? { bucket: other.bucket } : {}),
          source: other.subject === subject ? locate(subject, other.bucket) : subject.source,
          message: `context attribute ${JSON.stringify(name)} is read as ${first.type} and as ${other.type} (${where}); use one type`,
        });
      }
    }
    const everyRead = subjects.flatMap((s) => own.get(s.key)!);
    for (const [name, list] of byName(everyRead)) {
      const types = [...new Set(list.map((r) => r.type))];
      // A conflict within a feature is already an error; the warning is for features that differ.
      if (types.length < 2 || conflicting.has(name)) continue;
      const first = list[0]!;
      const where = types.map((type) => {
        const r = list.find((x) => x.type === type)!;
        return `${r.tag} in feature ${JSON.stringify(r.subject.key)}, bucket ${JSON.stringify(r.bucket)}`;
      });
      findings.push({
        level: "across",
        feature: first.subject.key,
        bucket: first.bucket,
        source: locate(first.subject, first.bucket),
        message: `context attribute ${JSON.stringify(name)} is read as ${types.length} different types: ${where.join("; ")}`,
      });
    }
    return findings;
  },
};
