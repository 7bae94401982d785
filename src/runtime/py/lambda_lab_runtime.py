"""The in-interpreter Lambda runtime: the entry points the engine calls for init, invoke and destroy.

Each call runs one *phase* of one environment: make it resident, start the virtual clock, the log
buffer and the memory meter, run the user code, and return a JSON report (outcome, measured CPU
ms, virtual sleep ms, modeled max memory, log events). User code runs from frames in
/var/runtime, which are left out of stack traces, as on Lambda.
"""

import importlib
import json
import logging

import lambda_lab_clock as clock
import lambda_lab_context as contexts
import lambda_lab_envs as envs
import lambda_lab_errors as errors
import lambda_lab_logs as logs
import lambda_lab_memory as memory
import lambda_lab_nest as nest
import lambda_lab_snapstart as snapstart
import lambda_lab_stop as stop

LAMBDA_WARNING = (
    "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in "
    "rare cases, a Lambda runtime update can cause unexpected function behavior. For functions using managed "
    "runtimes, runtime updates can be triggered by a function change, or can be applied automatically. To "
    "determine if the runtime has been updated, check the runtime version in the INIT_START log entry. If this "
    "error correlates with a change in the runtime version, you may be able to mitigate this error by "
    "temporarily rolling back to the previous runtime version. For more information, see "
    "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"
)

_envs = {}
_current_request_id = None
_network = None
# Modeled round trip of one AWS API call from inside a Lambda function (same Region): a few ms.
AWS_CALL_LATENCY_MS = 5.0
# Modeled: the runtime's own part of every invoke's Duration (taking the event from the Runtime API,
# posting the response), whatever the memory. A Python hello world reports 1.2-3.9 ms warm on Lambda
# (facts section 9, lambda-perf) while its own code is a few microseconds of work: the floor is this.
RUNTIME_OVERHEAD_MS = 1.2


def _caller():
    """Who is calling AWS: the resident environment's function and the request it serves."""
    env = envs.resident()
    if env is None:
        return None
    spec = env.spec
    return {
        "functionName": spec["functionName"],
        "functionVersion": spec["functionVersion"],
        "requestId": _current_request_id or None,
    }


def _connect_shim():
    """Hands boto3's shim (in site-packages) the caller identity and guards outbound network access."""
    try:
        import lab_host
    except ImportError:
        lab_host = None
    if lab_host is not None:
        try:
            from pyodide.ffi import run_sync
        except ImportError:
            run_sync = None

        def transport(request_json):
            started = clock.real_counter()
            try:
                answer = lab_host.aws_call(request_json)
                # Without shared memory the host answers a promise; JSPI suspends Python until it settles.
                answer = answer if isinstance(answer, str) or run_sync is None else run_sync(answer)
            finally:
                clock.io_wait(started, AWS_CALL_LATENCY_MS)
            _wait_for_answer(answer)
            if clock.past_deadline():
                # The calls took the handler past its deadline: the phase ends here, as on Lambda.
                clock.deadline_hook()
            return answer

        global _transport
        _transport = transport
    global _network
    import lab_network

    _network = lab_network
    lab_network.install_network_guard(False)


_transport = None


def _wait_for_answer(answer):
    """A call that waited on the world (a synchronous invoke) says when its answer came: the handler
    waited until then, and times out if that is past its deadline (the callee runs on regardless)."""
    if not isinstance(answer, str) or '"atMs"' not in answer:
        return
    at_ms = json.loads(answer).get("atMs")
    if isinstance(at_ms, (int, float)) and at_ms > clock.now_ms():
        clock.io_wait(clock.real_counter(), at_ms - clock.now_ms())


def _stamped_transport(request_json):
    """What every copy of the shim calls: the runtime, not the caller, says who calls and when."""
    request = json.loads(request_json)
    request["caller"] = _caller()
    request["nowMs"] = int(clock.now_ms())
    return _transport(json.dumps(request))


def connect_bridge(lab_bridge):
    """Hands one copy of boto3's shim (each environment imports its own) the caller and the transport."""
    lab_bridge.set_caller_provider(_caller)
    if _transport is not None:
        lab_bridge.set_transport(_stamped_transport)


