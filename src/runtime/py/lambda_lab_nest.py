"""A phase run inside another (Lambda-to-Lambda chaining): the caller's handler is blocked in a
synchronous invoke while the callee's Init or invoke runs in this same interpreter.

Everything a phase sets up globally (the resident environment, the clock, the log buffer, the
request id, the memory watch, the network guard) is saved before the inner phase and put back after,
so the caller continues as if it had only waited. The caller's own time excludes the inner run (its
AWS round trip is taken out of its clock) and jumps to the moment the answer came instead.
"""

import lambda_lab_clock as clock
import lambda_lab_envs as envs
import lambda_lab_logs as logs
import lambda_lab_memory as memory


class _Outer:
    __slots__ = ("env", "phase", "lab_depth", "lab_started", "buffer", "log_request_id", "request_id")


def save(runtime):
    """The running phase's state, or None when no phase runs (the usual, un-nested case)."""
    if clock._phase is None:
        return None
    # The caller's unfinished print() line belongs to the caller's log, not to the callee's.
    logs._stdout.flush_partial()
    logs._stderr.flush_partial()
    outer = _Outer()
    outer.env = envs.resident()
    outer.phase = clock._phase
    outer.lab_depth = clock._lab_depth
    outer.lab_started = clock._lab_started
    outer.buffer = logs._buffer
    outer.log_request_id = logs._request_id
    outer.request_id = runtime["_current_request_id"]
    clock._phase = None
    clock._lab_depth = 0
    return outer


def restore(runtime, outer):
    if outer is None:
        return
    if outer.env is not None:
        envs.make_resident(outer.env)
        if runtime["_network"] is not None:
            runtime["_network"].install_network_guard(bool(outer.env.spec.get("inVpc", False)))
    clock._phase = outer.phase
    clock._lab_depth = outer.lab_depth
    clock._lab_started = outer.lab_started
    logs._buffer = outer.buffer
    logs._request_id = outer.log_request_id
    runtime["_current_request_id"] = outer.request_id
    # The inner phase lifted the memory watch when it ended; the caller's handler is still running.
    memory._watch_raises(True)
    # It also stopped counting work: the caller counts (or not) as its own phase says.
    clock.rearm()
