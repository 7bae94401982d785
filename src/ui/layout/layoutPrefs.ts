/**
 * Panel sizes and which panels are collapsed: a per-browser preference, kept apart from the workspace
 * (it is not part of what a learner exports) and read defensively (a bad value falls back to the default).
 */
import { z } from 'zod';

export const LAYOUT_KEY = 'lambda-lab.layout';

const layoutSchema = z.object({
  lessonWidth: z.number().min(160).max(1200),
  sideWidth: z.number().min(240).max(1400),
  /** Share of the side column given to the test event, 0.15-0.85. */
  testShare: z.number().min(0.15).max(0.85),
  lessonCollapsed: z.boolean(),
  sideCollapsed: z.boolean(),
});
export type LayoutPrefs = z.infer<typeof layoutSchema>;

export const DEFAULT_LAYOUT: LayoutPrefs = {
  lessonWidth: 360,
  sideWidth: 440,
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
