import { nodeKey } from "../../analysis/formula";
import { trafficShares } from "../../analysis/shares";
import { locate, type RuleFinding, type LintRule } from "../types";

/**
 * A bucket that earlier buckets always take precedence over can never be returned: usually a
 * copy-paste slip or a catch-all placed too early. A bucket whose own rule is never true (PyOF's
 * sample has one) is left alone: that is a deliberate off switch, not shadowing.
 */
export const unreachableBucket: LintRule = {
  name: "unreachable-bucket",
  severity: "error",
  check: (subjects) =>
    subjects.flatMap((subject) => {
      const { buckets } = subject.model;
      const together = trafficShares(subject.model);
      if (together === undefined) return [];
      const findings: RuleFinding[] = [];
      buckets.forEach((bucket, j) => {
        if (j === 0 || together.scenarios.some((s) => s.shares[j]! > 0)) return;
        const alone = trafficShares({ ...subject.model, buckets: [bucket] });
        if (alone === undefined || !alone.scenarios.some((s) => s.shares[0]! > 0)) return;
        const key = nodeKey(bucket.classifier);
        const twin = buckets.findIndex((b, i) => i < j && nodeKey(b.classifier) === key);
        const always = buckets.findIndex((b, i) => {
          if (i >= j) return false;
          const only = trafficShares({ ...subject.model, buckets: [b] });
          return only !== undefined && only.scenarios.every((s) => s.shares[0]! >= 1 - 1e-12);
        });
        const why =
          twin >= 0
            ? `its classifier is identical to bucket ${JSON.stringify(buckets[twin]!.name)} (buckets[${twin}]), which comes first`
            : always >= 0
              ? `bucket ${JSON.stringify(buckets[always]!.name)} (buckets[${always}]) comes first and always matches`
              : "the buckets before it match every case it matches";
        findings.push({
          feature: subject.key,
          bucket: bucket.name,
          path: `buckets[${j}]`,
          source: locate(subject, bucket.name),
          message: `bucket ${JSON.stringify(bucket.name)} can never match: ${why}`,
        });
      });
      return findings;
    }),
};