def boot():
    clock.install()
    logs.install()
    envs.install()
    memory.install()
    __import__("lambda_lab_identity").install()  # Lambda's user, group and ids (pwd, grp)
    _connect_shim()
    stop.install()  # last: it wraps what the others installed (time.sleep)


def load_handler(handler_name):
    """Import the handler module and return the handler, raising Lambda's fault types."""
    try:
        modname, fname = handler_name.rsplit(".", 1)
    except ValueError as error:
        raise errors.FaultError("Runtime.MalformedHandlerName", f"Bad handler '{handler_name}': {error}") from None
    if modname.split(".")[0] in errors.LAMBDA_BUILTIN_MODULES:
        message = f"Cannot use built-in module {modname} as a handler module"
        raise errors.FaultError("Runtime.BuiltInModuleConflict", message)
    try:
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as error:
        message = f"Unable to import module '{modname}': {error}"
        raise errors.FaultError("Runtime.ImportModuleError", message) from None
    except SyntaxError as error:
        trace = [f'  File "{error.filename}" Line {error.lineno}\n    {error.text}']
        message = f"Syntax error in module '{modname}': {error}"
        raise errors.FaultError("Runtime.UserCodeSyntaxError", message, trace) from None
    try:
        return getattr(module, fname)
    except AttributeError:
        message = f"Handler '{fname}' missing on module '{modname}'"
        raise errors.FaultError("Runtime.HandlerNotFound", message) from None


# Failures that end the runtime process on Lambda rather than becoming an error payload.
_FATAL = (KeyboardInterrupt, clock.DeadlineExceeded, MemoryError, SystemExit)


def _run_phase(env, request_id, start_ms, deadline_ms, body, is_init, counted=False):
    global _current_request_id
    _current_request_id = request_id
    spec = env.spec
    if _network is not None:
        # Outbound connections fail at once outside a VPC and hang until the timeout inside one.
        _network.install_network_guard(bool(spec.get("inVpc", False)))
    envs.make_resident(env)
    logs.begin(request_id)
    baseline = memory.baseline_bytes(spec["runtime"])
    meter = memory.PhaseMeter(spec["memoryMb"] * memory.MB, baseline + env.retained_bytes)
    # Init runs at full CPU whatever the memory (facts section 9); invoke gets the memory's share.
    cpu_scale = 1.0 if is_init else spec["cpuScale"]
    clock.start_phase(start_ms, deadline_ms, cpu_scale, env.origin_ms, counted, None if is_init else env.gap_floor_ms)
    outcome = None
    fatal = None
    stop.begin_phase()
    try:
        meter.start()
        try:
            # Only the function's own phase is timed (the runtime client's part of it included).
            outcome = clock.run_user(body)
        finally:
            stop.end()
            meter.release()
    except _FATAL as error:
        fatal = error
    except Exception as error:
        payload = errors.error_from_exception(error, request_id)
        if is_init:
            try:
                logging.warning(LAMBDA_WARNING)
            except Exception:  # the handler broke logging; its error is still reported
                pass
        if payload["errorType"] != "Function.ResponseSizeTooLarge":
            logs.emit(logs.error_event(payload, env.json_logs))
        outcome = {"status": "error", "error": payload}
    meter.finish()
    if isinstance(fatal, (KeyboardInterrupt, clock.DeadlineExceeded)) or (fatal is None and clock.past_deadline()):
        outcome = {"status": "timeout"}
    elif isinstance(fatal, MemoryError) or meter.exceeded:
        outcome = {"status": "outOfMemory"}
    elif isinstance(fatal, SystemExit):
        code = fatal.code if isinstance(fatal.code, int) else (0 if fatal.code is None else 1)
        # The platform adds "Runtime exited with error: " (sim/finish.ts); os._exit carries its own status.
        outcome = {"status": "crash", "message": getattr(fatal, "status", None) or f"exit status {code}"}
    cpu_ms, sleep_ms, local_ms, counted, c_work_ms = clock.end_phase()
    if not is_init and c_work_ms is not None and outcome["status"] == "success":
        env.gap_floor_ms = c_work_ms if env.gap_floor_ms is None else min(env.gap_floor_ms, c_work_ms)
    events = logs.finish()
    peak = baseline + env.retained_bytes + meter.peak_delta
    env.retained_bytes = max(env.retained_bytes + meter.retained_delta, 0)
    env.max_bytes = max(env.max_bytes, peak)
    max_mb = memory.to_mb(env.max_bytes)
    if outcome["status"] == "outOfMemory":
        max_mb = spec["memoryMb"]
    if outcome["status"] in ("timeout", "outOfMemory", "crash"):
        # The runtime process is gone: the next invoke needs a fresh init (/tmp survives).
        _reset(env)
    return json.dumps(
        {
            "outcome": outcome,
            "cpuMs": cpu_ms,
            "localMs": local_ms,
            "workModel": "counted" if counted else "measured",
            "loadShare": clock.load_share(),
            "sleepMs": sleep_ms,
            "runtimeMs": 0.0 if is_init else RUNTIME_OVERHEAD_MS,
            "maxMemoryMb": max_mb,
            "logs": events,
        },
        ensure_ascii=False,
    )


