/**
 * Tabs following the WAI-ARIA pattern: one tab stop, arrow keys move between tabs, panels are labelled by
 * their tab. Only the selected panel is mounted, so a lazy view loads when it is first opened.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface TabSpec<K extends string> {
  readonly key: K;
  readonly label: ReactNode;
  readonly render: () => ReactNode;
}

interface TabsProps<K extends string> {
  readonly label: string;
  readonly tabs: readonly TabSpec<K>[];
  readonly selected: K;
  readonly onSelect: (key: K) => void;
  readonly testId: string;
  readonly className?: string;
}

export function Tabs<K extends string>({ label, tabs, selected, onSelect, testId, className }: TabsProps<K>) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.find((t) => t.key === selected) ?? tabs[0];
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const tab = tabs[(target + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  return (
    <div className={`tabs ${className ?? ''}`} data-testid={testId}>
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            aria-selected={tab.key === current?.key}
            aria-controls={`${id}-${tab.key}-panel`}
            tabIndex={tab.key === current?.key ? 0 : -1}
            className={tab.key === current?.key ? 'tab active' : 'tab'}
            data-testid={`${testId}.${tab.key}`}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`${id}-${current.key}-panel`}
          aria-labelledby={`${id}-${current.key}`}
          className="tab-panel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes a panel without focusable content reachable
          tabIndex={0}
        >
          {current.render()}
        </div>
      ) : null}
    </div>
  );
}
