import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FileSystemRefreshResult, ts, type Project, type SourceFile } from "ts-morph";
import type { GenOptions } from "../../cli/options";
import type { Problem } from "../../problems";
import { listFeatureFiles } from "../feature-files";
import { combineLoads, type FileLoad } from "../load/load-features";
import { loadChangedFeaturesInWorker, ownLoaderThread } from "../load/in-worker";
import { planOutputs, requireFeaturesFolder, withinStack, type Generated } from "../plan-outputs";
import { print } from "../print-module";
import { createProject, programWithEveryFile } from "../ts-project";
import { fileDiagnostics } from "../type-read/compile-errors";
import { valueTypeOf, type ValueType } from "../type-read/value-type";
import { ImportGraph, isProjectFile } from "./import-graph";

/** What changed since the session's last run: absolute paths, or `"unknown"` (a watcher that could not say). */
export type ChangeSet = ReadonlySet<string> | "unknown";

/** A session run's output, and whether it reused the last run's facts. */
export interface SessionRun extends Generated {
  readonly incremental: boolean;
}

/** `gen --watch`'s generator: keeps what it learnt of each file from one run to the next. */
export interface WatchSession {
  /**
   * Generates in memory, as `generateInMemory` would from the files on disk: in full the first
   * time and whenever the changes are ambiguous, otherwise checking, loading and reading types
   * again only for what the changes can affect. Rejects with a {@link GenerationError} as a
   * fresh run would; the session then still serves the next run.
   */
  run(changes: ChangeSet): Promise<SessionRun>;
  /** Stops the session's loader thread. */
  close(): void;
}

/** What the session knows from its last run, per file. */
interface State {
  readonly project: Project;
  /** Who imports whom, as the last run's program resolved it. */
  graph: ImportGraph | undefined;
  featureFiles: readonly string[];
  /** Compile errors of each feature file. */
  readonly diagnostics: Map<string, readonly Problem[]>;
  /** What running each feature file gave. */
  readonly loads: Map<string, FileLoad>;
  /** The worker's module registry the loads came from. */
  registry: string | undefined;
  loadedModules: readonly string[];
  /** Value types by feature file, export and key. */
  readonly valueTypes: Map<string, ValueType | Problem>;
}

const valueTypeKey = (file: string, exportName: string, key: string) => `${file}\u0000${exportName}\u0000${key}`;

/** `path` through the real path of its folder (a file may be gone; its folder rarely is). */
function canonical(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return resolve(path);
  }
}

/** A path as it was reported and as module registries name it (they follow symbolic links). */
function bothForms(path: string): string[] {
  const given = resolve(path);
  const real = canonical(path);
  return given === real ? [given] : [given, real];
}

/**
 * A change a session cannot follow file by file: a file it never read (a new file may take the
 * place of another in module resolution), or a script, a global augmentation or an ambient
 * module declaration (they reach every file, not only the ones importing them).
 */
function needsFullRun(state: State, path: string, known: (path: string) => boolean): boolean {
  const forms = bothForms(path);
  if (!known(path)) return existsSync(path);
  if (path.endsWith(".json")) return false;
  return forms.some((p) => {
    const file = state.project.getSourceFile(p);
    return file !== undefined && reachesEveryFile(file);
  });
}

function reachesEveryFile(file: SourceFile): boolean {
  const node = file.compilerNode as ts.SourceFile & { moduleAugmentations?: readonly unknown[]; ambientModuleNames?: readonly string[] };
  return !ts.isExternalModule(node) || (node.moduleAugmentations?.length ?? 0) > 0 || (node.ambientModuleNames?.length ?? 0) > 0;
}

