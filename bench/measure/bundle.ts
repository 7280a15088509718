/**
 * The app bundle: bench/generated's getters with the runtime they import, bundled by esbuild
 * (bench's devDependency), minified, then gzipped. Also the minified bytes by origin (io-ts, fp-ts,
 * runtime, generated), from esbuild's metafile.
 *
 * Three resolutions of the runtime's own imports of io-ts and fp-ts:
 * - `main`: packages' Node entry points (esbuild's default for platform node): their CommonJS builds;
 * - `module`: packages' ES module entry points (mainFields module, main);
 * - `package`: as an app bundling the installed package resolves them: the package's `module`
 *   export condition gives bundlers dist/module/, whose io-ts and fp-ts imports point at those
 *   packages' ES module builds (scripts/es-module-paths.js, shared with the build), whatever the
 *   app's mainFields; everything else as `main`. It bundles the sources resolved that way, which
 *   needs no build: bundling the built package instead came within 0.1 KB (2026-12-02).
 */
import { gzipSync } from "node:zlib";
import { join, sep } from "node:path";
import { requirePeer } from "../evaluators/peers/require-peer";
const { esModulePath } = require("../../scripts/es-module-paths") as { esModulePath(specifier: string): string | undefined };

interface EsbuildOutput {
  readonly outputFiles: readonly { readonly contents: Uint8Array }[];
  readonly metafile: { readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }> };
}
type Resolution = "main" | "module" | "package";

interface EsbuildPlugin {
  readonly name: string;
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string; importer: string; resolveDir: string }) => { path: string } | undefined): void }): void;
}

interface Esbuild {
  build(options: object): Promise<EsbuildOutput>;
}

export interface BundleResult {
  /** How esbuild resolved packages: Node's entry points ("main" first, its default for platform node), their ES modules ("module" first), or as from the installed package ("package", see above). */
  readonly resolution: Resolution;
  readonly minifiedBytes: number;
  readonly gzippedBytes: number;
  /** Minified bytes by origin: "io-ts", "fp-ts", "re2js", "runtime", "generated", "other". */
  readonly byOrigin: Record<string, number>;
  /** The largest runtime files in the bundle, largest first, with their minified bytes: where to look next. */
  readonly largestRuntimeFiles: readonly (readonly [string, number])[];
}

/** How many runtime files {@link BundleResult.largestRuntimeFiles} lists. */
const LARGEST = 12;

function origin(path: string): string {
  if (path.includes("node_modules/io-ts/")) return "io-ts";
  if (path.includes("node_modules/fp-ts/")) return "fp-ts";
  if (path.includes("node_modules/re2js/")) return "re2js";
  if (path.startsWith("runtime/") || path.includes("/runtime/")) return "runtime";
  if (path.includes("generated/")) return "generated";
  return "other";
}

/** The `package` resolution: the runtime's io-ts and fp-ts imports go to their ES module builds, as dist/module's do. */
function packageResolution(root: string): EsbuildPlugin {
  const runtime = join(root, "runtime") + sep;
  return {
    name: "offline-features-module-build",
    setup(build) {
      build.onResolve({ filter: /^(io-ts|fp-ts\/[A-Za-z]+)$/ }, (args) => {
        const path = esModulePath(args.path);
        return path === undefined || !args.importer.startsWith(runtime) ? undefined : { path: require.resolve(path, { paths: [root] }) };
      });
    },
  };
}

export async function measureBundle(resolution: Resolution = "main"): Promise<BundleResult> {
  const esbuild = requirePeer<Esbuild>("esbuild");
  const root = join(__dirname, "..", "..");
  const out = await esbuild.build({
    stdin: {
      // What an application does: import the getters and call them.
      contents: 'import { getR1, getR2, getR3 } from "./bench/generated";\nconsole.log(getR1(), getR2({ country: "US", plan: "pro", appVersion: "2.3.0" }), getR3({ userId: "u" }));\n',
      resolveDir: root,
      sourcefile: "app.ts",
      loader: "ts",
    },
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: resolution === "module" ? ["module", "main"] : ["main", "module"],
    plugins: resolution === "package" ? [packageResolution(root)] : [],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = out.outputFiles[0]!.contents;
  const byOrigin: Record<string, number> = {};
  const runtimeFiles: [string, number][] = [];
  for (const output of Object.values(out.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      byOrigin[origin(path)] = (byOrigin[origin(path)] ?? 0) + bytesInOutput;
      if (origin(path) === "runtime") runtimeFiles.push([path, bytesInOutput]);
    }
  }
  const largestRuntimeFiles = runtimeFiles.sort((a, b) => b[1] - a[1]).slice(0, LARGEST);
  return { resolution, minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length, byOrigin, largestRuntimeFiles };
}

if (require.main === module) {
  Promise.all([measureBundle("main"), measureBundle("module"), measureBundle("package")]).then((r) => console.log(JSON.stringify(r)), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
