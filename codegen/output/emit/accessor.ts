import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type JSDocStructure,
  type SourceFileStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
} from "ts-morph";
import type { FeatureModel } from "../../../runtime/model/feature";
import { DEFAULT_BUCKET } from "../../../runtime/model/feature";
import type { ContextKeyType } from "../../pipeline/type-read/context-type";
import { describeRule } from "../../vocabulary/describe-rule";
import { describeShares, hasRandomSplit } from "../../pipeline/analysis/describe-shares";
import type { AccessorNames } from "./names";
import type { ValueType } from "../../pipeline/type-read/value-type";
import { literal } from "./literal";
import { docText, header, shortJson } from "./header";
import { leanRuntimeImport } from "./runtime-entries";
import { isPermissive } from "../../pipeline/type-read/value-codec";
import { IO_TS, renderCodec } from "./value-codec";

/** The name of the generated module that wires the store; the generator refuses it as a feature key. */
export const STORE_MODULE = "feature-store";

/** Everything the accessor module of one feature is made from. */
export interface AccessorInput {
  readonly key: string;
  readonly model: FeatureModel;
  readonly names: AccessorNames;
  readonly valueType: ValueType;
  readonly context: ReadonlyArray<readonly [string, ContextKeyType]>;
  /** `features/test.ts` (the module that exports the feature). */
  readonly file: string;
  /** `features/test.ts:4` (where `feature()` was called). */
  readonly source: string;
  readonly runtimeImport: string;
  /** For a project with environments: the feature as generated for each one, when they differ (for the docs' shares). */
  readonly environments?: ReadonlyArray<readonly [string, FeatureModel]>;
}

/** The generated module's value codec. */
const VALUE_CODEC = "valueCodec";

/** Names the generated module declares itself; imported value types are renamed around them. */
export function localNames(names: AccessorNames): Set<string> {
  return new Set([names.getter, names.details, names.value, names.bucket, names.context, "AmbientOverrides", "EvaluationDetails", "EvaluationOptions", "store", "handle", IO_TS, VALUE_CODEC]);
}

function contextType(context: AccessorInput["context"]): string {
  if (context.length === 0) return "AmbientOverrides";
  const keys = context.map(([name, type]) => `readonly ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${type}`);
  return `{ ${keys.join("; ")} } & AmbientOverrides`;
}

/** The rules, in readable form, that both getters document. */
function rulesDoc(input: AccessorInput): string[] {
  const { model } = input;
  const lines: string[] = [];
  if (model.description !== undefined) lines.push(model.description, "");
  if (model.buckets.length > 0) {
    lines.push("Buckets, first match wins:");
    for (const b of model.buckets) lines.push(`- ${JSON.stringify(b.name)}: \`${describeRule(b.classifier)}\` → \`${shortJson(b.value)}\``);
    lines.push("");
  }
  lines.push(`Otherwise ${JSON.stringify(DEFAULT_BUCKET)} → \`${shortJson(model.default)}\`.`, "");
  if (input.environments === undefined) {
    const shares = hasRandomSplit(model) ? describeShares(model, 4) : undefined;
    if (shares !== undefined) lines.push("Traffic shares (exact, for each combination of the other conditions):", ...shares.map((l) => `- ${l}`), "");
  } else {
    // Shares are computed on each environment's own rules, its environment conditions folded away.
    const shares = input.environments.flatMap(([env, folded]) => (hasRandomSplit(folded) ? (describeShares(folded, 4) ?? []).map((l) => `- in ${env}, ${l}`) : []));
    if (shares.length > 0) lines.push("Traffic shares (exact, per environment and combination of the other conditions):", ...shares, "");
  }
  lines.push(`Defined at ${input.source}.`);
  return lines;
}

function doc(...lines: string[]): JSDocStructure {
  return { kind: StructureKind.JSDoc, description: docText(lines.join("\n")) };
}

function getter(input: AccessorInput, details: boolean): FunctionDeclarationStructure {
  const { names } = input;
  const first = details
    ? `Feature \`${input.key}\` for this context: its value, bucket, reason and the errors met. Never throws.`
    : `Feature \`${input.key}\`: its value for this context. Never throws.`;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: details ? names.details : names.getter,
    docs: [doc(first, "", ...rulesDoc(input), "", "`options.hooks` run around this call only, inside the store's hooks.")],
    parameters: [
      { name: "ctx", type: names.context, hasQuestionToken: input.context.length === 0 },
      { name: "options", type: "EvaluationOptions", hasQuestionToken: true },
    ],
    returnType: details ? `EvaluationDetails<${names.value}, ${names.bucket}>` : names.value,
    statements: (w) => {
      // The call into the feature's rules sits here, in code of this getter's own (FeatureHandle.directEvaluator says why).
      w.writeLine("const direct = options === undefined ? handle.directEvaluator : undefined;");
      // The try is kept although the evaluator never throws: without it the bench's R5 (this
      // getter) measured 105-186 ns against 57 ns with it (npm run bench -- --quick, A/B of the
      // generated getters only, 2026-12-02 13:59), V8 compiling the getter differently.
      w.writeLine("if (direct !== undefined) {");
      w.indent(() => {
        w.writeLine("try {");
        w.indent(() => w.writeLine(details ? "return direct(ctx);" : "return direct(ctx).value;"));
        w.writeLine("} catch {");
        w.indent(() => w.writeLine("// Not reached: the evaluator never throws (kept for speed, see the generator)."));
        w.writeLine("}");
      });
      w.writeLine("}");
      w.writeLine(details ? "return handle.evaluate(ctx, options);" : "return handle.evaluate(ctx, options).value;");
    },
  };
}

