/**
 * ConvLab's Content-Security-Policy and other security headers, written once. The Vite plugin in
 * ./plugin.ts sends them from the dev server (`npm start`) and the preview server, and puts the
 * policy into the built index.html as a <meta http-equiv> tag for static hosts that cannot send
 * headers. docs/security.md explains every directive.
 *
 * Node-only (build tooling): nothing in app/, engine/ or lessons/ imports this.
 */
import { createHash } from 'node:crypto';

/** A CSP: directive name -> source expressions, in the order they are written out. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** What only the dev server needs: Vite's HMR socket and the inline scripts its plugins inject. */
export interface DevAllowances {
  /** Exact text of each inline <script> the dev server's index.html carries (React Refresh's preamble). */
  readonly inlineScripts: readonly string[];
  /** Origins of the HMR WebSocket, e.g. `ws://127.0.0.1:5173`. */
  readonly hmrOrigins: readonly string[];
}

/**
 * The production policy. Scripts come only from our own origin; 'wasm-unsafe-eval' lets WebAssembly
 * compile (it does not allow JavaScript eval). Styles allow 'unsafe-inline' because React's `style`
 * attributes and KaTeX's rendered HTML set inline styles; inline styles cannot run code.
 * `data:` fonts: Vite inlines KaTeX's smallest font files into the CSS. `data:`/`blob:` images: canvases
 * and drawings exported as images.
 */
const PRODUCTION: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** `'sha256-…'`, the CSP source expression that allows one inline script with exactly this text. */
export function inlineScriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy as a map; with `dev`, widened by exactly what Vite's dev server needs. */
export function buildPolicy(dev?: DevAllowances): Policy {
  const policy = new Map(PRODUCTION.map(([name, sources]) => [name, [...sources]]));
  if (dev) {
    policy.get('script-src')!.push(...dev.inlineScripts.map(inlineScriptHash));
    policy.get('connect-src')!.push(...dev.hmrOrigins);
  }
  return policy;
}

/** Serialises a policy; `forMeta` drops the directives a meta tag cannot carry. */
export function serializePolicy(policy: Policy, forMeta = false): string {
  return [...policy]
    .filter(([name]) => !(forMeta && HEADER_ONLY.has(name)))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy for the built index.html's <meta http-equiv="Content-Security-Policy">. */
export function metaPolicy(): string {
  return serializePolicy(buildPolicy(), true);
}

/**
 * Every header the dev and preview servers send with every response. COOP + COEP make the page
 * cross-origin isolated (`self.crossOriginIsolated`), which SharedArrayBuffer and so WebAssembly
 * threads require; CORP marks our own files as same-origin only.
 */
export function securityHeaders(dev?: DevAllowances): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': serializePolicy(buildPolicy(dev)),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
