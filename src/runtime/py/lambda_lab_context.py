"""The `context` object handed to a handler, with the attributes and types of Lambda's Python runtime."""

import json

import lambda_lab_clock as clock
import lambda_lab_logs as logs


class CognitoIdentity:
    __slots__ = ("cognito_identity_id", "cognito_identity_pool_id")

    def __init__(self, identity_id=None, pool_id=None):
        self.cognito_identity_id = identity_id
        self.cognito_identity_pool_id = pool_id

    def __repr__(self):
        return (
            f"CognitoIdentity([cognito_identity_id={self.cognito_identity_id},"
            f"cognito_identity_pool_id={self.cognito_identity_pool_id}])"
        )


class Client:
    __slots__ = ("installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name")

    def __init__(self, fields):
        self.installation_id = fields.get("installation_id")
        self.app_title = fields.get("app_title")
        self.app_version_name = fields.get("app_version_name")
        self.app_version_code = fields.get("app_version_code")
        self.app_package_name = fields.get("app_package_name")

    def __repr__(self):
        return (
            f"Client([installation_id={self.installation_id},app_title={self.app_title},"
            f"app_version_name={self.app_version_name},app_version_code={self.app_version_code},"
            f"app_package_name={self.app_package_name}])"
        )


class ClientContext:
    __slots__ = ("custom", "env", "client")

    def __init__(self, fields):
        client = fields.get("client")
        self.client = Client(client) if isinstance(client, dict) else None
        self.custom = fields.get("custom")
        self.env = fields.get("env")

    def __repr__(self):
        return f"ClientContext([custom={self.custom},env={self.env},client={self.client}])"


def parse_client_context(text):
    """The ClientContext of a sync invoke, or None; raises ValueError on bad JSON."""
    if not text:
        return None
    fields = json.loads(text)
    return ClientContext(fields) if isinstance(fields, dict) else None


class LambdaContext:
    def __init__(self, spec, request_id, invoked_function_arn, client_context):
        self.aws_request_id = request_id
        self.log_group_name = spec["logGroupName"]
        self.log_stream_name = spec["logStreamName"]
        self.function_name = spec["functionName"]
        # A str, not an int: the runtime copies it from AWS_LAMBDA_FUNCTION_MEMORY_SIZE.
        self.memory_limit_in_mb = str(spec["memoryMb"])
        self.function_version = spec["functionVersion"]
        self.invoked_function_arn = invoked_function_arn
        self.client_context = client_context
        self.identity = CognitoIdentity()
        self.tenant_id = None

    def get_remaining_time_in_millis(self):
        return max(int(clock.deadline_ms() - round(clock.now_ms())), 0)

    def log(self, msg):
        text = str(msg)
        logs.emit(text[:-1] if text.endswith("\n") else text)

    def __repr__(self):
        return (
            "LambdaContext(["
            f"aws_request_id={self.aws_request_id},"
            f"log_group_name={self.log_group_name},"
            f"log_stream_name={self.log_stream_name},"
            f"function_name={self.function_name},"
            f"memory_limit_in_mb={self.memory_limit_in_mb},"
            f"function_version={self.function_version},"
            f"invoked_function_arn={self.invoked_function_arn},"
            f"client_context={self.client_context},"
            f"identity={self.identity},"
            f"tenant_id={self.tenant_id}"
            "])"
        )
