/**
 * Fails when a subgraph strays from the layout written down in CONTRIBUTING.md: one file per
 * root field under `src/resolvers/<Root>/`, one file per type with field resolvers, one resolver
 * map typed from codegen, GraphQL enums taken from the generated types rather than re-typed, the
 * domain/data/services rooms (layout/rooms.ts), and no import cycle in any package.
 * `npm run check:layout [subgraph]`; prints every problem, then exits 1 if there was one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Kind, parse } from "graphql";
import ts from "typescript";
import { importCycles } from "./layout/import-cycles";
import { checkRooms } from "./layout/rooms";

const ROOTS = ["Query", "Mutation", "Subscription"] as const;
type Root = (typeof ROOTS)[number];
const REQUIRED = ["src/resolvers/index.ts", "src/context.ts", "src/config.ts", "src/server.ts", "src/index.ts"];
const GENERATED = "generated/resolvers-types";

interface Sdl {
  roots: Map<Root, string[]>;
  objectTypes: Set<string>;
  scalars: Set<string>;
  enums: Map<string, Set<string>>;
}

export interface LayoutReport {
  problems: string[];
  /** Root fields whose resolver file is typed from the generated `<Root>Resolvers`. */
  typedRootResolvers: number;
}

function readSdl(schemaDir: string): Sdl {
  const sdl: Sdl = { roots: new Map(), objectTypes: new Set(), scalars: new Set(), enums: new Map() };
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".graphql"));
  const doc = parse(files.map((f) => readFileSync(path.join(schemaDir, f), "utf8")).join("\n"));
  for (const def of doc.definitions) {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const name = def.name.value;
      if ((ROOTS as readonly string[]).includes(name)) {
        const fields = sdl.roots.get(name as Root) ?? [];
        sdl.roots.set(name as Root, [...fields, ...(def.fields ?? []).map((f) => f.name.value)]);
      } else sdl.objectTypes.add(name);
    } else if (def.kind === Kind.SCALAR_TYPE_DEFINITION) sdl.scalars.add(def.name.value);
    else if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      sdl.enums.set(def.name.value, new Set((def.values ?? []).map((v) => v.name.value)));
    }
  }
  return sdl;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const tsFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts")) : []);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : walk(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Imports of a module: local name → module specifier. */
function importsOf(source: ts.SourceFile): Map<string, string> {
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) imports.set(el.name.text, statement.moduleSpecifier.text);
    }
  }
  return imports;
}

/** Checks `resolvers/index.ts`: one map typed `Resolvers`, each entry imported from its own file. */
function checkResolverMap(file: string, sdl: Sdl, used: Set<string>): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const imports = importsOf(source);
  const problems: string[] = [];
  let map: ts.ObjectLiteralExpression | undefined;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const typed = decl.type && ts.isTypeReferenceNode(decl.type) && decl.type.typeName.getText() === "Resolvers";
      if (
        decl.name.getText() === "resolvers" &&
        typed &&
        decl.initializer &&
        ts.isObjectLiteralExpression(decl.initializer)
      )
        map = decl.initializer;
    }
  }
  if (!map || !imports.get("Resolvers")?.endsWith(GENERATED)) {
    return [`${file}: needs \`export const resolvers: Resolvers = {…}\` with Resolvers from ../${GENERATED}`];
  }
  const importedFrom = (name: string, expected: string) => {
    if (imports.get(name) === expected) used.add(expected);
    else problems.push(`${file}: ${name} must be imported from "${expected}"`);
  };
  for (const prop of map.properties) {
    if (ts.isSpreadAssignment(prop) && prop.expression.getText() === "scalarResolvers") continue;
    const name = prop.name?.getText() ?? prop.getText();
    if (ts.isShorthandPropertyAssignment(prop) && sdl.objectTypes.has(name)) importedFrom(name, `./${name}`);
    else if (ts.isPropertyAssignment(prop) && sdl.scalars.has(name)) continue;
    else if (
      ts.isPropertyAssignment(prop) &&
      ROOTS.includes(name as Root) &&
      ts.isObjectLiteralExpression(prop.initializer)
    ) {
      for (const field of prop.initializer.properties) {
        const value = ts.isPropertyAssignment(field) ? field.initializer.getText() : field.getText();
        const fieldName = field.name?.getText() ?? "";
        if (!fieldName) {
          problems.push(`${file}: ${name} spreads \`${field.getText()}\`; list each field's resolver`);
          continue;
        }
        if (value !== `${fieldName}Resolver`)
          problems.push(`${file}: ${name}.${fieldName} must be ${fieldName}Resolver`);
        else importedFrom(value, `./${name}/${fieldName}`);
      }
    } else problems.push(`${file}: \`${name}\` is not a root, a type's resolvers from ./<Type> or a scalar`);
  }
  return problems;
}

