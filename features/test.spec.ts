import { spec } from "../dsl";
import { test } from "./test";

export default spec(test, [
  { given: { hostname: "lenovo-1", sessionRandom: 0.05 }, bucket: "holdout", value: true },
  { given: { hostname: "lenovo-1" }, percentile: 50, bucket: "control", value: 42 },
  { given: { hostname: "lenovo-1" }, percentile: 95, bucket: "default", value: false },
  { given: { hostname: "dell-1", sessionRandom: 0.05 }, bucket: "default" },
]);
