/**
 * The `context` object a handler receives, as the lab's runtime builds it (src/runtime/py/lambda_lab_context.py,
 * which follows Lambda's Python runtime): members, types and what each one is for, for completions and hovers.
 */

export interface MemberDoc {
  readonly name: string;
  /** `attribute` or `method` (a method's completion inserts the call). */
  readonly kind: 'attribute' | 'method';
  /** The Python type as the learner meets it. */
  readonly type: string;
  readonly doc: string;
}

const attr = (name: string, type: string, doc: string): MemberDoc => ({ name, kind: 'attribute', type, doc });

export const CONTEXT_MEMBERS: readonly MemberDoc[] = [
  attr(
    'aws_request_id',
    'str',
    'The ID of this invocation. The START, END and REPORT lines in the log carry the same ID, so it is how you find one request in the logs.',
  ),
  attr('function_name', 'str', 'The name of the function being run (also in AWS_LAMBDA_FUNCTION_NAME).'),
  attr(
    'function_version',
    'str',
    'The version being run: "$LATEST" for unpublished code, otherwise the published version number, still as a string ("3").',
  ),
  attr(
    'invoked_function_arn',
    'str',
    'The ARN the caller invoked. When the caller named an alias or a version, it ends with it (…:function:my-fn:prod).',
  ),
  attr(
    'memory_limit_in_mb',
    'str',
    'The memory setting in MB. Careful: it is a string such as "128", not an int; use int(context.memory_limit_in_mb) for arithmetic.',
  ),
  attr(
    'log_group_name',
    'str',
    'The CloudWatch Logs group the function writes to: /aws/lambda/<function name>.',
  ),
  attr(
    'log_stream_name',
    'str',
    'The log stream of this execution environment. Every request the same environment serves writes to this stream; a new environment (a cold start) starts a new one.',
  ),
  {
    name: 'get_remaining_time_in_millis',
    kind: 'method',
    type: 'int',
    doc: 'Milliseconds left before the function times out (never below 0). Check it before starting work that might not finish in time. In the lab it reads the simulated clock.',
  },
  { name: 'log', kind: 'method', type: 'None', doc: 'Writes a message to the function log, like print().' },
  attr(
    'client_context',
    'ClientContext | None',
    'What a mobile app sent about itself with a synchronous invoke (.client, .custom, .env); None otherwise.',
  ),
  attr(
    'identity',
    'CognitoIdentity',
    'The Amazon Cognito identity of a mobile caller. Always present; both of its fields are None unless the caller signed in through Cognito.',
  ),
  attr('tenant_id', 'str | None', 'The tenant of a multi-tenant function; None for ordinary functions.'),
];

/** Members of the objects reached from `context` (`context.identity.`, `context.client_context.`). */
export const NESTED_MEMBERS: Readonly<Record<string, readonly MemberDoc[]>> = {
  identity: [
    attr('cognito_identity_id', 'str | None', 'The Cognito identity ID of the caller, or None.'),
    attr(
      'cognito_identity_pool_id',
      'str | None',
      'The Cognito identity pool that authorized the caller, or None.',
    ),
  ],
  client_context: [
    attr(
      'client',
      'Client | None',
      'The calling app: installation_id, app_title, app_version_name, app_version_code, app_package_name.',
    ),
    attr('custom', 'dict | None', 'Custom values the mobile app sent.'),
    attr('env', 'dict | None', 'Environment details the mobile SDK sent.'),
  ],
  'client_context.client': [
    attr('installation_id', 'str | None', "The app's installation ID."),
    attr('app_title', 'str | None', "The app's title."),
    attr('app_version_name', 'str | None', "The app's version name."),
    attr('app_version_code', 'str | None', "The app's version code."),
    attr('app_package_name', 'str | None', "The app's package name."),
  ],
};

export const CONTEXT_DOC =
  'The invocation context, a LambdaContext: the second argument Lambda passes to your handler. It tells you about this request (aws_request_id, get_remaining_time_in_millis()), the function (function_name, function_version, memory_limit_in_mb) and where its logs go (log_group_name, log_stream_name).';

export const EVENT_DOC =
  'The event: the JSON document the invoker sent, already parsed into Python (usually a dict). Its shape depends on who invoked the function: a test event, API Gateway, S3, SQS and the others each send their own.';
