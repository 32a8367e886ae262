/**
 * The engine must run in Node, a Web Worker and the page, so it may not import UI code.
 * Only files in a node/ folder of engine, and engine/cli, may use Node built-ins.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

const engineFiles = sourceFiles('engine').map((f) => relative('.', f));

describe('engine/ import boundaries', () => {
  it('engine/ has source files to check', () => {
    expect(engineFiles.length).toBeGreaterThan(5);
  });

  it.each(engineFiles)('%s imports no UI library and nothing from app/ or lessons/', (file) => {
    const bad = importsOf(file).filter(
      (spec) =>
        /^(react|react-dom|zustand|d3|katex)(\/|$)/.test(spec) ||
        /(^|\/)(app|lessons)\//.test(spec.replace(/^(\.\.\/)+/, '')),
    );
    expect(bad).toEqual([]);
  });

  it.each(engineFiles.filter((f) => !/\/node\/|engine\/cli\/|bench/.test(f)))(
    '%s uses no Node built-ins (it must run in a browser worker)',
    (file) => {
      expect(importsOf(file).filter((spec) => spec.startsWith('node:'))).toEqual([]);
    },
  );
});
