import { ts } from "ts-morph";
import type { CodecNode } from "./value-codec";

/*
 * The checker lists a union's members in the order it happened to create their types (type ids),
 * so `"hallo" | "hello" | "bonjour"` in one run is `"bonjour" | "hallo" | "hello"` in another
 * where some other feature file, checked first, mentioned "bonjour". A feature's generated types
 * then depended on every other file: editing one feature rewrote the files of unrelated ones, and
 * `gen --watch` could not type-check only what changed and still write what a fresh `gen` writes.
 * Generated code lists union members in one canonical order instead, decided by the members alone.
 */

/** Keyword types first, in the order TypeScript itself creates (and so prints) them. */
const KEYWORD_ORDER = new Map<ts.SyntaxKind, number>(
  [
    ts.SyntaxKind.AnyKeyword,
    ts.SyntaxKind.UnknownKeyword,
    ts.SyntaxKind.StringKeyword,
    ts.SyntaxKind.NumberKeyword,
    ts.SyntaxKind.BigIntKeyword,
    ts.SyntaxKind.BooleanKeyword,
    ts.SyntaxKind.SymbolKeyword,
    ts.SyntaxKind.ObjectKeyword,
    ts.SyntaxKind.VoidKeyword,
    ts.SyntaxKind.NeverKeyword,
  ].map((kind, i) => [kind, i]),
);

/** Where a member goes: keywords, then other types (by text), then literals, then `null` and `undefined` last (as TypeScript writes them). */
function rank(member: ts.TypeNode): number {
  const keyword = KEYWORD_ORDER.get(member.kind);
  if (keyword !== undefined) return keyword;
  if (member.kind === ts.SyntaxKind.UndefinedKeyword) return 104;
  if (ts.isLiteralTypeNode(member)) {
    const literal = member.literal;
    if (literal.kind === ts.SyntaxKind.NullKeyword) return 103;
    if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) return 100;
    if (literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword) return 102;
    return 101; // numbers and bigints, negative ones included
  }
  return 50;
}

/** The number a numeric literal member stands for (NaN for anything else). */
function numberOf(member: ts.TypeNode, text: string): number {
  return ts.isLiteralTypeNode(member) ? Number(text.replace(/n$/, "")) : Number.NaN;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `text`, a type as the checker printed it, with the members of every union in it (nested ones
 * too) in the canonical order; everything else is kept character for character. Text that does
 * not parse as a type is returned as it is.
 */
export function canonicalUnionOrder(text: string): string {
  if (!text.includes("|")) return text;
  const prefix = "type T = ";
  const source = ts.createSourceFile("type.ts", `${prefix}${text};`, ts.ScriptTarget.Latest, true);
  const statement = source.statements[0];
  if (source.statements.length !== 1 || statement === undefined || !ts.isTypeAliasDeclaration(statement)) return text;
  const full = source.text;
  const rewrite = (node: ts.Node): string => {
    if (ts.isUnionTypeNode(node)) {
      const members = node.types.map((member) => ({ member, text: rewrite(member) }));
      members.sort((a, b) => {
        const byRank = rank(a.member) - rank(b.member);
        if (byRank !== 0) return byRank;
        if (rank(a.member) === 101) return numberOf(a.member, a.text) - numberOf(b.member, b.text) || compareText(a.text, b.text);
        return compareText(a.text, b.text);
      });
      return members.map((m) => m.text).join(" | ");
    }
    // Any other node: its own text, with the unions inside it rewritten in place.
    let out = "";
    let position = node.getStart(source);
    const visit = (child: ts.Node): void => {
      if (ts.isUnionTypeNode(child)) {
        out += full.slice(position, child.getStart(source)) + rewrite(child);
        position = child.end;
      } else ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return out + full.slice(position, node.end);
  };
  const rewritten = rewrite(statement.type);
  return rewritten;
}

/** Members that are primitives keep the checker's order (their types exist before any file is checked, so it never varies) and come first. */
function isPrimitive(node: CodecNode): boolean {
  return node.__type === "string" || node.__type === "number" || node.__type === "boolean" || node.__type === "null";
}

/** Literal strings, then numbers, then booleans, each by value; then every other codec by its JSON. */
function codecKey(node: CodecNode): readonly [number, string | number] {
  if (node.__type === "literal") {
    const value = node.value;
    return typeof value === "string" ? [0, value] : typeof value === "number" ? [1, value] : [2, value ? 1 : 0];
  }
  return [3, JSON.stringify(node)];
}

/**
 * A union codec's members in the canonical order: primitives first as the checker lists them,
 * then the rest by {@link codecKey}. io-ts tries a union's members in turn and a value a member
 * accepts is accepted whatever the order, so the order changes only how the code reads.
 */
export function canonicalMemberOrder(members: readonly CodecNode[]): CodecNode[] {
  const primitives = members.filter(isPrimitive);
  const others = members
    .filter((m) => !isPrimitive(m))
    .map((m) => ({ m, key: codecKey(m) }))
    .sort((a, b) => a.key[0] - b.key[0] || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0))
    .map(({ m }) => m);
  return [...primitives, ...others];
}
