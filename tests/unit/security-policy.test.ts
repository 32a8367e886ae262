import { describe, expect, it } from 'vitest';
import { inlineScripts, withMetaPolicy } from '../../scripts/security/plugin';
import { inlineScriptHash, metaPolicy, securityHeaders } from '../../scripts/security/policy';

/** Parses a serialised CSP into directive -> sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the production Content-Security-Policy', () => {
  const csp = parse(securityHeaders()['Content-Security-Policy']!);

  it('runs scripts from our own origin only, and lets WebAssembly compile without allowing eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('has no unsafe-eval or unsafe-inline for scripts anywhere in the policy', () => {
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('closes plugins, base-tag hijacking, other servers and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('leaves frame-ancestors out of the meta tag version, which browsers ignore there', () => {
    const meta = parse(metaPolicy());
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(csp.get('script-src'));
  });
});

describe('securityHeaders', () => {
  it('sends nosniff, frame denial, no referrer and cross-origin isolation', () => {
    const headers = securityHeaders();
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it("widens the dev policy by the inline scripts' hashes and the HMR socket only", () => {
    const dev = parse(
      securityHeaders({ inlineScripts: ['alert(1)'], hmrOrigins: ['ws://127.0.0.1:5173'] })['Content-Security-Policy']!,
    );
    // sha256("alert(1)"), the example in the CSP specification.
    expect(dev.get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
    ]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5173']);
    // The production policy is not changed by having built a dev one.
    expect(parse(securityHeaders()['Content-Security-Policy']!).get('script-src')).toHaveLength(2);
  });
});

describe('inlineScriptHash', () => {
  it('hashes the exact text, so one changed character needs a new hash', () => {
    expect(inlineScriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(inlineScriptHash('alert(1) ')).not.toBe(inlineScriptHash('alert(1)'));
  });
});

describe('the index.html helpers', () => {
  const html =
    '<html><head>\n<meta charset="UTF-8" />\n<title>x</title>\n<script type="module" src="/a.js"></script><script type="module">inline()</script></head></html>';

  it('inlineScripts returns the bodies of scripts without src', () => {
    expect(inlineScripts(html)).toEqual(['inline()']);
  });

  it('withMetaPolicy puts the policy straight after the charset declaration', () => {
    const out = withMetaPolicy(html);
    const charsetAt = out.indexOf('<meta charset');
    const cspAt = out.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(cspAt).toBeGreaterThan(charsetAt);
    expect(cspAt).toBeLessThan(out.indexOf('<title>'));
    expect(out).toContain(`content="${metaPolicy()}"`);
  });

  it('withMetaPolicy refuses a page without a charset declaration', () => {
    expect(() => withMetaPolicy('<html><head></head></html>')).toThrow(/charset/);
  });
});
