/**
 * The header's tools: virtual time, Python's status, the workspace menu, instructor mode and the theme.
 * In a wide window they sit on the header's one line; in a narrow one (a phone, a tablet) Python's
 * status stays on that line and the rest open from a Menu button as wrapped rows under the header, so
 * the header never scrolls sideways.
 */
import { useEffect, useId, useState } from 'react';
import { InstructorToggle } from './instructor';
import { useWindowWidth } from './layout/useWindowWidth';
import { PythonStatus } from './PythonStatus';
import { ThemePicker } from './ThemePicker';
import { TimeControls } from './TimeControls';
import { WorkspaceMenu } from './WorkspaceMenu';

/** Below this width the tools do not fit beside the title on one line (measured: about 1,150 px). */
export const HEADER_MENU_BELOW_PX = 1200;

export function HeaderTools() {
  const narrow = useWindowWidth() < HEADER_MENU_BELOW_PX;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const tools = (
    <>
      <TimeControls />
      {narrow ? null : <PythonStatus />}
      <WorkspaceMenu />
      <InstructorToggle />
      <ThemePicker />
    </>
  );
  if (!narrow)
    return (
      <div className="header-tools" data-testid="header.tools">
        {tools}
      </div>
    );
  return (
    <div className="header-tools header-tools-narrow" data-testid="header.tools">
      <PythonStatus />
      <button
        type="button"
        className="header-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="header.menu"
      >
        {open ? '✕ Close' : '☰ Menu'}
      </button>
      <div id={panelId} className="header-menu" hidden={!open} data-testid="header.menu-panel">
        {tools}
      </div>
    </div>
  );
}
