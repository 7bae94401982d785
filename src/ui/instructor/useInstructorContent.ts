/** The instructor content (plan, demos, notes, course) for components, loaded once per page. */
import { useEffect, useState } from 'react';
import type { InstructorContent } from '../../instructor/bundle';
import { demoHost } from './demoHost';

export type ContentState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly content: InstructorContent }
  | { readonly status: 'failed'; readonly message: string };

let cached: ContentState = { status: 'loading' };
let loading: Promise<void> | null = null;
const waiting = new Set<(s: ContentState) => void>();

function load(): Promise<void> {
  loading ??= import('../../instructor/bundle')
    .then((m) => m.loadInstructorContent())
    .then(
      (content) => {
        demoHost.setLibrary(content.demos, content.files);
        cached = { status: 'ready', content };
      },
      (error: unknown) => {
        cached = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      },
    )
    .then(() => {
      for (const w of waiting) w(cached);
    });
  return loading;
}

export function useInstructorContent(): ContentState {
  const [state, setState] = useState(cached);
  useEffect(() => {
    if (cached.status !== 'loading') {
      setState(cached);
      return;
    }
    waiting.add(setState);
    void load();
    return () => {
      waiting.delete(setState);
    };
  }, []);
  return state;
}
