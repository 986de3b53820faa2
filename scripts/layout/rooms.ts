/**
 * The rooms of a subgraph beyond its resolvers: `src/domain/` holds one exported function per
 * file, named by the file (or types alone); `src/data/` holds `db.ts`, `loaders.ts` and `<entity>-store.ts` files
 * exporting `create<Entity>Store`; `src/services.ts` builds and closes what the process needs, and
 * a subgraph with a worker script has `src/worker.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (kebab: string) => camel(kebab).replace(/^./, (c) => c.toUpperCase());
const tsFilesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")) : [];

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Whether a module exports anything at run time (a function, a value, a class), not only types. */
function exportsValues(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  return source.statements.some(
    (s) =>
      (isExported(s) &&
        (ts.isFunctionDeclaration(s) ||
          ts.isVariableStatement(s) ||
          ts.isClassDeclaration(s) ||
          ts.isEnumDeclaration(s))) ||
      (ts.isExportDeclaration(s) && !s.isTypeOnly) ||
      ts.isExportAssignment(s),
  );
}

/** Names of the functions a module exports (declarations and `const x = () => …`). */
export function exportedFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        if (ts.isIdentifier(decl.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          names.push(decl.name.text);
      }
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) names.push("(re-export)");
  }
  return names;
}

export function checkRooms(dir: string): string[] {
  const problems: string[] = [];
  const src = path.join(dir, "src");
  const domain = path.join(src, "domain");
  for (const file of tsFilesIn(domain)) {
    const expected = camel(file.slice(0, -3));
    // A module of types alone (a result shape codegen maps to) holds no rule.
    if (!exportsValues(path.join(domain, file))) continue;
    const functions = exportedFunctions(path.join(domain, file));
    if (functions.length !== 1 || functions[0] !== expected)
      problems.push(
        `${domain}/${file}: must export exactly one function, ${expected} (exports: ${functions.join(", ") || "none"})`,
      );
  }
  const data = path.join(src, "data");
  for (const file of tsFilesIn(data)) {
    if (file === "db.ts" || file === "loaders.ts") continue;
    if (!file.endsWith("-store.ts")) {
      problems.push(`${data}/${file}: data/ holds db.ts, loaders.ts and <entity>-store.ts only`);
      continue;
    }
    const factory = `create${pascal(file.slice(0, -3))}`;
    if (!exportedFunctions(path.join(data, file)).includes(factory))
      problems.push(`${data}/${file}: must export ${factory}(tx)`);
  }
  if (!existsSync(path.join(src, "services.ts"))) problems.push(`${dir}: no src/services.ts`);
  const manifest = path.join(dir, "package.json");
  const scripts = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")).scripts ?? {}) : {};
  if (scripts.worker && !existsSync(path.join(src, "worker.ts")))
    problems.push(`${dir}: a worker script but no src/worker.ts`);
  return problems;
}