/** Starts a watch session for `options` (nothing runs until {@link WatchSession.run}). */
export function createWatchSession(options: GenOptions): WatchSession {
  let state: State | undefined;
  const loader = ownLoaderThread();
  /** Printed modules by file name, with what they were printed from. */
  const printed = new Map<string, { readonly input: string; readonly text: string }>();

  /** Whether a path names a file the last run read: as given, or else through real paths (computed only then). */
  const knownTo = (s: State): ((path: string) => boolean) => {
    const read = [...s.loadedModules, ...s.project.getSourceFiles().map((f) => f.getFilePath() as string)];
    const given = new Set(read.map((p) => resolve(p)));
    let real: Set<string> | undefined;
    return (path) => {
      if (given.has(resolve(path))) return true;
      real ??= new Set(read.flatMap(bothForms));
      return bothForms(path).some((p) => real!.has(p));
    };
  };

  const gather = async (changes: ChangeSet): Promise<{ s: State; incremental: boolean }> => {
    requireFeaturesFolder(options);
    const featureFiles = listFeatureFiles(options.featuresDir);
    const isFeatureFile = new Set(featureFiles);
    let s = state;
    let changed: Set<string> | undefined;
    if (s !== undefined && s.graph !== undefined && changes !== "unknown") {
      const before = new Set(s.featureFiles);
      const reported = new Set(changes);
      // A feature file gone without its event is a change too; a new one is never followed file by file.
      for (const file of s.featureFiles) if (!isFeatureFile.has(file)) reported.add(file);
      const knownPaths = knownTo(s);
      const ambiguous = featureFiles.some((f) => !before.has(f)) || [...reported].some((p) => needsFullRun(s!, p, knownPaths));
      changed = ambiguous ? undefined : new Set([...reported].flatMap(bothForms));
    }
    if (s === undefined || changed === undefined) {
      const project = createProject(options.featuresDir);
      s = { project, graph: undefined, featureFiles, diagnostics: new Map(), loads: new Map(), registry: undefined, loadedModules: [], valueTypes: new Map() };
    }
    const incremental = changed !== undefined;
    const current = s;
    const loading = loadChangedFeaturesInWorker(options, featureFiles, {
      changed: [...(changed ?? [])],
      needed: featureFiles.filter((f) => !current.loads.has(f)),
      registry: s.registry,
    }, loader);
    try {
      const { project } = s;
      let toCheck: readonly string[] = featureFiles;
      if (changed !== undefined) {
        const affected = s.graph!.affectedBy(changed);
        const refreshed: SourceFile[] = [];
        for (const path of changed) {
          const file = project.getSourceFile(path);
          if (file === undefined) continue;
          if (withinStack(options, path, () => file.refreshFromFileSystemSync()) !== FileSystemRefreshResult.Deleted && !file.wasForgotten()) refreshed.push(file);
        }
        // An edit that made a file a script or a global augmentation reaches every file: start over.
        if (refreshed.some(reachesEveryFile)) {
          state = undefined;
          await loading.catch(() => undefined);
          return gather("unknown");
        }
        toCheck = featureFiles.filter((f) => affected.has(f));
        for (const key of [...s.valueTypes.keys()]) if (affected.has(key.slice(0, key.indexOf("\u0000")))) s.valueTypes.delete(key);
      } else {
        for (const f of featureFiles) withinStack(options, f, () => project.addSourceFileAtPath(f));
      }
      for (const file of s.diagnostics.keys()) if (!isFeatureFile.has(file)) s.diagnostics.delete(file);
      const program = withinStack(options, options.featuresDir, () => (changed === undefined ? programWithEveryFile(project) : project.getProgram().compilerObject));
      s.graph = ImportGraph.of(program);
      toCheck.forEach((path, i) => {
        options.onProgress?.("checking types", i + 1, toCheck.length);
        const file = project.getSourceFileOrThrow(path);
        s!.diagnostics.set(path, withinStack(options, path, () => fileDiagnostics(options, program, file)));
      });
    } catch (e) {
      // What the session knew may be half updated: the next run starts over.
      state = undefined;
      await loading.catch(() => undefined);
      throw e;
    }
    let loaded;
    try {
      loaded = await loading;
    } catch (e) {
      state = undefined;
      throw e;
    }
    for (const [file, load] of loaded.loads) s.loads.set(file, load);
    for (const file of [...s.loads.keys()]) if (!isFeatureFile.has(file)) s.loads.delete(file);
    s.registry = loaded.registry;
    s.loadedModules = loaded.loadedModules;
    s.featureFiles = featureFiles;
    state = s;
    return { s, incremental };
  };

  return {
    async run(changes) {
      const { s, incremental } = await gather(changes);
      const problems: Problem[] = [];
      const failed = new Set<string>();
      for (const file of s.featureFiles) {
        const found = s.diagnostics.get(file) ?? [];
        problems.push(...found);
        if (found.length > 0) failed.add(file);
      }
      try {
        const generated = planOutputs(options, {
          featureFiles: s.featureFiles,
          diagnostics: { problems, failed },
          loaded: { ...combineLoads(s.featureFiles, (file) => s.loads.get(file)!), loadedModules: s.loadedModules },
          valueTypeOf: (feature, taken) => {
            const key = valueTypeKey(feature.file, feature.exportName, feature.key);
            const known = s.valueTypes.get(key);
            if (known !== undefined) return known;
            const read = valueTypeOf(options, s.project, feature, taken);
            s.valueTypes.set(key, read);
            return read;
          },
          checkedFiles: () => s.project.getSourceFiles().map((file) => resolve(file.getFilePath())).filter(isProjectFile),
          print: (name, key, structure) => {
            const input = key();
            const last = printed.get(name);
            if (last !== undefined && last.input === input) return last.text;
            const text = print(s.project, options, name, structure());
            printed.set(name, { input, text });
            return text;
          },
        });
        return { ...generated, incremental };
      } finally {
        // Printing churned the project's files: build its next program while the user reads the
        // summary, so the edit that follows reuses its structure (only file texts change) instead
        // of resolving every file again.
        setImmediate(() => {
          try {
            if (state === s) void s.project.getProgram().compilerObject;
          } catch {
            // The next run builds it again, and reports what failed.
          }
        });
      }
    },
    close() {
      loader.close();
    },
  };
}

