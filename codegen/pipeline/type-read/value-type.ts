import { join, sep } from "node:path";
import { Node, TypeFormatFlags, type Project, type SourceFile, type Symbol, type Type } from "ts-morph";
import type { LoadedFeature } from "../load/load-features";
import { PACKAGE_ROOT, display, relativeSpecifier, type GenOptions } from "../../cli/options";
import { at, type Problem } from "../../problems";
import { codecOf, type CodecNode } from "./value-codec";
import { canonicalUnionOrder } from "./union-order";
import { leanRuntimeImport } from "../../output/emit/runtime-entries";

/*
 * A feature's value type, read from the TypeScript checker at its exported declaration: the first
 * type argument of its `OfflineFeature<V, B, C>` type (or the `T` of `.valueType<T>()`, which says
 * what the author meant: `Config` rather than `Config | { color: "red" }`). Named types it uses are
 * imported into the generated module with `import type`.
 */

/** A named type the value type uses, and how the generated module imports it. */
export interface TypeImport {
  /** The name it is exported under. */
  readonly name: string;
  /** The name generated code uses (differs only to avoid a clash). */
  readonly alias: string;
  readonly specifier: string;
}

/** The value type as generated code writes it. */
export interface ValueType {
  readonly text: string;
  readonly imports: readonly TypeImport[];
  /** What the store checks the feature's values with at load, read from the same type. */
  readonly codec: CodecNode;
  /** The line of the exported declaration, for features that do not know where they were defined. */
  readonly line: number;
}

const FLAGS = TypeFormatFlags.NoTruncation | TypeFormatFlags.UseFullyQualifiedType;
/** `import("/abs/module").Name`, as the checker prints a type from a module. */
const IMPORT_TYPE = /import\("((?:[^"\\]|\\.)*)"\)\.([A-Za-z_$][\w$]*)/g;

/** The checker's type of the exported value, and the node the export points at. */
function exportedNode(file: SourceFile, exportName: string): Node | undefined {
  const declaration = file.getExportedDeclarations().get(exportName)?.[0];
  if (declaration === undefined) return undefined;
  return Node.isExportAssignment(declaration) ? declaration.getExpression() : declaration;
}

/**
 * The type argument of the `.valueType<T>()` call in the declaration's builder chain, if there is
 * one. Only the chain's spine is walked (each call's callee, each property access's object), not the
 * arguments: a rule or a value never declares the feature's type, and wrapping every node of every
 * argument in ts-morph's objects was most of the time reading 1,000 value types (~0.35 s).
 */
function declaredValueType(node: Node): Type | undefined {
  let link: Node | undefined = Node.isVariableDeclaration(node) ? node.getInitializer() : node;
  while (link !== undefined) {
    while (Node.isParenthesizedExpression(link) || Node.isAsExpression(link) || Node.isSatisfiesExpression(link) || Node.isNonNullExpression(link)) link = link.getExpression();
    if (Node.isCallExpression(link)) {
      const callee = link.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === "valueType" && link.getTypeArguments().length === 1) return link.getTypeArguments()[0]!.getType();
      link = callee;
    } else if (Node.isPropertyAccessExpression(link)) link = link.getExpression();
    else return undefined;
  }
  return undefined;
}

