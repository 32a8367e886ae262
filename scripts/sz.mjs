// Reports source size per folder and the largest files, to keep files small (one idea each).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['engine', 'shaders', 'app', 'lessons', 'tests', 'scripts'];
const exts = /\.(ts|tsx|wgsl|mjs|css)$/;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (exts.test(name)) files.push({ path, lines: readFileSync(path, 'utf8').split('\n').length });
  }
};
for (const root of roots) {
  try {
    walk(root);
  } catch {
    // a folder that does not exist yet has no size
  }
}
const byFolder = new Map();
for (const f of files) {
  const folder = f.path.split('/').slice(0, 2).join('/');
  const entry = byFolder.get(folder) ?? { files: 0, lines: 0 };
  entry.files++;
  entry.lines += f.lines;
  byFolder.set(folder, entry);
}
console.log('folder'.padEnd(32), 'files'.padStart(6), 'lines'.padStart(8));
for (const [folder, e] of [...byFolder].sort()) {
  console.log(folder.padEnd(32), String(e.files).padStart(6), String(e.lines).padStart(8));
}
console.log('\nlargest files:');
for (const f of files.sort((a, b) => b.lines - a.lines).slice(0, 10)) {
  console.log(String(f.lines).padStart(6), f.path);
}