function typeAlias(name: string, type: string, description: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, leadingTrivia: "\n", isExported: true, name, type, docs: [doc(description)] };
}

/**
 * `const valueCodec = t.…`: what the store checks this feature's values with when a bundle loads.
 * Typed as a decoder of the value type when it checks everything, so the compiler proves the codec
 * admits nothing the getter's type does not.
 */
function valueCodecStatement(input: AccessorInput): string {
  const { codec, text } = input.valueType;
  const exact = !isPermissive(codec);
  const docs = [
    `What every value of \`${input.key}\` must fit when a bundle is loaded, generated from \`${input.names.value}\`: the store`,
    exact ? "refuses a bundle with a value that does not fit." : "refuses a bundle with a value that does not fit; the parts marked \"not checked\" take every JSON value.",
  ];
  // Printed as text: ts-morph would indent the lines of a multi-line initializer twice.
  const type = exact ? `: ${IO_TS}.Decoder<unknown, ${input.names.value}>` : "";
  return `\n/**\n${docs.map((l) => ` * ${docText(l)}`).join("\n")}\n */\nconst ${VALUE_CODEC}${type} = ${renderCodec(codec, text)};`;
}

/** The accessor module `generated/<key>.ts`, as one structure. */
export function accessorStructure(input: AccessorInput): SourceFileStructure {
  const { names, valueType, model } = input;
  // One import declaration per module, the runtime's first; value types the runtime exports join it.
  const bySpecifier = new Map<string, ImportDeclarationStructure>([
    [
      leanRuntimeImport(input.runtimeImport),
      {
        kind: StructureKind.ImportDeclaration,
        leadingTrivia: `${header(input.file)}\n\n`,
        moduleSpecifier: leanRuntimeImport(input.runtimeImport),
        namedImports: [{ name: IO_TS }, { name: "AmbientOverrides", isTypeOnly: true }, { name: "EvaluationDetails", isTypeOnly: true }, { name: "EvaluationOptions", isTypeOnly: true }],
      },
    ],
  ]);
  for (const i of valueType.imports) {
    let declaration = bySpecifier.get(i.specifier);
    if (declaration === undefined) {
      declaration = { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: i.specifier, namedImports: [] };
      bySpecifier.set(i.specifier, declaration);
    }
    // The runtime's declaration imports a value (io-ts), so the types joining it say they are types.
    const typeOnly = declaration.isTypeOnly === true ? {} : { isTypeOnly: true };
    (declaration.namedImports as { name: string; alias?: string }[]).push(i.alias === i.name ? { name: i.name, ...typeOnly } : { name: i.name, alias: i.alias, ...typeOnly });
  }
  const bucketNames = [...model.buckets.map((b) => b.name), DEFAULT_BUCKET].map((n) => JSON.stringify(n)).join(" | ");
  const statements: (StatementStructures | string)[] = [
    ...bySpecifier.values(),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${STORE_MODULE}`, namedImports: ["store"] },
    typeAlias(names.value, valueType.text, `The values of feature \`${input.key}\`.`),
    typeAlias(names.bucket, bucketNames, `The buckets of feature \`${input.key}\`, and \`"default"\` when none matches.`),
    typeAlias(
      names.context,
      contextType(input.context),
      input.context.length === 0
        ? `What \`${names.getter}\` takes: the feature reads no context, so only the ambient overrides.`
        : `What \`${names.getter}\` takes: the context keys the feature's rules read, and the ambient overrides.`,
    ),
    valueCodecStatement(input),
    {
      kind: StructureKind.VariableStatement,
      leadingTrivia: "\n",
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        doc(
          "Resolved once, so a getter reads the store's current feature without a lookup by key. The default as",
          "generated is the answer for a store that lacks the feature or holds one with buckets not listed here.",
        ),
      ],
      declarations: [
        {
          name: "handle",
          initializer: (w) => {
            const buckets = model.buckets.map((b) => JSON.stringify(b.name)).join(", ");
            w.write(`store.handle<${names.value}, ${names.bucket}, ${names.context}>(${JSON.stringify(input.key)}, ${literal(model.default)}, [${buckets}], ${VALUE_CODEC})`);
          },
        },
      ],
    },
    getter(input, false),
    getter(input, true),
  ];
  return { kind: StructureKind.SourceFile, statements };
}