/** The `V` of `OfflineFeature<V, B, C>` in `type` or its base types. */
function featureValueType(type: Type, depth = 0): Type | undefined {
  if (type.getSymbol()?.getName() === "OfflineFeature" && type.getTypeArguments().length === 3) return type.getTypeArguments()[0];
  if (depth > 8) return undefined;
  for (const base of type.getBaseTypes()) {
    const found = featureValueType(base, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Prints a union without the members another member already covers (`Config | { color: "red" }`
 * is `Config`), so values given as literals do not hide a declared type.
 */
function printReduced(type: Type): string {
  if (!type.isUnion()) return type.getText(undefined, FLAGS);
  const members = type.getUnionTypes();
  const kept = members.filter((m) => !members.some((n) => n !== m && m.isAssignableTo(n) && !n.isAssignableTo(m)));
  if (kept.length === members.length) return type.getText(undefined, FLAGS);
  const texts: string[] = [];
  const hasBoth = kept.some((m) => m.getText() === "true") && kept.some((m) => m.getText() === "false");
  for (const m of kept) {
    const text = m.getText(undefined, FLAGS);
    if (hasBoth && (text === "true" || text === "false")) {
      if (!texts.includes("boolean")) texts.push("boolean");
    } else texts.push(text);
  }
  return texts.join(" | ");
}

function moduleFile(project: Project, module: string): SourceFile | undefined {
  for (const suffix of [".ts", ".tsx", ".d.ts", "/index.ts", "/index.d.ts"]) {
    const file = project.getSourceFile(module + suffix);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** How the out folder imports `module`. */
function specifierFor(options: GenOptions, project: Project, module: string, name: string): string {
  // This package's runtime first: installed, it sits under node_modules/offline-features/dist/.
  const runtime = join(PACKAGE_ROOT, "runtime") + sep;
  if (module.startsWith(runtime) && moduleFile(project, join(PACKAGE_ROOT, "runtime", "index"))?.getExportedDeclarations().has(name)) {
    return leanRuntimeImport(options.runtimeImport);
  }
  const parts = module.split("/");
  const nodeModules = parts.lastIndexOf("node_modules");
  if (nodeModules >= 0) {
    const rest = parts.slice(nodeModules + 1);
    if (rest[0] === "@types") rest.splice(0, 1);
    if (rest[rest.length - 1] === "index") rest.pop();
    return rest.join("/");
  }
  return relativeSpecifier(options.outDir, module);
}

/**
 * The named types (aliases, interfaces, classes, enums) a type refers to, through unions,
 * intersections, type arguments and the members of anonymous object types.
 */
function namedTypes(type: Type, at: Node, out: Map<string, Symbol>, seen = new Set<Type>()): Map<string, Symbol> {
  if (seen.has(type)) return out;
  seen.add(type);
  const visit = (t: Type) => namedTypes(t, at, out, seen);
  const alias = type.getAliasSymbol();
  if (alias !== undefined) {
    out.set(alias.getFullyQualifiedName(), alias);
    type.getAliasTypeArguments().forEach(visit);
    return out;
  }
  if (type.isUnion()) type.getUnionTypes().forEach(visit);
  else if (type.isIntersection()) type.getIntersectionTypes().forEach(visit);
  else if (type.isInterface() || type.isClass() || type.isEnum() || type.isEnumLiteral()) {
    const symbol = type.getSymbol();
    if (symbol !== undefined) out.set(symbol.getFullyQualifiedName(), symbol);
    type.getTypeArguments().forEach(visit);
  } else if (type.isObject()) {
    type.getTypeArguments().forEach(visit);
    type.getTupleElements().forEach(visit);
    if (type.isAnonymous()) for (const property of type.getProperties()) visit(property.getTypeAtLocation(at));
  }
  return out;
}

/** Named types of the value type that are declared in the project but not exported: generated code could not name them. */
function unexported(options: GenOptions, project: Project, type: Type, at: Node): string[] {
  const problems: string[] = [];
  const program = project.getProgram().compilerObject;
  for (const symbol of namedTypes(type, at, new Map()).values()) {
    const declaration = symbol.getDeclarations()[0];
    if (declaration === undefined) continue;
    const file = declaration.getSourceFile();
    if (program.isSourceFileFromExternalLibrary(file.compilerNode) || program.isSourceFileDefaultLibrary(file.compilerNode)) continue;
    if (file.getFilePath().split("/").includes("node_modules") || file.isDeclarationFile()) continue;
    const name = symbol.getName();
    if (file.getExportedDeclarations().has(name)) continue;
    problems.push(
      `${display(options, file.getFilePath())}:${declaration.getStartLineNumber()}: type "${name}" is part of the value type of feature "%KEY%" but is not exported; export it so the generated accessor can import it`,
    );
  }
  return problems;
}

/**
 * The value type of `feature`, with its named types mapped to imports. `taken` holds the names the
 * generated module already uses; imports are renamed around them.
 */
export function valueTypeOf(options: GenOptions, project: Project, feature: LoadedFeature, taken: ReadonlySet<string>): ValueType | Problem {
  const file = project.getSourceFile(feature.file);
  const where = feature.source === undefined ? at(display(options, feature.file), 1) : at(feature.source.file, feature.source.line);
  const node = file === undefined ? undefined : exportedNode(file, feature.exportName);
  if (file === undefined || node === undefined) {
    return { where, message: `cannot find the declaration of export "${feature.exportName}" to read the value type of feature "${feature.key}"` };
  }
  const type = declaredValueType(node) ?? featureValueType(node.getType());
  if (type === undefined) {
    return { where, message: `the type of export "${feature.exportName}" is not OfflineFeature<V, B, C> (found ${node.getType().getText(undefined, FLAGS)}); export the feature itself` };
  }
  // Union members in an order of their own, not the checker's (which depends on the other files checked first).
  const printed = canonicalUnionOrder(printReduced(type));
  const imports = new Map<string, TypeImport>();
  const used = new Set(taken);
  const problems: string[] = unexported(options, project, type, node)
    .map((p) => p.replace("%KEY%", feature.key))
    .sort();
  const text = printed.replace(IMPORT_TYPE, (_match, module: string, name: string) => {
    const id = `${module}\u0000${name}`;
    const existing = imports.get(id);
    if (existing !== undefined) return existing.alias;
    let alias = name;
    for (let n = 2; used.has(alias); n++) alias = `${name}${n}`;
    used.add(alias);
    imports.set(id, { name, alias, specifier: specifierFor(options, project, module, name) });
    return alias;
  });
  if (problems.length > 0) {
    // The first problem names its own place; it is more precise than the feature's.
    const [first, ...rest] = problems;
    const split = /^(\S+?:\d+): ([\s\S]*)$/.exec(first!);
    return { where: split?.[1] ?? where, message: [split?.[2] ?? first!, ...rest].join("\n") };
  }
  return { text, imports: [...imports.values()], codec: codecOf(type, node), line: node.getStartLineNumber() };
}
