/** The text alternative of a drawing: always in the accessibility tree and printed; shown on request. */
import { type ReactNode, useState } from 'react';

export interface TextAlternativeProps {
  readonly label: string;
  readonly children: ReactNode;
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
        {children}
      </div>
    </div>
  );
}
