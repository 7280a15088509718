import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { resolveGenOptions, type GenOptions } from "../../codegen/cli/options";
import { variableName } from "../../codegen/output/emit/names";

/** The repository root (this file is test/codegen/temp-project.ts). */
export const ROOT = resolve(__dirname, "..", "..");

/** A throwaway project under the OS temp folder: features/, generated/ and its own cache. */
export interface TempProject {
  readonly dir: string;
  readonly features: string;
  readonly out: string;
  readonly options: GenOptions;
  /** Writes `features/<name>`, with `DSL` in the text replaced by the import path of the DSL. */
  write(name: string, text: string): string;
  remove(name: string): void;
  /** Writes `<project>/<name>` (outside features/), with `DSL` replaced as in {@link write}. */
  writeOutside(name: string, text: string): string;
  dispose(): void;
}

/**
 * The temporary project's tsconfig.json: the generator's defaults for a folder without one, but
 * without the DOM library, which TypeScript's default for ES2022 adds and which is the largest file
 * the type check parses (~1 s of CPU in each test file's first run); feature files do not use it.
 */
const TSCONFIG = {
  compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], module: "commonjs", moduleResolution: "node", esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, noEmit: true },
};

/**
 * A temporary project. `tsconfig: false` leaves out its tsconfig.json, so the generator runs on its
 * default compiler options (one test keeps that path covered).
 */
export function tempProject(settings: { readonly tsconfig?: false } = {}): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "offline-features-test-"));
  const features = join(dir, "features");
  mkdirSync(features);
  if (settings.tsconfig !== false) writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  const out = join(dir, "generated");
  const options = resolveGenOptions({ cwd: dir, cacheDir: join(dir, ".cache") });
  return {
    dir,
    features,
    out,
    options,
    write(name, text) {
      const path = join(features, name);
      mkdirSync(dirname(path), { recursive: true });
      const dsl = relative(dirname(path), join(ROOT, "dsl")).split("\\").join("/");
      writeFileSync(path, text.split("DSL").join(dsl));
      return path;
    },
    writeOutside(name, text) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      const dsl = relative(dirname(path), join(ROOT, "dsl")).split("\\").join("/");
      writeFileSync(path, text.split("DSL").join(dsl));
      return path;
    },
    remove(name) {
      rmSync(join(features, name), { force: true });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A feature file defining one boolean flag `key`, exported under the key in camelCase. */
export function flag(key: string, threshold = 0.5): string {
  return `import { feature, lt, sessionRandom } from "DSL";

export const ${variableName(key)} = feature("${key}")
  .bucket("on", lt(sessionRandom(), ${threshold}), true)
  .default(false);
`;
}
