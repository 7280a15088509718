"use strict";
/*
 * Many TypeScript files transpiled in one TypeScript program, each to exactly the text ts-node
 * (transpile-only) returns for it alone. ts-node transpiles a file with TypeScript's
 * transpileModule, which builds a program and a type checker for that one file: a cold `gen` of
 * 1,000 feature files spent ~11 s of CPU there, mostly on the 1,000 programs. One program over
 * all of them emits the same files in ~2.5 s (measured with --cpu-prof on bench/gen's project).
 *
 * Why the text is the same: transpileModule's options (isolatedModules, noResolve, noLib) keep a
 * file from seeing any other, so emitting it beside others changes nothing, with two exceptions
 * that are left to ts-node one by one: a script (not a module), whose top-level declarations are
 * global and so visible to the other files of a program, and a module that declares globals or an
 * ambient module (`declare global`, `declare module "x"`). A file with a syntax error is left to
 * ts-node too, which reports it as it always has (a TSError naming the line). The options are
 * ts-node's own (its service's), completed as its transpileModule completes them, and the output
 * is finished as ts-node finishes it (source map rewritten and inlined). Plain JavaScript: it runs
 * before any TypeScript can (codegen/ts-loader.js uses it).
 */
const path = require("node:path");

/** `C:\x\y.ts` as ts-node names it: forward slashes. */
function normalizeSlashes(file) {
  return file.replace(/\\/g, "/");
}

/**
 * The compiler options ts-node's transpileModule uses, from its service's: undefined when this
 * service transpiles some other way (another transpiler, custom transformers, module overrides),
 * or the TypeScript in use lacks what ts-node itself calls.
 */
function transpileOptions(service) {
  const ts = service.ts;
  const settings = service.options ?? {};
  if (settings.transpiler !== undefined || settings.swc === true || settings.transformers !== undefined || settings.moduleTypes !== undefined) return undefined;
  if (typeof ts.fixupCompilerOptions !== "function" || typeof ts.getDefaultCompilerOptions !== "function" || ts.transpileOptionValueCompilerOptions === undefined) return undefined;
  // Other module kinds are overridden per file by ts-node's module classification.
  if (service.config.options.module !== ts.ModuleKind.CommonJS) return undefined;
  const diagnostics = [];
  const options = ts.fixupCompilerOptions({ ...service.config.options }, diagnostics);
  if (diagnostics.length > 0) return undefined;
  const defaults = ts.getDefaultCompilerOptions();
  for (const key of Object.keys(defaults)) if (options[key] === undefined) options[key] = defaults[key];
  for (const option of ts.transpileOptionValueCompilerOptions) options[option.name] = option.transpileOptionValue;
  options.suppressOutputPathCheck = true;
  options.allowNonTsExtensions = true;
  return options;
}

/** Whether a parsed file's top level reaches other files of a program: a script, or global or ambient module declarations. */
function reachesOtherFiles(ts, file) {
  if (!ts.isExternalModule(file)) return true;
  return file.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || (s.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
}

/** ts-node's updateOutput: the source map names the file, and replaces the emitted `//# sourceMappingURL=x.js.map` inline. */
function finishOutput(outputText, fileName, sourceMapText) {
  const sourceMap = JSON.parse(sourceMapText);
  sourceMap.file = fileName;
  sourceMap.sources = [fileName];
  delete sourceMap.sourceRoot;
  const content = `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(sourceMap), "utf8").toString("base64")}`;
  const prefix = "//# sourceMappingURL=";
  const mapName = `${path.basename(fileName).slice(0, -path.extname(fileName).length)}.js.map`;
  for (const directive of [prefix + mapName, prefix + encodeURI(mapName)]) {
    if (outputText.substr(-directive.length, prefix.length) === prefix) return outputText.slice(0, -directive.length) + content;
  }
  return `${outputText}\n${content}`;
}

/**
 * Transpiles `inputs` (`{ filename, code }`, absolute paths of `.ts` files) in one program with
 * `service`'s options. Returns each output by file name, for the files it could transpile; the
 * others are for ts-node one by one (see above).
 */
function transpileTogether(service, inputs) {
  const outputs = new Map();
  const ts = service.ts;
  const options = transpileOptions(service);
  if (options === undefined) return outputs;
  const newLine = ts.getNewLineCharacter(options);
  const files = new Map();
  const packageJsons = new Set();
  const host = {
    getSourceFile: (fileName) => files.get(fileName),
    writeFile: (name, text, _bom, _onError, sourceFiles) => {
      const file = sourceFiles?.[0];
      if (file === undefined) return;
      const entry = emitted.get(file.fileName) ?? {};
      if (name.endsWith(".map")) entry.map = text;
      else entry.js = text;
      emitted.set(file.fileName, entry);
    },
    getDefaultLibFileName: () => "lib.d.ts",
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => "",
    getNewLine: () => newLine,
    // As ts-node's transpileModule: the file, and a package.json of type commonjs beside it.
    fileExists: (fileName) => files.has(fileName) || packageJsons.has(fileName),
    readFile: (fileName) => (packageJsons.has(fileName) ? `{"type": "commonjs"}` : ""),
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const emitted = new Map();
  const byName = new Map();
  for (const { filename, code } of inputs) {
    if (path.extname(filename) !== ".ts" || filename.endsWith(".d.ts")) continue;
    const fileName = ts.normalizePath(normalizeSlashes(filename));
    packageJsons.add(`${ts.getDirectoryPath(fileName)}/package.json`);
    const file = ts.createSourceFile(fileName, code, {
      languageVersion: ts.getEmitScriptTarget(options),
      impliedNodeFormat: ts.getImpliedNodeFormatForFile(ts.toPath(fileName, "", host.getCanonicalFileName), undefined, host, options),
      setExternalModuleIndicator: ts.getSetExternalModuleIndicator(options),
    });
    if (reachesOtherFiles(ts, file)) continue;
    files.set(fileName, file);
    byName.set(fileName, filename);
  }
  if (files.size === 0) return outputs;
  const program = ts.createProgram([...files.keys()], options, host);
  if (program.getOptionsDiagnostics().length > 0) return outputs;
  program.emit();
  for (const [fileName, file] of files) {
    const entry = emitted.get(fileName);
    if (entry?.js === undefined || entry.map === undefined || program.getSyntacticDiagnostics(file).length > 0) continue;
    outputs.set(byName.get(fileName), finishOutput(entry.js, normalizeSlashes(byName.get(fileName)), entry.map));
  }
  return outputs;
}

module.exports = { transpileTogether };
