import type { Project, SourceFile } from "ts-morph";
import { ts } from "ts-morph";
import { display, type GenOptions } from "../../cli/options";
import { at, type Problem } from "../../problems";

/**
 * The syntax errors of one feature file, or when it has none, its type errors (errors only, not
 * warnings), each at `file:line`.
 */
export function fileDiagnostics(options: GenOptions, program: ts.Program, file: SourceFile): Problem[] {
  const node = file.compilerNode;
  const syntactic = program.getSyntacticDiagnostics(node);
  const diagnostics = syntactic.length > 0 ? syntactic : program.getSemanticDiagnostics(node);
  const problems: Problem[] = [];
  for (const d of diagnostics) {
    if (d.category !== ts.DiagnosticCategory.Error) continue;
    const line = d.start === undefined ? undefined : node.getLineAndCharacterOfPosition(d.start).line + 1;
    problems.push({ where: at(display(options, file.getFilePath()), line), message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}` });
  }
  return problems;
}

/**
 * Syntax and type errors in the feature files themselves (not in what they import): a feature file
 * that does not compile is refused before it runs, and its value types would be wrong anyway.
 * Returns the problems and the files that have any.
 */
export function featureFileDiagnostics(options: GenOptions, project: Project, files: readonly SourceFile[]): { problems: Problem[]; failed: Set<string> } {
  const program = project.getProgram().compilerObject;
  const problems: Problem[] = [];
  const failed = new Set<string>();
  files.forEach((file, i) => {
    options.onProgress?.("checking types", i + 1, files.length);
    const found = fileDiagnostics(options, program, file);
    problems.push(...found);
    if (found.length > 0) failed.add(file.getFilePath());
  });
  return { problems, failed };
}
