import { describe, expect, it } from 'vitest';
import { addEvent, deleteEvent, freeEventName, MAX_SAVED_EVENTS, selectEvent } from './eventActions';
import { newFunctionDraft } from './workspaceDoc';

describe('saved test events', () => {
  it('adds a named event and selects it; names follow the console rules', () => {
    const draft = newFunctionDraft();
    const added = addEvent(draft, 'order-1.v2', '{}');
    expect(added.ok && added.draft.activeEvent).toBe('order-1.v2');
    expect(addEvent(draft, 'has space', '{}')).toEqual({
      ok: false,
      reason: expect.stringContaining('no spaces'),
    });
    expect(addEvent(draft, 'x'.repeat(26), '{}').ok).toBe(false);
    expect(addEvent(draft, 'testEvent', '{}')).toEqual({
      ok: false,
      reason: expect.stringContaining('already'),
    });
  });

  it('keeps at most ten events and at least one', () => {
    let draft = newFunctionDraft();
    for (let i = 1; i < MAX_SAVED_EVENTS; i++) {
      const r = addEvent(draft, `e${i}`, '{}');
      if (!r.ok) throw new Error(r.reason);
      draft = r.draft;
    }
    expect(Object.keys(draft.events)).toHaveLength(10);
    expect(addEvent(draft, 'eleventh', '{}')).toEqual({
      ok: false,
      reason: expect.stringContaining('at most 10'),
    });
    const single = newFunctionDraft();
    expect(deleteEvent(single, 'testEvent')).toEqual({
      ok: false,
      reason: expect.stringContaining('at least one'),
    });
  });

  it('deleting the selected event selects another; selecting an unknown one is refused', () => {
    const two = addEvent(newFunctionDraft(), 'second', '{"b":2}');
    if (!two.ok) throw new Error(two.reason);
    const after = deleteEvent(two.draft, 'second');
    expect(after.ok && after.draft.activeEvent).toBe('testEvent');
    expect(after.ok && Object.keys(after.draft.events)).toEqual(['testEvent']);
    expect(selectEvent(two.draft, 'nope').ok).toBe(false);
  });

  it('finds a free name for a shared event', () => {
    const draft = newFunctionDraft();
    expect(freeEventName(draft, 'testEvent')).toBe('testEvent-2');
    expect(freeEventName(draft, 'my event!')).toBe('my-event-');
    expect(freeEventName(draft, 'y'.repeat(30))).toHaveLength(25);
  });
});
