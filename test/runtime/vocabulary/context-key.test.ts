import { attributeDescriptors } from "../../../runtime/vocabulary/attributes";

/*
 * An operator that reads a context key itself (Scope.directContextKey) is chosen by what the
 * attribute yields, and builds that context attribute's answers and errors:
 * classifiers/shapes/context-string-tests.ts for a string, context-version-order.ts for a
 * version, context-number-order.ts for a number. So only those three attributes may have a
 * `contextKey`: another attribute of the same yield would be read by rules that are not its own.
 */
describe("the attributes an operator may read the context key of", () => {
  it("are context.string, context.version and context.number, each yielding its own kind", () => {
    const withKey = attributeDescriptors.filter((d) => d.contextKey !== undefined).map((d) => [d.tag, d.yields]);
    expect(withKey.sort()).toEqual([
      ["context.number", "number"],
      ["context.string", "string"],
      ["context.version", "version"],
    ]);
  });
});
