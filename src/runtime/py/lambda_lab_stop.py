"""Ends a phase that a handler will not let end: a timeout it swallows, os._exit().

The host signals through Pyodide's interrupt buffer (src/runtime/interrupts.ts): SIGINT stops the phase
now; SIGXCPU asks whether the phase's modeled time is past its deadline, and stops it only then (the
browser's watchdog counts real time, which a busy machine stretches; see src/runtime/pool/watchdog.ts).

On Lambda both end the process, whatever the code does. Here the process is shared, so once the
phase must end, every further line of handler code raises again (sys.monitoring LINE and JUMP
events): a `try/except BaseException` inside a loop cannot keep it running, and the runtime gets
control back with the phase's logs and /tmp intact. Runtime code (/var/runtime) is never stopped.
"""

import _signal
import os
import posix
import sys
import time

import lambda_lab_clock as clock

_TOOL_ID = 4  # lambda_lab_memory uses 3
_RUNTIME_DIR = "/var/runtime/"
_monitoring = sys.monitoring
_set_events = _monitoring.set_events
_STOP_EVENTS = _monitoring.events.LINE | _monitoring.events.JUMP
# The C functions, not signal.py's wrappers: those look up helpers a handler could have patched.
_set_signal = _signal.signal
_get_signal = _signal.getsignal
_SIGINT = int(_signal.SIGINT)
_SIGCHECK = int(_signal.SIGXCPU)  # CHECK_SIGNAL in src/runtime/interrupts.ts
_stopping = None
# Set by lambda_lab_sandbox: puts its import blocker first on sys.meta_path again.
keep_first = None


class ProcessExit(SystemExit):
    """os._exit(n): a SystemExit that handler code cannot catch for long (see above)."""

    def __init__(self, code, status=None):
        super().__init__(code)
        # Lambda's wording for the way the process ended, e.g. "exit status 3" or "signal: aborted".
        self.status = status or f"exit status {code}"


def _raise_again(code, *args):
    if _stopping is not None and not code.co_filename.startswith(_RUNTIME_DIR):
        raise _stopping()
    return None


def _begin(exception_type):
    global _stopping
    _stopping = exception_type
    _set_events(_TOOL_ID, _STOP_EVENTS)


def end():
    """The runtime has control again: handler code runs normally from here on."""
    global _stopping
    if _stopping is not None:
        _stopping = None
        _set_events(_TOOL_ID, 0)


def _interrupted(signum, frame):
    # The pool's interrupt at the phase's deadline (Pyodide's interrupt buffer delivers it as SIGINT).
    _begin(KeyboardInterrupt)
    raise KeyboardInterrupt


def _check(signum, frame):
    # The pool's question: only the modeled clock decides. Outside user code the runtime checks the
    # deadline itself when the phase ends, and lab work inside user code waits for the next question.
    if not (clock.user_running() and clock.past_deadline()):
        return
    if frame is not None and frame.f_code.co_filename.startswith(_RUNTIME_DIR):
        # Runtime code called by the handler (the clock, a log write) is never cut mid-way: the
        # handler's next line raises instead.
        _begin(clock.DeadlineExceeded)
        return
    _deadline()


def _exit(status):
    code = int(status)
    _begin(lambda: ProcessExit(code))
    raise ProcessExit(code)


def _abort():
    _begin(lambda: ProcessExit(134, "signal: aborted"))
    raise ProcessExit(134, "signal: aborted")


def _stop_at_deadline(sleep):
    """time.sleep past the deadline raises DeadlineExceeded; a handler that catches it stops all the same."""

    def sleep_until_deadline(secs):
        try:
            return sleep(secs)
        except clock.DeadlineExceeded:
            _begin(clock.DeadlineExceeded)
            raise

    return sleep_until_deadline


def _deadline():
    # The counted clock reached the deadline (or AWS calls took the handler past it).
    _begin(clock.DeadlineExceeded)
    raise clock.DeadlineExceeded()


def begin_phase():
    """Every phase: the runtime's signal handlers, even if the last phase installed its own."""
    end()
    if keep_first is not None:
        keep_first()
    if _get_signal(_SIGINT) is not _interrupted:
        _set_signal(_SIGINT, _interrupted)
    if _get_signal(_SIGCHECK) is not _check:
        _set_signal(_SIGCHECK, _check)


def install():
    """Before the interpreter is sealed: os._exit and os.abort end the phase, not the interpreter."""
    _monitoring.use_tool_id(_TOOL_ID, "lambda-lab-stop")
    _monitoring.register_callback(_TOOL_ID, _monitoring.events.LINE, _raise_again)
    _monitoring.register_callback(_TOOL_ID, _monitoring.events.JUMP, _raise_again)
    clock.deadline_hook = _deadline
    os._exit = posix._exit = _exit
    os.abort = posix.abort = _abort
    _set_signal(_SIGINT, _interrupted)
    _set_signal(_SIGCHECK, _check)
    # The clock's time.sleep keeps its built-in look (lambda_lab_clock._Plain); only its function is wrapped.
    if hasattr(time.sleep, "_function"):
        time.sleep._function = _stop_at_deadline(time.sleep._function)
