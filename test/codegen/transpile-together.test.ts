import { join } from "node:path";
import { ROOT } from "./temp-project";

/** ts-node's service as codegen/ts-loader.js creates it (transpile-only, its options). */
interface Service {
  compile(code: string, fileName: string): string;
}
const service = (require("ts-node") as { create(options: object): Service }).create(require(join(ROOT, "codegen", "ts-node-options.json")));
const { transpileTogether } = require(join(ROOT, "codegen", "transpile-together.js")) as {
  transpileTogether(service: Service, inputs: readonly { filename: string; code: string }[]): Map<string, string>;
};

const dir = join(ROOT, "features-example");
const inputs = [
  ["module.ts", `import { feature } from "../dsl";\nimport type { Thing } from "./thing";\nexport interface Config { readonly n: number }\nexport const f = feature("f").default({ n: 1 } as Config);\nexport enum Color { Red, Blue }\n`],
  ["helper.ts", `export const size = (x: number): number => x * 2;\nexport default class Box<T> { constructor(readonly value: T) {} }\n`],
  ["uses-global.ts", `export const value = Shared.X;\n`],
  ["script.ts", `const enum Shared { X = 1 }\n`],
  ["augments.ts", `export {};\ndeclare global { const enum Other { Y = 2 } }\n`],
  ["syntax.ts", `export const broken = ;\n`],
  ["with space.ts", `export const spaced = 1;\n`],
].map(([name, code]) => ({ filename: join(dir, name!), code: code! }));

describe("transpileTogether", () => {
  const outputs = transpileTogether(service, inputs);

  it.each(inputs.filter((i) => outputs.has(i.filename)).map((i) => [i.filename.slice(dir.length + 1), i] as const))("%s: the text ts-node gives the file alone", (_name, input) => {
    expect(outputs.get(input.filename)).toBe(service.compile(input.code, input.filename));
  });

  it("leaves to ts-node the files that could see or change others (scripts, global declarations) and those with syntax errors", () => {
    expect([...outputs.keys()].map((f) => f.slice(dir.length + 1)).sort()).toEqual(["helper.ts", "module.ts", "uses-global.ts", "with space.ts"]);
  });
});
