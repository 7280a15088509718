import { createHash } from "node:crypto";
import fc from "fast-check";
import * as E from "fp-ts/Either";
import { FeatureC, bundleHash, decodeBundle, encodeBundle, type FeatureModel } from "../../../runtime";
import { featureArb, propertyOptions } from "../../support/property";

/*
 * The content hash is fed to SHA-256 one feature at a time (runtime/store/bundle.ts). Its
 * definition does not change with that: SHA-256 of the compact JSON of the features' canonical
 * JSON by sorted key, wrapped as {"environment", "features"} for an environment. These tests hash
 * that text the plain way and compare, so every bundle written before keeps its hash.
 */

/** The definition, written the plain way: one sorted object, one JSON text, one digest. */
function definition(features: Readonly<Record<string, FeatureModel>>, environment?: string): string {
  const canonical = Object.fromEntries(Object.keys(features).sort().map((key) => [key, FeatureC.encode(features[key]!)]));
  const content = environment === undefined ? canonical : { environment, features: canonical };
  return `sha256:${createHash("sha256").update(JSON.stringify(content)).digest("hex")}`;
}

const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), fc.constantFrom("0", "10", "2", "__proto__", "Zeta", "é"));
const features = fc.dictionary(key, featureArb, { maxKeys: 5 }).map((d) => Object.fromEntries(Object.entries(d)));
const environment = fc.option(fc.oneof(fc.constantFrom("prod", "staging"), fc.string({ maxLength: 4 })), { nil: undefined });

describe("the bundle content hash", () => {
  it("is SHA-256 of the compact JSON of the sorted canonical features, with or without an environment", () => {
    fc.assert(
      fc.property(features, environment, (fs, env) => {
        expect(bundleHash(fs, env)).toBe(definition(fs, env));
      }),
      propertyOptions,
    );
  });

  it("reads a bundle's text without re-encoding its features, to the same hash", () => {
    fc.assert(
      fc.property(features.map((fs) => Object.fromEntries(Object.entries(fs).filter(([k]) => /^[A-Za-z_]\w*$/.test(k) && k !== "__proto__"))), environment, (fs, env) => {
        const text = JSON.stringify(encodeBundle(fs, undefined, env));
        const decoded = decodeBundle(text);
        expect(E.isRight(decoded) && decoded.right.hash).toBe(definition(fs, env));
      }),
      { ...propertyOptions, numRuns: 100 },
    );
  });

  it("keeps the hash of the empty bundle: sha256 of {}", () => {
    expect(bundleHash({})).toBe("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});
