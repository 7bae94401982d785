/**
 * Everything the Resources and Output views call, without the browser controller: read models and console
 * actions over a LiveWorld. consoleActions.ts binds it to the learner's world; tests bind it to their own.
 */

export type { Json, JsonObject } from '../../sim/services/json';
export * from '../readModels/worldView';
export * from './consoleApi';
export type { ActionResult, LiveWorld } from './consoleCall';
export * from './consoleCore';
export * from './consoleIndexes';
export * from './consoleUrls';
export * from './consoleWebSocket';
