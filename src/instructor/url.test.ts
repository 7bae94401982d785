import { describe, expect, it } from 'vitest';
import { instructorViewFromUrl, notesWindowUrl } from './url';

describe('URL switches', () => {
  it('reads ?instructor=1 and =0, and ignores a missing or odd value', () => {
    expect(instructorViewFromUrl('?instructor=1')).toEqual({ instructor: true, view: 'lab' });
    expect(instructorViewFromUrl('?instructor=0')).toEqual({ instructor: false, view: 'lab' });
    expect(instructorViewFromUrl('')).toEqual({ instructor: null, view: 'lab' });
    expect(instructorViewFromUrl('?instructor=maybe')).toEqual({ instructor: null, view: 'lab' });
  });

  it('?presenter=notes is the notes window, which is always in instructor mode', () => {
    expect(instructorViewFromUrl('?presenter=notes')).toEqual({ instructor: true, view: 'notes' });
  });

  it('builds the notes window address from the current one', () => {
    expect(notesWindowUrl('http://localhost:5185/?instructor=1&snapshot=off#x')).toBe(
      'http://localhost:5185/?snapshot=off&presenter=notes',
    );
  });
});
