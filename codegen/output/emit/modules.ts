import { StructureKind, VariableDeclarationKind, type JSDocStructure, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { AccessorNames } from "./names";
import { STORE_MODULE } from "./accessor";
import { header } from "./header";
import { engineImportStatements, leanRuntimeImport, type EnginePattern } from "./runtime-entries";

/** The bundle's file name in the out folder. */
export const BUNDLE_FILE = "features.json";

/** The features a store module types its overrides with. */
export type StoreFeatures = ReadonlyArray<{ readonly key: string; readonly names: AccessorNames }>;

/** Type-only imports of each feature's value and bucket types, for `FeatureOverrides`. */
function overrideTypeImports(features: StoreFeatures): StatementStructures[] {
  return features.map(({ key, names }) => ({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: `./${key}`,
    namedImports: [
      { name: names.value, isTypeOnly: true },
      { name: names.bucket, isTypeOnly: true },
    ],
  }));
}

/** `FeatureOverrides`, what `store.override` takes: per key, a bucket of it or a value of its type. */
function overridesType(features: StoreFeatures): StatementStructures {
  return {
    kind: StructureKind.TypeAlias,
    leadingTrivia: "\n",
    isExported: true,
    name: "FeatureOverrides",
    docs: [{ kind: StructureKind.JSDoc, description: "What `store.override` and `store.withOverrides` take: per feature, one of its buckets or `{ value }` of its value type." }],
    type: (w) => {
      w.inlineBlock(() => {
        for (const { key, names } of features) w.writeLine(`readonly ${JSON.stringify(key)}?: FeatureOverride<${names.value}, ${names.bucket}>;`);
      });
    },
  };
}

/** The overrides file `OFFLINE_FEATURES_OVERRIDES` names, applied and watched; nothing is read unless it is set. */
const OVERRIDES_FILE: StatementStructures = {
  kind: StructureKind.VariableStatement,
  leadingTrivia: "\n",
  isExported: true,
  declarationKind: VariableDeclarationKind.Const,
  docs: [{ kind: StructureKind.JSDoc, description: "The local overrides file `OFFLINE_FEATURES_OVERRIDES` names, applied and watched; undefined (and nothing read) unless it is set." }],
  declarations: [{ name: "overridesFile", initializer: "overridesFromEnvironment(store)" }],
};

/** `generated/feature-store.ts`: the default store, filled from the generated bundle. */
export function storeStructure(from: string, runtimeImport: string, bundlePath: string, features: StoreFeatures = [], enginePatterns: readonly EnginePattern[] = []): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        leadingTrivia: `${header(from)}\n\n`,
        moduleSpecifier: leanRuntimeImport(runtimeImport),
        namedImports: [{ name: "FeatureStore" }, { name: "overridesFromEnvironment" }, { name: "FeatureOverride", isTypeOnly: true }],
      },
      ...engineImportStatements(runtimeImport, enginePatterns),
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${BUNDLE_FILE}`, defaultImport: "bundle" },
      ...overrideTypeImports(features),
      overridesType(features),
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [
          {
            kind: StructureKind.JSDoc,
            description:
              "The store every generated getter reads, filled from the generated bundle. Replace its contents at start-up\n" +
              "with `store.replace(json)`: all or nothing, and a bad bundle leaves the current contents in place.",
          },
        ],
        declarations: [{ name: "store", type: "FeatureStore<FeatureOverrides>", initializer: "FeatureStore.empty<FeatureOverrides>()" }],
      },
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [
          {
            kind: StructureKind.JSDoc,
            description: `How loading the generated bundle went: a Left only if ${bundlePath} was edited into something\ninvalid; getters then answer their generated defaults with reason ERROR.`,
          },
        ],
        declarations: [{ name: "loaded", initializer: (w) => w.write(`store.replace(bundle, ${JSON.stringify(bundlePath)})`) }],
      },
      OVERRIDES_FILE,
    ],
  };
}

/** `generated/index.ts`: the store and every feature's getters and types. */
export function indexStructure(from: string, features: ReadonlyArray<{ readonly key: string; readonly names: AccessorNames }>, environments = false): SourceFileStructure {
  const common = ["store", "loaded", "overridesFile", { name: "FeatureOverrides", isTypeOnly: true }];
  const storeExports = environments ? [...common, "useEnvironment", { name: "Environment", isTypeOnly: true }] : common;
  const statements: StatementStructures[] = [
    { kind: StructureKind.ExportDeclaration, leadingTrivia: `${header(from)}\n\n`, moduleSpecifier: `./${STORE_MODULE}`, namedExports: storeExports },
    ...features.map(({ key, names }): StatementStructures => ({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./${key}`,
      namedExports: [
        { name: names.getter },
        { name: names.details },
        { name: names.value, isTypeOnly: true },
        { name: names.bucket, isTypeOnly: true },
        { name: names.context, isTypeOnly: true },
      ],
    })),
  ];
  return { kind: StructureKind.SourceFile, statements };
}

