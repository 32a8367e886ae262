/**
 * User settings that outlive a page load: presenter mode (larger type and higher contrast for
 * projecting to a room) and whether single-key shortcuts are on (WCAG 2.1.4: speech-input and
 * tremor users must be able to turn off shortcuts that a stray keystroke fires). Persisted to
 * localStorage so an instructor's laptop keeps them between lessons and reloads; a stored state
 * from before a field existed is merged over the defaults, so it picks up the new field's default.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface SettingsState {
  readonly presenter: boolean;
  /** Single-key shortcuts (P, F, [, ] and the studio's S, R, Space); Alt+arrows stay on regardless. */
  readonly shortcuts: boolean;
}

export const useSettings = create<SettingsState>()(
  persist((): SettingsState => ({ presenter: false, shortcuts: true }), { name: 'convlab-settings', version: 1 }),
);

export function setPresenter(presenter: boolean): void {
  useSettings.setState({ presenter });
}

export function togglePresenter(): void {
  setPresenter(!useSettings.getState().presenter);
}

export function setShortcuts(shortcuts: boolean): void {
  useSettings.setState({ shortcuts });
}
