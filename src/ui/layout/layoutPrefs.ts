/**
 * Panel sizes and which panels are collapsed: a per-browser preference, kept apart from the workspace
 * (it is not part of what a learner exports) and read defensively (a bad value falls back to the default).
 * zod/mini: it is read for the first paint.
 */
import { z } from 'zod/mini';

export const LAYOUT_KEY = 'lambda-lab.layout';

const layoutSchema = z.object({
  lessonWidth: z.number().check(z.minimum(160), z.maximum(1200)),
  sideWidth: z.number().check(z.minimum(240), z.maximum(1400)),
  /** Share of the side column given to the test event, 0.15-0.85. */
  testShare: z.number().check(z.minimum(0.15), z.maximum(0.85)),
  lessonCollapsed: z.boolean(),
  sideCollapsed: z.boolean(),
});
export type LayoutPrefs = z.infer<typeof layoutSchema>;

export const DEFAULT_LAYOUT: LayoutPrefs = {
  lessonWidth: 300,
  sideWidth: 340,
  testShare: 0.4,
  lessonCollapsed: false,
  sideCollapsed: false,
};

export function readLayout(storage: Pick<Storage, 'getItem'> | undefined): LayoutPrefs {
  try {
    const raw = storage?.getItem(LAYOUT_KEY);
    if (!raw) return DEFAULT_LAYOUT;
    const parsed = layoutSchema.safeParse({ ...DEFAULT_LAYOUT, ...JSON.parse(raw) });
    return parsed.success ? parsed.data : DEFAULT_LAYOUT;
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function writeLayout(storage: Pick<Storage, 'setItem'> | undefined, prefs: LayoutPrefs): void {
  try {
    storage?.setItem(LAYOUT_KEY, JSON.stringify(prefs));
  } catch {
    // A full or blocked storage only loses the panel sizes, never the workspace.
  }
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * The narrowest each column may be: the code keeps 80 columns of 13 px Monaco text plus its gutter, the
 * side keeps the Test button and the event's toolbar, the lesson a readable line.
 */
export const MIN_WIDTH = { lesson: 240, code: 720, side: 300 } as const;
/** Below this window width the columns stack: lesson, code, then test and output. */
export const STACK_BELOW_PX = 1000;
/** The layout's own padding and its two 8 px dividers (with their margins). */
const CHROME_PX = 16 + 2 * 12;

export interface Columns {
  readonly lesson: number;
  readonly side: number;
  /** The widest each may be set to without pushing the code below its minimum. */
  readonly lessonMax: number;
  readonly sideMax: number;
}

/** Column widths that fit a window: the side gives way first, then the lesson, never below their minimums. */
export function fitColumns(layout: LayoutPrefs, windowWidth: number): Columns {
  const free = windowWidth - CHROME_PX - MIN_WIDTH.code;
  let lesson = layout.lessonCollapsed ? 0 : layout.lessonWidth;
  let side = layout.sideCollapsed ? 0 : layout.sideWidth;
  if (lesson + side > free && side > 0) side = Math.max(MIN_WIDTH.side, free - lesson);
  if (lesson + side > free && lesson > 0) lesson = Math.max(MIN_WIDTH.lesson, free - side);
  return {
    lesson,
    side,
    lessonMax: Math.max(MIN_WIDTH.lesson, free - side),
    sideMax: Math.max(MIN_WIDTH.side, free - lesson),
  };
}
