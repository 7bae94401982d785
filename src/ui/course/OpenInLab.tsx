interface OpenInLabProps {
  /** A world id of the lesson or `<lesson-id>/<world-id>`. */
  readonly world: string;
  readonly label: string;
  readonly onOpen?: (world: string) => void;
}

export function OpenInLab({ world, label, onOpen }: OpenInLabProps) {
  return (
    <p className="course-open">
      <button
        type="button"
        onClick={() => onOpen?.(world)}
        disabled={onOpen === undefined}
        data-testid="lesson.open"
      >
        {label} <span aria-hidden="true">→</span>
      </button>
    </p>
  );
}
