/** Warnings the learner must see (a save set aside, a failed import), each dismissible. */
import { useLabStore } from '../store/labStore';

export function NoticeBar() {
  const notices = useLabStore((s) => s.notices);
  const dismiss = useLabStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role="alert" data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss this message">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
