"""The runtime's own JSON: reports, responses, requests and log records, on CPython's C accelerator (_json).

The runtime's modules get this module when they `import json` (lambda_lab_sandbox), so a handler that
patches the json module, its classes or builtins changes nothing the platform marshals, and no second
copy of the json package is compiled at boot. Same output as json.dumps/json.loads for what the runtime
passes (no indent).
"""

import _json
import re
from json import JSONDecodeError

_make_encoder = _json.make_encoder
_make_scanner = _json.make_scanner
_escape = _json.encode_basestring
_escape_ascii = _json.encode_basestring_ascii
_whitespace = re.compile(r"[ \t\n\r]*", re.VERBOSE | re.MULTILINE | re.DOTALL).match


def _refuse(value):
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def dumps(obj, *, default=None, ensure_ascii=True, allow_nan=True, sort_keys=False, separators=None):
    item_separator, key_separator = separators or (", ", ": ")
    escape = _escape_ascii if ensure_ascii else _escape
    if isinstance(obj, str):
        return escape(obj)
    encode = _make_encoder(
        {}, default or _refuse, escape, None, key_separator, item_separator, sort_keys, False, allow_nan
    )
    return "".join(encode(obj, 0))


class _Context:
    """What the C scanner reads from a decoder: json.loads' defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__
    memo = None


_scan = _make_scanner(_Context())


def loads(text):
    if not isinstance(text, str):
        text = bytes(text).decode("utf-8")
    try:
        value, end = _scan(text, _whitespace(text, 0).end())
    except StopIteration as error:
        raise JSONDecodeError("Expecting value", text, error.value) from None
    end = _whitespace(text, end).end()
    if end != len(text):
        raise JSONDecodeError("Extra data", text, end)
    return value
