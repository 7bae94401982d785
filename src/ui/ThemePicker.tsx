/** Light, dark or the system's theme; applied to the page and to Monaco. */
import { useEffect, useSyncExternalStore } from 'react';
import { useLabStore } from '../store/labStore';
import type { ThemeChoice } from '../store/uiSlice';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const prefersDark = () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false;
const subscribeToScheme = (onChange: () => void) => {
  const query = globalThis.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

/** The theme actually shown: the choice, or the system's (followed live) when the choice is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const theme = useLabStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeToScheme, prefersDark, () => false);
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

export function ThemePicker() {
  const theme = useLabStore((s) => s.theme);
  const setTheme = useLabStore((s) => s.setTheme);
  const resolved = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return (
    <label className="theme-picker">
      <span className="theme-picker-label">Theme</span>{' '}
      <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="ui.theme">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
