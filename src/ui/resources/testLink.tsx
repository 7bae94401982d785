/** Component-test support: renders a view against a console test lab instead of the learner's world. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { type ConsoleTestLab, createConsoleTestLab } from '../../controller/console/consoleFixture';
import * as kit from '../../controller/console/consoleKit';
import type { FakeScript } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { type LabLink, LabLinkContext } from './labLink';

export function renderWithLab(
  ui: ReactNode,
  script: FakeScript = {},
): { lab: ConsoleTestLab; unmount: () => void } {
  const lab = createConsoleTestLab(script);
  // As the browser controller does: every trace event tells the views to re-read the world.
  const stop = lab.lab.world.trace.subscribe(() => useLabStore.getState().worldChanged());
  const link: LabLink = { kit, live: () => lab };
  const load = () => Promise.resolve(link);
  const r = render(<LabLinkContext.Provider value={load}>{ui}</LabLinkContext.Provider>);
  return {
    lab,
    unmount: () => {
      stop();
      r.unmount();
    },
  };
}

export function renderWithoutWorld(ui: ReactNode) {
  const link: LabLink = { kit, live: () => null };
  return render(<LabLinkContext.Provider value={() => Promise.resolve(link)}>{ui}</LabLinkContext.Provider>);
}
