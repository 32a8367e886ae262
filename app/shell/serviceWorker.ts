/**
 * Registers the offline service worker (dist/sw.js, written by scripts/offline/plugin.ts) in
 * production builds only: the dev server has no sw.js, and a worker caching dev modules would serve
 * stale code. After the first visit every route, lesson and the embedded data work offline.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = (): void => {
    // Resolved against the document, not import.meta.url, so Vite leaves the URL alone.
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' })
      .catch((error: unknown) => {
        // Not an error for the student: the app works online as before.
        console.warn('ConvLab will not work offline: the service worker did not register.', error);
      });
  };
  // After load, so precaching does not compete with the first page's own downloads.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
