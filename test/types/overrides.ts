/*
 * Type-level tests of generated overrides: `store.override` takes each feature's own buckets and
 * values. Compiled by `tsc --noEmit` in `npm test`; nothing here runs.
 */
import { store } from "../fixtures/sample/generated";

export function overrides(): void {
  store.override({ test: "holdout" }).restore();
  store.override({ test: { value: 42 } });
  store.override({ test: "default", welcome: "default" });
  // @ts-expect-error a bucket the feature does not have.
  store.override({ test: "treatment" });
  // @ts-expect-error a value outside the feature's value type.
  store.override({ test: { value: "yes" } });
  // @ts-expect-error a feature key the project does not have.
  store.override({ tset: "holdout" });
  void store.withOverrides({ test: "control" }, async () => undefined);
}
