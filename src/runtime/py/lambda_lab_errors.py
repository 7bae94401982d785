"""Error payloads and response marshalling, as Lambda's Python runtime produces them."""

import decimal
import json
import math
import traceback

RUNTIME_DIR = "/var/runtime/"
# Pyodide's stdlib lives in a zip; on Lambda it is /var/lang/lib/python3.x.
_STDLIB_PREFIXES = ("/lib/python314.zip/", "/lib/python3.14/")
_LAMBDA_STDLIB = "/var/lang/lib/python3.14/"

# The response limit of a synchronous invoke, as the service words it.
MAX_RESPONSE_BYTES = 6291556
RESPONSE_TOO_LARGE = f"Response payload size exceeded maximum allowed payload size ({MAX_RESPONSE_BYTES} bytes)."

# CPython's built-in modules on Lambda's Linux build (not Pyodide's longer list).
LAMBDA_BUILTIN_MODULES = frozenset(
    "_abc _ast _codecs _collections _functools _imp _io _locale _operator _signal _sre _stat _string "
    "_symtable _thread _tokenize _tracemalloc _typing _warnings _weakref atexit builtins errno "
    "faulthandler gc itertools marshal posix pwd sys time xxsubtype".split()
)


class FaultError(Exception):
    """A runtime fault with a Lambda error type (Runtime.ImportModuleError, ...)."""

    def __init__(self, error_type, message, stack_trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.stack_trace = stack_trace or []


def make_error(message, error_type, request_id, stack_trace):
    return {
        "errorMessage": message,
        "errorType": error_type,
        "requestId": request_id,
        "stackTrace": stack_trace,
    }


def user_stack_trace(tb):
    """traceback.format_list() of the frames outside the runtime, with Lambda's stdlib paths."""
    frames = []
    for frame in traceback.extract_tb(tb):
        if frame.filename.startswith(RUNTIME_DIR):
            continue
        for prefix in _STDLIB_PREFIXES:
            if frame.filename.startswith(prefix):
                _ = frame.line  # read the source line before the path stops resolving
                frame.filename = _LAMBDA_STDLIB + frame.filename[len(prefix) :]
        frames.append(frame)
    return _format_frames(frames)


# traceback prints a run of identical frames three times, then "[Previous line repeated N more times]".
_RECURSIVE_CUTOFF = 3


def _format_frames(frames):
    """traceback.format_list(frames), formatting only the frames it shows: it formats every frame of a
    run (caret positions parse each line twice), which made a RecursionError's 1,000 frames cost 0.1-0.5 s."""
    lines = []
    i = 0
    while i < len(frames):
        first = frames[i]
        j = i + 1
        while j < len(frames) and (frames[j].filename, frames[j].lineno, frames[j].name) == (
            first.filename,
            first.lineno,
            first.name,
        ):
            j += 1
        lines.extend(traceback.format_list(frames[i : min(j, i + _RECURSIVE_CUTOFF)]))
        hidden = j - i - _RECURSIVE_CUTOFF
        if hidden > 0:
            lines.append(f"  [Previous line repeated {hidden} more time{'s' if hidden > 1 else ''}]\n")
        i = j
    return lines


def error_from_exception(error, request_id):
    if isinstance(error, FaultError):
        return make_error(error.message, error.error_type, request_id, error.stack_trace)
    # A handler may have broken str() of its exception, or traceback and linecache: the payload still goes out.
    try:
        message = str(error)
    except Exception:
        message = ""
    try:
        stack = user_stack_trace(error.__traceback__)
    except Exception:
        stack = []
    return make_error(message, type(error).__name__, request_id, stack)


_DECIMAL_MARK = "\u0000lambda-lab-decimal:"


def _encode_default(value):
    # A Decimal is written as a JSON number (like simplejson's use_decimal), never as a string.
    if isinstance(value, decimal.Decimal):
        if value.is_nan():
            return math.nan
        return _DECIMAL_MARK + str(value) + "\u0000"
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


_ENCODED_MARK = json.dumps(_DECIMAL_MARK)[:-1]


def marshal_response(value):
    """JSON text of a handler's return value; raises FaultError(Runtime.MarshalError)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    try:
        text = json.dumps(value, default=_encode_default, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError, RecursionError) as error:
        raise FaultError("Runtime.MarshalError", f"Unable to marshal response: {error}") from None
    if _ENCODED_MARK in text:
        text = _unmark_decimals(text)
    return text


def _unmark_decimals(text):
    parts = text.split(_ENCODED_MARK)
    out = [parts[0]]
    for part in parts[1:]:
        number, _, rest = part.partition('\\u0000"')
        out.append(number + rest)
    return "".join(out)


def check_response_size(text):
    if len(text) > MAX_RESPONSE_BYTES // 4 and len(text.encode("utf-8")) > MAX_RESPONSE_BYTES:
        raise FaultError("Function.ResponseSizeTooLarge", RESPONSE_TOO_LARGE)
