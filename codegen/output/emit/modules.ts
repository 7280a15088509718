import { StructureKind, VariableDeclarationKind, type JSDocStructure, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { AccessorNames } from "./names";
import { STORE_MODULE } from "./accessor";
import { header } from "./header";

/** The bundle's file name in the out folder. */
export const BUNDLE_FILE = "features.json";

/** `generated/feature-store.ts`: the default store, filled from the generated bundle. */
export function storeStructure(from: string, runtimeImport: string, bundlePath: string): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ImportDeclaration, leadingTrivia: `${header(from)}\n\n`, moduleSpecifier: runtimeImport, namedImports: ["FeatureStore"] },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${BUNDLE_FILE}`, defaultImport: "bundle" },
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
        declarations: [{ name: "store", type: "FeatureStore", initializer: "FeatureStore.empty()" }],
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
    ],
  };
}

/** `generated/index.ts`: the store and every feature's getters and types. */
export function indexStructure(from: string, features: ReadonlyArray<{ readonly key: string; readonly names: AccessorNames }>, environments = false): SourceFileStructure {
  const storeExports = environments ? ["store", "loaded", "useEnvironment", { name: "Environment", isTypeOnly: true }] : ["store", "loaded"];
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
export function environmentStoreStructure(from: string, runtimeImport: string, bundles: readonly EnvironmentBundle[], fallback: string | undefined): SourceFileStructure {
  const envType = bundles.map((b) => JSON.stringify(b.environment)).join(" | ");
  const doc = (description: string): JSDocStructure[] => [{ kind: StructureKind.JSDoc, description }];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        leadingTrivia: `${header(from)}\n\n`,
        moduleSpecifier: runtimeImport,
        namedImports: [{ name: "FeatureStore" }, { name: "loadEnvironment" }, { name: "EmbeddedBundles", isTypeOnly: true }],
      },
      ...bundles.map((b, i): StatementStructures => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${b.file}`, defaultImport: `bundle${i}` })),
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
        declarations: [{ name: "store", type: "FeatureStore", initializer: "FeatureStore.empty()" }],
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
    ],
  };
}
