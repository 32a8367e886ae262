// Runs a command with a WebGPU adapter available to Node (the `webgpu` npm package, Dawn).
// On a machine without a GPU, point Dawn's Vulkan loader at the SwiftShader ICD (a CPU
// implementation of Vulkan) that Debian's chromium package ships, with its libvulkan.
// A machine with a real Vulkan driver can set CONVLAB_REAL_GPU=1 to use it instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumLib = '/usr/lib/chromium';
const icd = `${chromiumLib}/vk_swiftshader_icd.json`;
const env = { ...process.env };
if (!process.env.CONVLAB_REAL_GPU && existsSync(icd)) {
  env.VK_ICD_FILENAMES = icd;
  env.VK_DRIVER_FILES = icd;
  env.LD_LIBRARY_PATH = [chromiumLib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
}
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-webgpu.mjs <command> [args...]');
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);
