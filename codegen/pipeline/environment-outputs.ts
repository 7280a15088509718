import type { FeatureModel } from "../../runtime/model/feature";
import { lintFeatures, type LintFinding, type LintSubject } from "./lint";
import type { LoadedEnvironments, LoadedFeature } from "./load/load-features";
import type { Problem } from "../problems";
import { environmentNamesIn, foldEnvironment } from "./environments";

/*
 * What environments change in a `gen` run: the declaration is checked (one per project, every name
 * a rule compares with declared), lint runs on each environment's folded features, and the
 * features are folded once per environment for the bundles and the generated docs.
 */

/** The project's environments, checked. */
export interface DeclaredEnvironments {
  readonly names: readonly string[];
  readonly default: string | undefined;
}

/** The bundles folder in the out folder: `generated/bundles/<env>.json`. */
export const BUNDLES_FOLDER = "bundles";

/**
 * The project's declaration, or undefined for a project that declares none; problems for a second
 * declaration, for `environment()` used without one, and for a name no declaration lists.
 */
export function checkEnvironments(
  found: readonly LoadedEnvironments[],
  features: readonly LoadedFeature[],
  whereOf: (f: LoadedFeature, bucket?: string) => string | undefined,
): { readonly declared: DeclaredEnvironments | undefined; readonly problems: Problem[] } {
  const problems: Problem[] = [];
  const [first, ...others] = found;
  for (const other of others) problems.push({ where: other.where, message: `a second environments([...]) declaration; the project already declares its environments at ${first!.where}` });
  const declared = first === undefined ? undefined : { names: first.names, default: first.default };
  for (const f of features) {
    f.model.buckets.forEach((bucket, b) => {
      for (const use of environmentNamesIn(bucket.classifier)) {
        const where = whereOf(f, bucket.name);
        const subject = `feature ${JSON.stringify(f.key)}, bucket ${JSON.stringify(bucket.name)} (buckets[${b}].classifier${use.path === "" ? "" : `.${use.path}`})`;
        if (declared === undefined) {
          problems.push({ where, message: `${subject}: environment() is used but the project declares no environments; export environments(["staging", "production"]) from a file in the features folder` });
          return;
        }
        for (const name of use.names) {
          if (typeof name === "string" && declared.names.includes(name)) continue;
          problems.push({ where, message: `${subject}: environment ${JSON.stringify(name)} is not declared (declared: ${declared.names.map((n) => JSON.stringify(n)).join(", ")})` });
        }
      }
    });
  }
  return { declared, problems };
}

/** Each feature's model folded for each environment, by environment then key. */
export function foldAll(declared: DeclaredEnvironments, models: ReadonlyMap<string, FeatureModel>): ReadonlyMap<string, ReadonlyMap<string, FeatureModel>> {
  return new Map(declared.names.map((env) => [env, new Map([...models].map(([key, model]) => [key, foldEnvironment(model, env)]))]));
}

/**
 * Lint on each environment's folded features. A finding every environment shares is reported
 * once, as is; one only some environments have says which (`in environment "staging": …`).
 */
export function lintPerEnvironment(declared: DeclaredEnvironments, subjects: readonly LintSubject[]): readonly LintFinding[] {
  const byText = new Map<string, { finding: LintFinding; environments: string[] }>();
  for (const env of declared.names) {
    const folded = subjects.map((s) => ({ ...s, model: foldEnvironment(s.model, env) }));
    for (const finding of lintFeatures(folded)) {
      const id = JSON.stringify([finding.rule, finding.feature, finding.bucket, finding.path, finding.message, finding.source]);
      const entry = byText.get(id);
      if (entry === undefined) byText.set(id, { finding, environments: [env] });
      else entry.environments.push(env);
    }
  }
  const all = declared.names.length;
  const merged = [...byText.values()].map(({ finding, environments }) =>
    environments.length === all ? finding : { ...finding, message: `in environment${environments.length === 1 ? "" : "s"} ${environments.map((e) => JSON.stringify(e)).join(", ")}: ${finding.message}` },
  );
  return [...merged.filter((f) => f.severity === "error"), ...merged.filter((f) => f.severity === "warning")];
}
