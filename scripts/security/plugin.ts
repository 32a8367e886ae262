/**
 * Vite plugin: sends ./policy.ts's security headers from `vite` (dev) and `vite preview`, and writes
 * the policy into the built index.html as a meta tag, so a static host without headers still
 * enforces it.
 *
 * Dev mode differs in two documented ways: @vitejs/plugin-react injects an inline module script
 * (React Refresh's preamble), allowed by its SHA-256 hash, never by 'unsafe-inline'; and Vite's HMR
 * WebSocket is allowed in connect-src. The dev index.html is checked on every request: an inline
 * script the policy does not cover is reported in the terminal rather than failing silently in the
 * browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { inlineScriptHash, metaPolicy, securityHeaders } from './policy';

export interface SecurityPluginOptions {
  /** The inline scripts the dev server's index.html will carry, given the dev server's base path. */
  readonly devInlineScripts: (base: string) => readonly string[];
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function headerMiddleware(headersFor: (req: IncomingMessage) => Readonly<Record<string, string>>): Middleware {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(headersFor(req))) res.setHeader(name, value);
    next();
  };
}

/** Inline `<script>` bodies in an HTML document (scripts with a src attribute are not inline). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc\s*=/.test(m[1] ?? '') && (m[2] ?? '').length > 0)
    .map((m) => m[2] ?? '');
}

/** Puts the meta policy right after `<meta charset>`, which must stay first in <head>. */
export function withMetaPolicy(html: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy()}" />`;
  const charset = /<meta charset=[^>]*>/i;
  if (!charset.test(html)) throw new Error('index.html has no <meta charset>; the CSP meta tag goes after it');
  return html.replace(charset, (m) => `${m}\n    ${tag}`);
}

export function securityPlugin(options: SecurityPluginOptions): Plugin {
  let devScripts: readonly string[] = [];
  return {
    name: 'convlab:security-headers',
    configResolved(config) {
      devScripts = config.command === 'serve' ? options.devInlineScripts(config.base) : [];
    },
    configureServer(server) {
      server.middlewares.use(
        headerMiddleware((req) =>
          securityHeaders({ inlineScripts: devScripts, hmrOrigins: [`ws://${req.headers.host ?? '127.0.0.1'}`] }),
        ),
      );
    },
    configurePreviewServer(server) {
      server.middlewares.use(headerMiddleware(() => securityHeaders()));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.server) return withMetaPolicy(html);
        const allowed = new Set(devScripts.map(inlineScriptHash));
        for (const script of inlineScripts(html)) {
          if (!allowed.has(inlineScriptHash(script))) {
            ctx.server.config.logger.warn(
              `[convlab:security-headers] the dev CSP blocks an inline script in index.html; ` +
                `add it to devInlineScripts in vite.config.ts:\n${script.slice(0, 200)}`,
            );
          }
        }
        return html;
      },
    },
  };
}
