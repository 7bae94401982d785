"""Application logs: print(), the root logging handler, context.log() and unhandled-error events.

Every event is recorded with its virtual offset from the phase start, so the simulation can place
it on its clock. Output is capped per line and per phase: a handler printing in a loop cannot
freeze the lab, and a marker line says what was dropped.
"""

import io
import json
import logging
import sys
import time

import lambda_lab_clock as clock

MAX_LINE_CHARS = 256 * 1024
MAX_PHASE_CHARS = 4 * 1024 * 1024
TRUNCATED_LINE = " [Lambda Lab: line cut at 256 KB]"
TRUNCATED_PHASE = "[Lambda Lab: log output of this run passed 4 MB; the rest was dropped]"

# Lambda's AWS_LAMBDA_LOG_LEVEL values mapped to Python logging levels.
LOG_LEVELS = {
    "TRACE": logging.DEBUG,
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARN": logging.WARNING,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
    "FATAL": logging.CRITICAL,
}

TEXT_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s"
TEXT_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
JSON_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class LogBuffer:
    """The events of one phase, as (virtual offset ms, text) pairs."""

    def __init__(self):
        self.events = []
        self.chars = 0
        self.dropped = False

    def add(self, text):
        if self.dropped:
            return
        if len(text) > MAX_LINE_CHARS:
            text = text[:MAX_LINE_CHARS] + TRUNCATED_LINE
        if self.chars + len(text) > MAX_PHASE_CHARS:
            self.dropped = True
            self.events.append((clock.elapsed_ms(), TRUNCATED_PHASE))
            return
        self.chars += len(text)
        self.events.append((clock.elapsed_ms(), text))


_buffer = None
# The request id stamped on logging records: "" during init, as on Lambda.
_request_id = ""


def begin(request_id):
    global _buffer, _request_id
    _buffer = LogBuffer()
    _request_id = request_id
    _stdout.reset()
    _stderr.reset()


def finish():
    """Flush unterminated print() output and return the phase's events."""
    global _buffer
    _stdout.flush_partial()
    _stderr.flush_partial()
    buffer = _buffer
    _buffer = None
    return [] if buffer is None else buffer.events


def emit(text):
    if _buffer is not None:
        _buffer.add(text)


class muted:  # noqa: N801 - used as a context manager, like contextlib's helpers
    """Output inside is not logged (a SnapStart restore replays Init silently); what came before stays."""

    def __enter__(self):
        self._buffer = _buffer
        self._mark = (len(_buffer.events), _buffer.chars, _buffer.dropped) if _buffer else None

    def __exit__(self, *exc):
        _stdout.flush_partial()
        _stderr.flush_partial()
        if self._buffer is not None and self._mark is not None:
            count, chars, dropped = self._mark
            del self._buffer.events[count:]
            self._buffer.chars, self._buffer.dropped = chars, dropped
        return False


class _LineStream(io.TextIOBase):
    """sys.stdout / sys.stderr during a phase: each complete line becomes one log event."""

    def __init__(self, name, fallback):
        super().__init__()
        self._name = name
        self._fallback = fallback
        self._pending = []
        self._pending_chars = 0

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def reset(self):
        self._pending = []
        self._pending_chars = 0

    def write(self, text):
        # Capturing output is the lab's work, not the handler's: the clock stops meanwhile.
        clock.lab_begin()
        try:
            return self._write(text)
        finally:
            clock.lab_end()

    def _write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if _buffer is None:
            return self._fallback.write(text)
        if _buffer.dropped:
            return len(text)
        start = 0
        while True:
            newline = text.find("\n", start)
            if newline < 0:
                self._hold(text[start:])
                break
            self._hold(text[start:newline])
            self.flush_partial(force=True)
            start = newline + 1
        return len(text)

    def _hold(self, piece):
        # Keep at most one line's worth: a line without newlines cannot grow without bound.
        room = MAX_LINE_CHARS + 1 - self._pending_chars
        if piece and room > 0:
            piece = piece[:room]
            self._pending.append(piece)
            self._pending_chars += len(piece)

    def flush_partial(self, force=False):
        if self._pending or force:
            emit("".join(self._pending))
        self.reset()

    def flush(self):
        pass


_stdout = _LineStream("<stdout>", sys.__stdout__)
_stderr = _LineStream("<stderr>", sys.__stderr__)


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id
        return True


# LogRecord attributes that are not user extras in the JSON format.
_RECORD_ATTRS = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys()
    | {"message", "asctime", "aws_request_id", "taskName"}
)


class JsonFormatter(logging.Formatter):
    """Lambda's JSON application log record: timestamp, level, message, logger, requestId, extras."""

    def __init__(self):
        super().__init__(datefmt=JSON_DATE_FORMAT)

    def format(self, record):
        level = min(50, max(0, record.levelno)) // 10 * 10
        exc_info = record.exc_info
        fields = {
            "timestamp": self.formatTime(record, self.datefmt),
            "level": logging.getLevelName(level),
            "message": record.getMessage(),
            "logger": record.name,
            "stackTrace": None,
            "errorType": None,
            "errorMessage": None,
            "requestId": getattr(record, "aws_request_id", None) or None,
            "location": None,
        }
        if exc_info and exc_info[0] is not None:
            import traceback

            fields["stackTrace"] = traceback.format_tb(exc_info[2])
            fields["errorType"] = exc_info[0].__name__
            fields["errorMessage"] = str(exc_info[1])
            fields["location"] = f"{record.pathname}:{record.funcName}:{record.lineno}"
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and key not in fields:
                fields[key] = value
        fields = {key: value for key, value in fields.items() if value is not None}
        return json.dumps(fields, default=str, ensure_ascii=False)


class LambdaHandler(logging.Handler):
    """The root logger's handler: writes each record as one event of the current phase."""

    def __init__(self, json_format):
        super().__init__()
        self.addFilter(_RequestIdFilter())
        if json_format:
            self.setFormatter(JsonFormatter())
        else:
            self.setFormatter(logging.Formatter(TEXT_FORMAT, TEXT_DATE_FORMAT))

    def emit(self, record):
        clock.lab_begin()
        try:
            emit(self.format(record))
        except Exception:
            self.handleError(record)
        finally:
            clock.lab_end()


def error_event(error, json_format):
    """One event for an unhandled error: `[ERROR] Type: message` and the traceback lines."""
    if json_format:
        fields = {
            "timestamp": time.strftime(JSON_DATE_FORMAT, time.gmtime()),
            "log_level": "ERROR",
            "errorMessage": error["errorMessage"],
            "errorType": error["errorType"],
            "requestId": error["requestId"],
            "stackTrace": error["stackTrace"],
        }
        return json.dumps(fields, ensure_ascii=False)
    head = "[ERROR]"
    if error["errorType"]:
        head += " " + error["errorType"]
    if error["errorMessage"]:
        head += (":" if error["errorType"] else "") + " " + error["errorMessage"]
    lines = [head, "Traceback (most recent call last):"]
    for element in error["stackTrace"]:
        lines.extend(element.splitlines() or [""])
    return "\n".join(lines)


def install():
    """Route sys.stdout/sys.stderr through the phase buffer; UTC timestamps as on Lambda."""
    logging.Formatter.converter = time.gmtime
    sys.stdout = _stdout
    sys.stderr = _stderr