def _reset(env):
    # A phase that ran out of memory may have failed to mark a dict it changed (lambda_lab_interp).
    envs.interp.check_all_next()
    envs.forget(env)
    memory.heap_changed()
    env.retained_bytes = 0
    env.max_bytes = 0
    env.environ = dict(env.spec["environment"])


def _keeps_outer(entry):
    """A phase entry point; inside a caller's synchronous invoke, the caller's state comes back after it."""

    def run(request_json):
        # The runtime's own globals: lab modules are not in sys.modules once the interpreter is sealed.
        this = globals()
        outer = nest.save(this)
        try:
            return entry(request_json)
        finally:
            nest.restore(this, outer)

    return run


@_keeps_outer
def init_env(request_json):
    """Create (or re-initialise) an environment and run its module code."""
    request = json.loads(request_json)
    spec = request["env"]
    env = _envs.get(spec["envId"])
    if env is None:
        envs.evict()  # the new environment's objects are built in a clean interpreter
        env = envs.Env(spec, request["taskDir"], request["optDir"], request["tmpDir"], request["nowMs"])
        _envs[env.env_id] = env
    else:
        _reset(env)

    def body():
        env.handler = snapstart.init(spec, lambda: load_handler(spec["handler"]))
        return {"status": "success", "responseJson": "null"}

    now = request["nowMs"]
    counted = request.get("workModel") == "counted"
    return _run_phase(env, "", now, now + request["limitMs"], body, True, counted)


@_keeps_outer
def invoke_env(request_json):
    request = json.loads(request_json)
    env = _envs.get(request["envId"])
    if env is None or env.handler is None:
        state = "does not exist" if env is None else "has no initialised runtime"
        outcome = {"status": "crash", "message": f"Environment {request['envId']} {state}"}
        return json.dumps({"outcome": outcome, "cpuMs": 0, "sleepMs": 0, "maxMemoryMb": 0, "logs": []})
    request_id = request["requestId"]

    def body():
        try:
            event = json.loads(request["eventJson"])
        except ValueError as error:
            raise errors.FaultError("Runtime.UnmarshalError", f"Unable to unmarshal input: {error}") from None
        try:
            client_context = contexts.parse_client_context(request.get("clientContextJson"))
        except ValueError as error:
            message = f"Unable to parse Client Context JSON: {error}"
            raise errors.FaultError("Runtime.LambdaContextUnmarshalError", message) from None
        context = contexts.LambdaContext(env.spec, request_id, request["invokedFunctionArn"], client_context)
        result = env.handler(event, context)
        text = errors.marshal_response(result)
        errors.check_response_size(text)
        return {"status": "success", "responseJson": text}

    counted = request.get("workModel") == "counted"
    return _run_phase(env, request_id, request["nowMs"], request["deadlineMs"], body, False, counted)


def destroy_env(env_id):
    env = _envs.pop(env_id, None)
    if env is not None:
        envs.forget(env)
        memory.heap_changed()


def env_ids():
    return json.dumps(sorted(_envs))

