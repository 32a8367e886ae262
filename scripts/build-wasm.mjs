/**
 * Compiles the WebAssembly CPU kernels (engine/wasm/assembly, AssemblyScript) into
 * engine/wasm/build/ (gitignored), twice: kernels-simd.wasm (SIMD128) and kernels-relaxed.wasm
 * (SIMD128 + relaxed SIMD, whose fused multiply-add the gemm uses). Run by `postinstall` and
 * before `vite build`; nothing is downloaded, the compiler is the `assemblyscript` dev dependency.
 * The host picks a build at load time with WebAssembly.validate (engine/wasm/module.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'engine/wasm/assembly/index.ts');
const outDir = join(root, 'engine/wasm/build');
mkdirSync(outDir, { recursive: true });

// --runtime stub: no allocator or GC in the module; the host lays out linear memory itself.
const common = [entry, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd'];
const builds = [
  { file: 'kernels-simd.wasm', extra: [] },
  { file: 'kernels-relaxed.wasm', extra: ['--enable', 'relaxed-simd'] },
];

for (const build of builds) {
  const { error, stderr } = await asc.main([...common, ...build.extra, '-o', join(outDir, build.file)]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build-wasm: ${build.file} failed: ${error.message}`);
    process.exit(1);
  }
}
console.log(`build-wasm: ${builds.map((b) => b.file).join(', ')} in engine/wasm/build/`);
