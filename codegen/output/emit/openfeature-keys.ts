import { absurd } from "fp-ts/function";
import { ModuleDeclarationKind, StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { CodecNode } from "../../pipeline/type-read/value-codec";
import { header } from "./header";

/*
 * OpenFeature's flag-key types, narrowed to the project's features (`gen --openfeature`).
 *
 * `@openfeature/core` (1.10 and later; 1.12.0 is pinned here) declares `BooleanFlagKey`,
 * `StringFlagKey`, `NumberFlagKey` and `ObjectFlagKey` as `string` and documents overriding them by
 * module augmentation in a declaration file; every `Client` method (`getBooleanValue`,
 * `getBooleanDetails`, …) takes its kind's key type. They are type aliases, which TypeScript does
 * not merge: the redeclaration is a "Duplicate identifier" error, reported in a `.ts` module, and
 * silenced in a `.d.ts` only by `skipLibCheck` (the compiler then uses the redeclared type, which
 * is what the SDK relies on). Interface merging cannot do it either: an overload added to `Client`
 * or `Features` leaves the SDK's `string` overload in place, so a wrong key still compiles. Hence a
 * generated `.d.ts`, opt-in (it augments the whole program and needs the SDK installed).
 */

/** The generated declaration file's name in the out folder. */
export const OPENFEATURE_KEYS_FILE = "openfeature-keys.d.ts";

/** The OpenFeature value kinds, each with its client methods' key type. */
export type OpenFeatureKind = "boolean" | "string" | "number" | "object";

const KEY_TYPES: ReadonlyArray<readonly [OpenFeatureKind, string, string]> = [
  ["boolean", "BooleanFlagKey", "getBooleanValue / getBooleanDetails"],
  ["string", "StringFlagKey", "getStringValue / getStringDetails"],
  ["number", "NumberFlagKey", "getNumberValue / getNumberDetails"],
  ["object", "ObjectFlagKey", "getObjectValue / getObjectDetails"],
];

/**
 * The one client method kind every value of the type is answered by, or undefined when the values
 * mix kinds (`boolean | 42`), may be `null`, or are not checked (the provider would then answer
 * some calls with TYPE_MISMATCH, so such a feature is left out of every key type).
 */
export function openFeatureKind(codec: CodecNode): OpenFeatureKind | undefined {
  // Iterative: a union's members are walked from a worklist, and every member must agree.
  let kind: OpenFeatureKind | undefined;
  const pending: CodecNode[] = [codec];
  while (pending.length > 0) {
    const node = pending.pop()!;
    let found: OpenFeatureKind | undefined;
    switch (node.__type) {
      case "union":
        pending.push(...node.members);
        continue;
      case "boolean":
      case "string":
      case "number":
        found = node.__type;
        break;
      case "literal":
        found = typeof node.value === "boolean" ? "boolean" : typeof node.value === "string" ? "string" : "number";
        break;
      case "object":
      case "record":
      case "array":
      case "tuple":
      case "intersection":
        found = "object";
        break;
      case "null":
      case "permissive":
        return undefined;
      default:
        return absurd(node);
    }
    if (kind !== undefined && kind !== found) return undefined;
    kind = found;
  }
  return kind;
}

/** `openfeature-keys.d.ts`: the SDK's key types, each the union of the project's keys of its kind. */
export function openFeatureKeysStructure(from: string, features: ReadonlyArray<{ readonly key: string; readonly codec: CodecNode }>): SourceFileStructure {
  const byKind = new Map<OpenFeatureKind, string[]>(KEY_TYPES.map(([kind]) => [kind, []]));
  const left: string[] = [];
  for (const f of features) {
    const kind = openFeatureKind(f.codec);
    if (kind === undefined) left.push(f.key);
    else byKind.get(kind)!.push(f.key);
  }
  const aliases: StatementStructures[] = KEY_TYPES.map(([kind, name, methods]) => {
    const keys = byKind.get(kind)!;
    return {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name,
      type: keys.length === 0 ? "never" : keys.map((k) => JSON.stringify(k)).join(" | "),
      docs: [{ kind: StructureKind.JSDoc, description: `The features whose every value is ${kind === "object" ? "an object or array" : `a ${kind}`}: the keys \`${methods}\` accept.` }],
    };
  });
  const note = [
    "OpenFeature's flag-key types, narrowed to these features (module augmentation, as @openfeature/core documents it),",
    "so `client.getBooleanValue(\"tset\", …)` does not compile. Needs `skipLibCheck` (the SDK's key types are aliases,",
    "which TypeScript otherwise reports as redeclared). Written by `gen --openfeature`.",
    ...(left.length === 0 ? [] : [`In no key type (values of mixed kinds, null, or unchecked; read them with the generated getters): ${left.map((k) => JSON.stringify(k)).join(", ")}.`]),
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      `${header(from)}\n\n/*\n${note.map((l) => ` * ${l}`).join("\n")}\n */\n\n// A module (export {}), so the block below augments the SDK's module rather than declaring one.\nexport {};`,
      {
        kind: StructureKind.Module,
        hasDeclareKeyword: true,
        declarationKind: ModuleDeclarationKind.Module,
        name: JSON.stringify("@openfeature/core"),
        statements: aliases,
      },
    ],
  };
}
