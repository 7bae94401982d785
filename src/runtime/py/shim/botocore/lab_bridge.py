"""The one door to the simulated AWS world: JSON in, JSON out, through the host's `_lab_aws_call`.

The host binds it in one of three ways (first found wins): `set_transport(fn)`, a JS module
registered as `lab_host` with an `aws_call` function, or a global `_lab_aws_call` in `__main__`
or `builtins`. The caller (function name, version, request id) comes from the execution
environment; the caller's virtual time from `time.time()`, which the runtime's clock drives.
"""

import base64
import datetime
import json
import os
import time

_transport = None
_caller_provider = None


def set_transport(fn):
    global _transport
    _transport = fn


def set_caller_provider(fn):
    """fn() -> dict(functionName, functionVersion, requestId) or None (the runtime may install one)."""
    global _caller_provider
    _caller_provider = fn


def _find_transport():
    if _transport is not None:
        return _transport
    try:
        import lab_host

        return lab_host.aws_call
    except ImportError:
        pass
    import __main__
    import builtins

    fn = getattr(__main__, "_lab_aws_call", None) or getattr(builtins, "_lab_aws_call", None)
    if fn is None:
        raise RuntimeError("The lab's AWS bridge is not bound: the host must provide _lab_aws_call.")
    return fn


def _caller():
    if _caller_provider is not None:
        return _caller_provider()
    name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
    if not name:
        return None
    return {
        "functionName": name,
        "functionVersion": os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
        "requestId": os.environ.get("_LAB_REQUEST_ID") or None,
    }


def encode(value):
    if isinstance(value, (bytes, bytearray)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime.datetime):
        return {"$ts": int(value.timestamp() * 1000)}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if hasattr(value, "read") and callable(value.read):
        data = value.read()
        return encode(data.encode("utf-8") if isinstance(data, str) else data)
    return value


def decode(value):
    if isinstance(value, dict):
        if len(value) == 1 and "$b64" in value:
            return base64.b64decode(value["$b64"])
        if len(value) == 1 and "$ts" in value:
            return datetime.datetime.fromtimestamp(value["$ts"] / 1000, tz=datetime.timezone.utc)
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def call(service, operation, params):
    """Send one operation; returns ('result', dict) or ('error', dict)."""
    request = {
        "v": 1,
        "service": service,
        "operation": operation,
        "params": encode(params),
        "caller": _caller(),
        "nowMs": int(time.time() * 1000),
    }
    response = json.loads(str(_find_transport()(json.dumps(request))))
    kind = response.get("kind")
    if kind == "result":
        return "result", decode(response["result"])
    if kind == "error":
        return "error", response["error"]
    raise RuntimeError(f"The host answered a {kind!r} AWS call; it must resolve pending calls before returning.")
