/**
 * The notice about what the studio started from: a restored session (with "Start fresh"), a
 * share link (with anything in it that could not be used), or a problem reading either. The
 * studio page itself is edited by several people, so the notice lives in its own small React root
 * fixed to the window's corner, mounted while the studio is open (see mountKeepNotice).
 */
import type { ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useKeep } from './keepStore';
import { canUndoFresh, dismissNotice, startFresh, undoStartFresh } from './notice';
import './keep.css';

const HEADINGS: Readonly<Record<string, string>> = {
  shared: 'Some of the link could not be used:',
};

export function KeepNoticeView(): ReactElement | null {
  const notice = useKeep((s) => s.notice);
  if (!notice) return null;
  const problems = notice.kind === 'problem';
  return (
    <section
      className={`keep-notice keep-notice--${notice.kind}`}
      role={problems ? 'alert' : 'status'}
      aria-label="Session"
      data-testid="keep-notice"
      data-kind={notice.kind}
    >
      <p className="keep-notice-text">{notice.text}</p>
      {notice.details.length > 0 && (
        <>
          {HEADINGS[notice.kind] && notice.details.some((d) => d.startsWith('Ignored')) && (
            <p className="keep-notice-heading">{HEADINGS[notice.kind]}</p>
          )}
          <ul className="keep-notice-details" data-testid="keep-notice-details">
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row keep-notice-actions">
        {notice.kind === 'restored' && (
          // The name is not just "Start fresh", which would also match the run controls' /^Start/.
          <button type="button" className="button" aria-label="Discard it and start fresh" onClick={startFresh}>
            Start fresh
          </button>
        )}
        {notice.kind === 'fresh' && canUndoFresh() && (
          <button type="button" className="button" onClick={() => void undoStartFresh()}>
            Undo
          </button>
        )}
        <button type="button" className="button keep-notice-dismiss" onClick={dismissNotice}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

let root: Root | null = null;
let host: HTMLElement | null = null;
let mounts = 0;

/** Shows the notice while the studio is mounted; returns the unmount (deferred: React may be mid-commit). */
export function mountKeepNotice(): () => void {
  mounts++;
  if (!root) {
    host = document.createElement('div');
    host.className = 'keep-notice-host';
    document.body.append(host);
    root = createRoot(host);
    root.render(<KeepNoticeView />);
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    mounts--;
    setTimeout(() => {
      if (mounts > 0 || !root) return;
      root.unmount();
      host?.remove();
      root = null;
      host = null;
    }, 0);
  };
}
