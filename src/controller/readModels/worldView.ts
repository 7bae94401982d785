/**
 * The read models of the learner's world for the Resources and Output views: pure functions over the
 * world and its services (no trace events, no state changes), re-run when the store's traceVersion moves.
 */
export { type BillView, billView, type FunctionCharges } from './worldBill';
export {
  filterLogEvents,
  LOG_LINE_LIMIT,
  type LogGroupView,
  type LogLineView,
  type LogQuery,
  type LogQueryResult,
  type LogStreamView,
  logGroups,
} from './worldLogs';
export { MAX_POINTS, type MetricsView, metricsView } from './worldMetrics';
export {
  type ApiView,
  type BucketView,
  functionNames,
  listApis,
  listBuckets,
  listQueues,
  listTables,
  listTopics,
  type NotificationView,
  type QueueView,
  readService,
  type S3ObjectView,
  TABLE_PAGE,
  type TableView,
  type TopicView,
  type TriggerView,
  type WorldSource,
} from './worldResources';
