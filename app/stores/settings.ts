/**
 * User settings that outlive a page load. Today only presenter mode: larger type and higher
 * contrast for projecting to a room. Persisted to localStorage so an instructor's laptop stays in
 * presenter mode between lessons and reloads.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface SettingsState {
  readonly presenter: boolean;
}

export const useSettings = create<SettingsState>()(
  persist((): SettingsState => ({ presenter: false }), { name: 'convlab-settings', version: 1 }),
);

export function setPresenter(presenter: boolean): void {
  useSettings.setState({ presenter });
}

export function togglePresenter(): void {
  setPresenter(!useSettings.getState().presenter);
}
