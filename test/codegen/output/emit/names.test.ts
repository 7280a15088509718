import { literal } from "../../../../codegen/output/emit/literal";
import { fileNameProblem, keyFromFileName, pascalCase, variableName } from "../../../../codegen/output/emit/names";

test("JSON values print as TypeScript literals", () => {
  expect(literal({ text: "Hi", "odd-key": [1, null, true], __proto__x: {} })).toBe('{ text: "Hi", "odd-key": [1, null, true], __proto__x: {} }');
  expect(literal(JSON.parse('{"__proto__": 1}'))).toBe('{ ["__proto__"]: 1 }');
  const long = { description: "x".repeat(60), values: ["a".repeat(30), "b".repeat(30)] };
  expect(literal(long)).toBe(`{\n  description: "${"x".repeat(60)}",\n  values: ["${"a".repeat(30)}", "${"b".repeat(30)}"],\n}`);
});

test("names derived from keys and file names", () => {
  expect(pascalCase("checkout_v2")).toBe("CheckoutV2");
  expect(pascalCase("_beta")).toBe("Beta");
  expect(pascalCase("new-checkout")).toBe("NewCheckout");
  expect(pascalCase("newCheckout")).toBe("NewCheckout");
  expect(pascalCase("checkout.v2")).toBe("CheckoutV2");
  expect(keyFromFileName("test-values-map")).toBe("test-values-map");
  expect(keyFromFileName("my flags..v2")).toBe("my_flags.v2");
  expect(variableName("new-checkout")).toBe("newCheckout");
  expect(fileNameProblem("con")).toMatch(/device names on Windows/);
  expect(fileNameProblem("nul.v2")).toMatch(/device names on Windows/);
  expect(fileNameProblem("console")).toBeUndefined();
  expect(keyFromFileName("2fa")).toBe("_2fa");
  expect(variableName("delete")).toBe("deleteFeature");
  expect(variableName("rollout")).toBe("rollout");
});
