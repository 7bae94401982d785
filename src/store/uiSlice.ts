import type { StateCreator } from 'zustand';
import type { LabState } from './labStore';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Notice {
  readonly id: number;
  readonly kind: 'warning' | 'info';
  readonly text: string;
}

export interface UiSlice {
  readonly theme: ThemeChoice;
  readonly notices: readonly Notice[];
  setTheme(theme: ThemeChoice): void;
  addNotice(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<LabState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  notices: [],
  setTheme: (theme) => set({ theme }),
  addNotice: (kind, text) => set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
