"""A client per service: snake_case methods, botocore's parameter validation, ClientError subclasses."""

import datetime

from botocore import lab_bridge, lab_specs, xform_name
from botocore.exceptions import ClientError, LabUnsupportedOperationError, ParamValidationError
from botocore.response import StreamingBody

# The model (generated from src/sim/services/model/awsModel.ts) names the services boto3.client() accepts.
SERVICE_IDS = lab_specs.SERVICE_IDS

# Error codes that botocore exposes under a friendlier modeled name.
_CODE_ALIASES = {"AWS.SimpleQueueService.NonExistentQueue": "QueueDoesNotExist"}

# Codes the services' error models do not declare: botocore raises plain ClientError for them, so
# Lambda logs "[ERROR] ClientError: An error occurred (AccessDeniedException) ..." (lambda-facts §10).
_UNMODELED = {"AccessDeniedException", "AccessDenied"}

# Services whose endpoint_url is part of the request (the WebSocket management API).
_ENDPOINT_SERVICES = lab_specs.ENDPOINT_SERVICES

# Blob outputs that botocore returns as a StreamingBody rather than bytes.
_STREAMING = lab_specs.STREAMING


def _type_ok(kind, value):
    if kind == "s":
        return isinstance(value, str)
    if kind == "i":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "n":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "B":
        return isinstance(value, bool)
    if kind == "b":
        return isinstance(value, (bytes, bytearray, str)) or hasattr(value, "read")
    if kind == "l":
        return isinstance(value, (list, tuple))
    if kind in ("m", "S"):
        return isinstance(value, dict)
    if kind == "t":
        return isinstance(value, (datetime.datetime, str, int, float))
    return True


def _valid_types(kind):
    names = lab_specs.type_names(kind)
    return ", ".join(n if n == "file-like object" else f"<class '{n}'>" if n != "datetime" else "<class 'datetime.datetime'>" for n in names)


def validate(members, params):
    errors = []
    for name, (_kind, required) in members.items():
        if required and name not in params:
            errors.append(f'Missing required parameter in input: "{name}"')
    for name, value in params.items():
        if name not in members:
            errors.append(f'Unknown parameter in input: "{name}", must be one of: {", ".join(members)}')
            continue
        kind = members[name][0]
        if not _type_ok(kind, value):
            errors.append(f"Invalid type for parameter {name}, value: {value}, type: {type(value)}, valid types: {_valid_types(kind)}")
    if errors:
        raise ParamValidationError(report="\n".join(errors))


class _Exceptions:
    """client.exceptions.NoSuchKey etc.: ClientError subclasses made on first use, one per error code."""

    def __init__(self):
        self._classes = {}
        self.ClientError = ClientError

    def from_code(self, code):
        name = _CODE_ALIASES.get(code, code)
        if not name.isidentifier() or name in _UNMODELED:
            return ClientError
        cls = self._classes.get(name)
        if cls is None:
            cls = type(name, (ClientError,), {})
            self._classes[name] = cls
        return cls

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.from_code(name)


class _Meta:
    def __init__(self, service, region, endpoint_url=None):
        self.service_model = type("ServiceModel", (), {"service_name": service})()
        self.region_name = region
        self.endpoint_url = endpoint_url or f"https://{service}.{region}.amazonaws.com"


class BaseClient:
    def __init__(self, service, region, endpoint_url=None):
        self._service = service
        self._ops = lab_specs.SPECS[service]
        self._by_method = {xform_name(op): op for op in self._ops}
        self._endpoint_url = endpoint_url
        self.meta = _Meta(service, region, endpoint_url)
        self.exceptions = _Exceptions()

    def __repr__(self):
        return f"<botocore.client.{SERVICE_IDS.get(self._service, self._service)} object at {hex(id(self))}>"

    def can_paginate(self, operation_name):
        return False

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        op = self._by_method.get(name)
        if op is None:
            supported = ", ".join(sorted(self._by_method))
            cls_name = SERVICE_IDS.get(self._service, self._service)

            def unsupported(*args, **kwargs):
                raise LabUnsupportedOperationError(
                    message=f"The lab does not simulate {self._service}.{name}. "
                    f"Supported {cls_name} operations: {supported}."
                )

            return unsupported

        def method(*args, **kwargs):
            if args:
                raise TypeError(f"{name}() only accepts keyword arguments.")
            return self._make_api_call(op, kwargs)

        method.__name__ = name
        return method

    def _make_api_call(self, operation_name, api_params):
        validate(self._ops[operation_name], api_params)
        if self._service in _ENDPOINT_SERVICES:
            # The management API's endpoint names the WebSocket API and stage, so the sim needs it.
            api_params = {**api_params, "$endpoint": self._endpoint_url}
        kind, body = lab_bridge.call(self._service, operation_name, api_params)
        if kind == "error":
            if body.get("errorKind") == "unsupported":
                raise LabUnsupportedOperationError(message=body["message"])
            response = {
                "Error": {"Code": body["code"], "Message": body["message"]},
                "ResponseMetadata": {"HTTPStatusCode": body["httpStatus"], "RetryAttempts": 0},
            }
            raise self.exceptions.from_code(body["code"])(response, operation_name)
        stream_key = _STREAMING.get((self._service, operation_name))
        if stream_key and isinstance(body.get(stream_key), (bytes, bytearray)):
            body[stream_key] = StreamingBody(bytes(body[stream_key]))
        status = body.get("StatusCode", 200) if self._service == "lambda" else 200
        body["ResponseMetadata"] = {"HTTPStatusCode": status, "HTTPHeaders": {}, "RetryAttempts": 0}
        return body
