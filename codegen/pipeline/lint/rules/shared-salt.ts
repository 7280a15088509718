import { attributeDescriptor } from "../../../../runtime/model/attribute";
import { forEachAttribute } from "../../../../runtime/model/walk";
import { locate, type RuleFinding, type LintRule, type LintSubject } from "../types";

/**
 * Two features that hash units with the same salt put the same users in the same slice: the 10% in
 * one rollout are the 10% in the other. That is sometimes wanted (a shared holdout), so it is a
 * warning. A `random.unit` without a salt uses its feature's key, which no other feature has.
 */
export const sharedSalt: LintRule = {
  name: "shared-salt",
  severity: "warning",
  check: (subjects) => {
    const users = new Map<string, { subject: LintSubject; bucket: string }[]>();
    for (const subject of subjects) {
      for (const bucket of subject.model.buckets) {
        forEachAttribute(bucket.classifier, (attribute) => {
          // A random draw's salt; a unit rollout without one is salted with its feature's key.
          const draw = attributeDescriptor(attribute).draw;
          if (draw === undefined) return;
          const salt = ("salt" in attribute ? attribute.salt : undefined) ?? (draw === "unit" ? subject.key : undefined);
          if (salt === undefined) return;
          const list = users.get(salt) ?? [];
          if (!list.some((u) => u.subject.key === subject.key)) list.push({ subject, bucket: bucket.name });
          users.set(salt, list);
        });
      }
    }
    const findings: RuleFinding[] = [];
    for (const [salt, list] of users) {
      if (list.length < 2) continue;
      const first = list[0]!;
      findings.push({
        feature: first.subject.key,
        bucket: first.bucket,
        source: locate(first.subject, first.bucket),
        message: `features ${list.map((u) => JSON.stringify(u.subject.key)).join(", ")} share the rollout salt ${JSON.stringify(salt)}, so they pick the same units`,
      });
    }
    return findings;
  },
};
