import { describe, expect, it } from 'vitest';
import { classroomFromUrl, joinUrl } from './classroomUrl';

describe('classroom.url', () => {
  it('classroom.url.switches: join codes, the instructor link and the plain app', () => {
    expect(classroomFromUrl({ search: '?join=abcd-2345', hash: '' })).toEqual({
      role: 'student',
      code: 'ABCD2345',
    });
    expect(classroomFromUrl({ search: '?join=OOOO1111', hash: '' })).toEqual({ role: 'student', code: null });
    expect(classroomFromUrl({ search: '?join', hash: '' })).toEqual({ role: 'student', code: null });
    expect(classroomFromUrl({ search: '?classroom=instructor', hash: '#key=k_1' })).toEqual({
      role: 'instructor',
      hostKey: 'k_1',
    });
    expect(classroomFromUrl({ search: '?classroom=instructor', hash: '' })).toEqual({
      role: 'instructor',
      hostKey: null,
    });
    expect(classroomFromUrl({ search: '?lesson=02', hash: '' })).toBeNull();
    expect(joinUrl('http://192.168.1.20:4180/', 'ABCD2345')).toBe('http://192.168.1.20:4180/?join=ABCD2345');
  });
});
