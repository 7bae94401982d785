/** The text alternative of a drawing: always in the accessibility tree and printed; shown on request. */
import { type ReactNode, useState } from 'react';

export interface TextAlternativeProps {
  readonly label: string;
  /** A function is told whether the alternative is shown, to leave out what changes every frame until it is. */
  readonly children: ReactNode | ((shown: boolean) => ReactNode);
  readonly testId?: string;
}

export function TextAlternative({ label, children, testId }: TextAlternativeProps) {
  const [shown, setShown] = useState(false);
  return (
    <div>
      <button type="button" className="viz-alt-toggle" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? `Hide ${label}` : `Show ${label}`}
      </button>
      <div className="viz-alt" data-collapsed={!shown} data-testid={testId}>
        {typeof children === 'function' ? children(shown) : children}
      </div>
    </div>
  );
}
