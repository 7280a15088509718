import { StructureKind, VariableDeclarationKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
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
export function indexStructure(from: string, features: ReadonlyArray<{ readonly key: string; readonly names: AccessorNames }>): SourceFileStructure {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ExportDeclaration, leadingTrivia: `${header(from)}\n\n`, moduleSpecifier: `./${STORE_MODULE}`, namedExports: ["store", "loaded"] },
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
