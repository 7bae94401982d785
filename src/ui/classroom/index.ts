/**
 * The live classroom's screens. Import `classroomFromUrl` from './classroomUrl' (tiny, for the first
 * chunk) and the screens through './lazy', so the socket client and the course load only when shown.
 */
export { type ClassroomRoute, classroomFromUrl, joinUrl } from './classroomUrl';
export { InstructorClassroom, type InstructorClassroomProps } from './InstructorClassroom';
export { StudentClassroom, type StudentClassroomProps } from './StudentClassroom';
