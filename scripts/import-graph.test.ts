/**
 * The dependency rules of STYLE.md, over every TypeScript file of the repository (committed or new, as git lists
 * them): no import cycles; shared/ imports nothing of electron/, renderer/ or server/; the renderer imports
 * neither electron/ nor server/; the server's own code (not its tests) does not import electron/.
 * Type-only imports count: `import type` ties the files together as much as any other import.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ImportEdge {
  /** Repository paths with '/' separators. */
  from: string;
  to: string;
  specifier: string;
  /** `import('./x')` at run time loads lazily, so it cannot take part in a cycle of module evaluation. */
  lazy: boolean;
}

/** Tracked files and new ones not ignored, so a cycle is caught before anyone commits it. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.ts', '*.tsx'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)))
    .sort();
}

/** Every module specifier in the file: imports and re-exports (type-only too), `import x = require()`, `import()`. */
function specifiersOf(file: string): { specifier: string; lazy: boolean }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found: { specifier: string; lazy: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, lazy: false });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, lazy: false });
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import('./x')` in a type: erased like `import type`, and counted like it.
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) found.push({ specifier: argument.literal.text, lazy: false });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push({ specifier: argument.text, lazy: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository file a relative specifier names, as the bundler resolves it; null when there is none. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const withoutJs = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [base, `${withoutJs}.ts`, `${withoutJs}.tsx`, `${withoutJs}.d.ts`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile()) ?? null;
}

function readGraph(): { files: string[]; edges: ImportEdge[]; unresolved: string[] } {
  const files = sourceFiles();
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { specifier, lazy } of specifiersOf(from)) {
      if (!specifier.startsWith('.')) continue;
      const to = resolveRelative(from, specifier);
      if (to) edges.push({ from, to, specifier, lazy });
      else unresolved.push(`${from}: '${specifier}'`);
    }
  }
  return { files, edges, unresolved };
}

/** Groups of files that import each other, directly or round about (Tarjan's strongly connected components). */
function entangledGroups(files: string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  // Iterative, so a long import chain cannot overflow the call stack.
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { file: string; child: number }[] = [{ file: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.file) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, child: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) === index.get(frame.file)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.file);
        const selfImport = (next.get(frame.file) ?? []).includes(frame.file);
        if (group.length > 1 || selfImport) groups.push(group.sort());
      }
    }
  }
  return groups;
}

/** The shortest way from a file back to itself inside its group, as `a → b → a`. */
function shortestCycleThrough(start: string, group: Set<string>, next: Map<string, string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const target of next.get(file) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) {
        const chain = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) chain.unshift(at);
        chain.unshift(start);
        return chain;
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  throw new Error(`${start} is in an import cycle but no way back to it was found`);
}

/** Each cycle once, as a readable chain of files; within a group, the shortest cycle through each of its files. */
function importCycles(files: string[], edges: ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.lazy) continue;
    const targets = next.get(edge.from) ?? [];
    if (!targets.includes(edge.to)) targets.push(edge.to);
    next.set(edge.from, targets);
  }
  const cycles = new Set<string>();
  for (const group of entangledGroups(files, next)) {
    const members = new Set(group);
    for (const file of group) {
      const chain = shortestCycleThrough(file, members, next);
      // The same cycle seen from each of its files: written from its alphabetically first file.
      const ring = chain.slice(1);
      const first = ring.indexOf([...ring].sort()[0]!);
      const rotated = [...ring.slice(first), ...ring.slice(0, first)];
      cycles.add([...rotated, rotated[0]].join(' → '));
    }
  }
  return [...cycles].sort();
}

const isTestCode = (file: string) => /\.test\.tsx?$/.test(file) || file.split('/').includes('test-support');
const under = (file: string, ...folders: string[]) => folders.some((folder) => file.startsWith(`${folder}/`));
const describeEdge = (edge: ImportEdge) => `${edge.from} imports '${edge.specifier}' (${edge.to})`;

describe('the import graph', () => {
  const { files, edges, unresolved } = readGraph();

  it('is read from the whole repository', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const folder of ['shared', 'electron', 'renderer', 'server']) expect(files.some((file) => under(file, folder)), folder).toBe(true);
    // An import the test cannot follow would hide its edges.
    expect(unresolved).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(files, edges), 'import cycles (type-only imports count)').toEqual([]);
  });

  it('keeps shared/ free of electron/, renderer/ and server/', () => {
    const violations = edges.filter((edge) => under(edge.from, 'shared') && under(edge.to, 'electron', 'renderer', 'server'));
    expect(violations.map(describeEdge)).toEqual([]);
  });

  it('keeps the renderer off electron/ and server/', () => {
    const violations = edges.filter((edge) => under(edge.from, 'renderer') && under(edge.to, 'electron', 'server'));
    expect(violations.map(describeEdge)).toEqual([]);
  });

  it("keeps the server's own code off electron/ (its tests may use the till's test support)", () => {
    const violations = edges.filter((edge) => under(edge.from, 'server') && !isTestCode(edge.from) && under(edge.to, 'electron'));
    expect(violations.map(describeEdge)).toEqual([]);
  });
});