/** `z.enum(["A", "B"])` whose values all belong to one SDL enum: the enum typed again by hand. */
function handTypedEnums(file: string, sdl: Sdl): string[] {
  const problems: string[] = [];
  for (const match of readFileSync(file, "utf8").matchAll(/z\.enum\(\s*\[([^\]]*)\]/g)) {
    const values = [...(match[1] ?? "").matchAll(/["']([A-Za-z0-9_]+)["']/g)].map((m) => m[1] ?? "");
    const owner = [...sdl.enums].find(([, members]) => values.length > 0 && values.every((v) => members.has(v)));
    if (owner)
      problems.push(`${file}: z.enum([${values.join(", ")}]) re-declares ${owner[0]}; use z.enum(${owner[0]})`);
  }
  return problems;
}

export function checkSubgraph(dir: string, liveFields: ReadonlySet<string>): LayoutReport {
  const problems: string[] = [];
  let typedRootResolvers = 0;
  const schemaDir = path.join(dir, "src", "schema");
  if (!existsSync(schemaDir)) return { problems: [`${dir}: no src/schema/*.graphql`], typedRootResolvers };
  for (const required of REQUIRED) if (!isFile(path.join(dir, required))) problems.push(`${dir}: no ${required}`);
  const sdl = readSdl(schemaDir);
  const resolversDir = path.join(dir, "src", "resolvers");
  const used = new Set<string>();
  if (isFile(path.join(resolversDir, "index.ts")))
    problems.push(...checkResolverMap(path.join(resolversDir, "index.ts"), sdl, used));

  for (const entry of existsSync(resolversDir) ? readdirSync(resolversDir, { withFileTypes: true }) : []) {
    if (entry.isDirectory() && !ROOTS.includes(entry.name as Root))
      problems.push(`${resolversDir}/${entry.name}/: only Query/, Mutation/ and Subscription/ hold resolvers`);
  }
  for (const root of ROOTS) {
    const fields = sdl.roots.get(root) ?? [];
    const rootDir = path.join(resolversDir, root);
    for (const file of tsFiles(rootDir)) {
      const field = file.slice(0, -3);
      if (!fields.includes(field)) problems.push(`${rootDir}/${file}: ${root} has no field ${field}`);
    }
    for (const field of fields) {
      const file = path.join(rootDir, `${field}.ts`);
      if (!isFile(file)) {
        if (root !== "Subscription" || !liveFields.has(field))
          problems.push(`${dir}: ${root}.${field} has no ${path.relative(dir, file)}`);
        continue;
      }
      const text = readFileSync(file, "utf8");
      const typed = new RegExp(`export const ${field}Resolver: ${root}Resolvers\\["${field}"\\] =`).test(text);
      const fromCodegen = new RegExp(`import (type )?\\{[^}]*\\b${root}Resolvers\\b[^}]*\\} from "../../${GENERATED}"`);
      if (typed && fromCodegen.test(text)) typedRootResolvers++;
      else problems.push(`${file}: must export ${field}Resolver: ${root}Resolvers["${field}"] from ../../${GENERATED}`);
      if (!used.has(`./${root}/${field}`)) problems.push(`${file}: not in resolvers/index.ts`);
    }
  }
  for (const file of tsFiles(resolversDir)) {
    const name = file.slice(0, -3);
    if (name === "index" || !/^[A-Z]/.test(name)) continue; // lower-case files: shared input pieces
    if (!sdl.objectTypes.has(name)) problems.push(`${resolversDir}/${file}: the schema has no object type ${name}`);
    else if (
      !new RegExp(`export const ${name}: ${name}Resolvers =`).test(readFileSync(path.join(resolversDir, file), "utf8"))
    )
      problems.push(`${resolversDir}/${file}: must export ${name}: ${name}Resolvers from ../${GENERATED}`);
    else if (!used.has(`./${name}`)) problems.push(`${resolversDir}/${file}: not in resolvers/index.ts`);
  }
  for (const file of existsSync(resolversDir) ? walk(resolversDir) : []) {
    if (/Record<string, unknown>/.test(readFileSync(file, "utf8")))
      problems.push(`${file}: Record<string, unknown> in a resolver; take args from the generated types`);
  }
  for (const file of walk(path.join(dir, "src"))) {
    if (path.basename(file) !== "config.ts") problems.push(...handTypedEnums(file, sdl));
  }
  problems.push(...checkRooms(dir), ...cycleProblems(path.join(dir, "src")));
  return { problems, typedRootResolvers };
}

/** One problem per import cycle among a package's modules. */
export function cycleProblems(src: string): string[] {
  return importCycles(src).map(
    (cycle) => `${src}: import cycle ${cycle.map((f) => path.relative(src, f)).join(" <-> ")}`,
  );
}

function main() {
  const root = path.resolve(import.meta.dirname, "..");
  const only = process.argv[2];
  const live = JSON.parse(readFileSync(path.join(root, "schema", "subscriptions.json"), "utf8"));
  const problems: string[] = [];
  let typed = 0;
  for (const name of readdirSync(path.join(root, "subgraphs")).sort()) {
    if (only && name !== only) continue;
    const report = checkSubgraph(path.join(root, "subgraphs", name), new Set(Object.keys(live)));
    problems.push(...report.problems.map((p) => p.replaceAll(`${root}/`, "")));
    typed += report.typedRootResolvers;
    console.log(
      `layout: ${name}: ${report.typedRootResolvers} root resolvers typed from codegen, ${report.problems.length} problems`,
    );
  }
  if (!only) {
    const shared = ["gateway", ...readdirSync(path.join(root, "packages")).map((p) => `packages/${p}`)];
    for (const name of shared)
      problems.push(...cycleProblems(path.join(root, name, "src")).map((p) => p.replaceAll(`${root}/`, "")));
  }
  for (const problem of problems) console.error(`  ${problem}`);
  console.log(`layout: ${typed} root resolvers typed from codegen, ${problems.length} problems`);
  if (problems.length > 0) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
