/** A setup step the console refused: the learner's files or settings made the world unbuildable. */
export class SetupError extends Error {}
