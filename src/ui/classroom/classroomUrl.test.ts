import { describe, expect, it } from 'vitest';
import { classroomFromUrl, joinUrl } from './classroomUrl';

describe('classroom.url', () => {
  it('classroom.url.switches: join codes, the instructor link and the plain app', () => {
    expect(classroomFromUrl({ search: '?join=abc-234', hash: '' })).toEqual({
      role: 'student',
      code: 'ABC234',
    });
    expect(classroomFromUrl({ search: '?join=OOO111', hash: '' })).toEqual({ role: 'student', code: null });
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
    expect(joinUrl('http://192.168.1.20:4180/', 'ABC234')).toBe('http://192.168.1.20:4180/?join=ABC234');
  });
});