/** One environment's generated bundle, as the store module imports it. */
export interface EnvironmentBundle {
  readonly environment: string;
  /** `bundles/staging.json`, relative to the out folder. */
  readonly file: string;
  /** `generated/bundles/staging.json`, for messages. */
  readonly shown: string;
}

/**
 * `generated/feature-store.ts` for a project that declares environments: it imports every
 * environment's bundle and serves the one `OFFLINE_FEATURES_ENV` names (or the declared default),
 * once, when it loads; `useEnvironment(name)` switches explicitly.
 */
export function environmentStoreStructure(
  from: string,
  runtimeImport: string,
  bundles: readonly EnvironmentBundle[],
  fallback: string | undefined,
  features: StoreFeatures = [],
  enginePatterns: readonly EnginePattern[] = [],
): SourceFileStructure {
  const envType = bundles.map((b) => JSON.stringify(b.environment)).join(" | ");
  const doc = (description: string): JSDocStructure[] => [{ kind: StructureKind.JSDoc, description }];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        leadingTrivia: `${header(from)}\n\n`,
        moduleSpecifier: leanRuntimeImport(runtimeImport),
        namedImports: [
          { name: "FeatureStore" },
          { name: "loadEnvironment" },
          { name: "overridesFromEnvironment" },
          { name: "EmbeddedBundles", isTypeOnly: true },
          { name: "FeatureOverride", isTypeOnly: true },
        ],
      },
      ...engineImportStatements(runtimeImport, enginePatterns),
      ...bundles.map((b, i): StatementStructures => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${b.file}`, defaultImport: `bundle${i}` })),
      ...overrideTypeImports(features),
      overridesType(features),
      {
        kind: StructureKind.TypeAlias,
        leadingTrivia: "\n",
        isExported: true,
        name: "Environment",
        type: envType,
        docs: doc("The environments the features declare; `OFFLINE_FEATURES_ENV` names the one this process serves."),
      },
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        declarationKind: VariableDeclarationKind.Const,
        docs: doc("Each environment's generated bundle, its environment conditions folded away."),
        declarations: [
          {
            name: "bundles",
            type: "EmbeddedBundles",
            initializer: (w) => {
              w.write("{").newLine();
              bundles.forEach((b, i) => w.indent().write(`${JSON.stringify(b.environment)}: { bundle: bundle${i}, source: ${JSON.stringify(b.shown)} },`).newLine());
              w.write("}");
            },
          },
        ],
      },
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: doc(
          "The store every generated getter reads, serving one environment's bundle. Replace its contents with\n" +
            "`store.replace(json)`: all or nothing, and a bundle for another environment is refused.",
        ),
        declarations: [{ name: "store", type: "FeatureStore<FeatureOverrides>", initializer: "FeatureStore.empty<FeatureOverrides>()" }],
      },
      {
        kind: StructureKind.Function,
        leadingTrivia: "\n",
        isExported: true,
        name: "useEnvironment",
        docs: doc("Serves `name`'s generated bundle from now on, whatever `OFFLINE_FEATURES_ENV` says; on a Left nothing changed."),
        parameters: [{ name: "name", type: "Environment" }],
        returnType: "ReturnType<typeof loadEnvironment>",
        statements: ["return loadEnvironment(store, bundles, { name });"],
      },
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: doc(
          fallback === undefined
            ? "How loading went: a Left when `OFFLINE_FEATURES_ENV` is unset or names no declared environment (getters then\nanswer their generated defaults with reason ERROR until `useEnvironment`)."
            : `How loading went: \`OFFLINE_FEATURES_ENV\` picks the environment, ${JSON.stringify(fallback)} when it is unset; a Left when it names\nno declared environment (getters then answer their generated defaults with reason ERROR until \`useEnvironment\`).`,
        ),
        declarations: [{ name: "loaded", initializer: fallback === undefined ? "loadEnvironment(store, bundles)" : `loadEnvironment(store, bundles, { fallback: ${JSON.stringify(fallback)} })` }],
      },
      OVERRIDES_FILE,
    ],
  };
}
