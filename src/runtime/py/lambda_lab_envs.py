"""Execution environments as namespaces inside one interpreter.

Each environment owns its user modules (sys.modules entries loaded from /var/task, /opt or /tmp),
its os.environ, sys.path, root-logger setup and its /tmp directory. One environment at a time is
*resident*: its directories are renamed into place as /var/task, /opt and /tmp, and its modules
sit in sys.modules. Switching to another environment evicts the resident one first, so warm
invokes of the same environment cost nothing extra.
"""

import linecache
import logging
import os
import sys

import lambda_lab_logs as logs

TASK = "/var/task"
OPT = "/opt"
TMP = "/tmp"
IDLE_TMP = "/lambda-lab/idle-tmp"
_USER_PREFIXES = (TASK + "/", OPT + "/", TMP + "/")
_FINDER_KEYS = (TASK, OPT + "/python", OPT + "/python/lib/python3.14/site-packages", TMP)
# Lambda's sys.path: the function, then the layers, then the runtime and the standard library.
BASE_SYS_PATH = [TASK, OPT + "/python/lib/python3.14/site-packages", OPT + "/python", "/var/runtime"]

_base_logger_dict = {}
_base_sys_path = []
_resident = None


class Env:
    def __init__(self, spec, task_dir, opt_dir, tmp_dir, origin_ms):
        self.spec = spec
        self.env_id = spec["envId"]
        self.dirs = ((task_dir, TASK), (opt_dir, OPT), (tmp_dir, TMP))
        self.origin_ms = origin_ms
        self.environ = dict(spec["environment"])
        # Pyodide's "" (the working directory) entry is dropped: Lambda's sys.path has none.
        self.sys_path = BASE_SYS_PATH + [p for p in _base_sys_path if p and p not in BASE_SYS_PATH]
        self.modules = {}
        self.handler = None
        self.retained_bytes = 0
        self.max_bytes = 0
        self.json_logs = self.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"
        level = logs.LOG_LEVELS.get(self.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper())
        self.root_level = logging.WARNING if level is None else level
        self.root_handlers = [logs.LambdaHandler(self.json_logs)]
        self.root_filters = []
        self.logger_dict = dict(_base_logger_dict)
        self.logging_disable = 0


def install():
    """Record the interpreter's shared state that each environment starts from."""
    global _base_logger_dict, _base_sys_path
    sys.dont_write_bytecode = True
    _base_logger_dict = dict(logging.root.manager.loggerDict)
    _base_sys_path = list(sys.path)
    # While no environment is resident, /tmp is Pyodide's own (idle) directory.
    os.makedirs(os.path.dirname(IDLE_TMP), exist_ok=True)
    os.makedirs(TMP, exist_ok=True)
    os.makedirs("/var", exist_ok=True)


def _is_user_module(module):
    origin = getattr(module, "__file__", None)
    if isinstance(origin, str):
        return origin.startswith(_USER_PREFIXES)
    paths = getattr(module, "__path__", None)
    try:
        return any(isinstance(p, str) and p.startswith(_USER_PREFIXES) for p in paths or ())
    except Exception:
        return False


def make_resident(env):
    """Put env's directories, modules, os.environ and logging in place (a no-op if already)."""
    global _resident
    if _resident is env:
        return
    if _resident is not None:
        evict()
    os.rename(TMP, IDLE_TMP)
    for source, target in env.dirs:
        os.rename(source, target)
    os.chdir(TASK)
    for key in _FINDER_KEYS:
        sys.path_importer_cache.pop(key, None)
    # Tracebacks cache source lines by file name, and every environment has a /var/task/<name>.
    linecache.clearcache()
    sys.path[:] = env.sys_path
    os.environ.clear()
    os.environ.update(env.environ)
    sys.modules.update(env.modules)
    env.modules = {}
    root = logging.root
    root.setLevel(env.root_level)
    root.handlers = env.root_handlers
    root.filters = env.root_filters
    root.manager.loggerDict = env.logger_dict
    root.manager.disable = env.logging_disable
    root.manager._clear_cache()
    _resident = env


def evict():
    """Move the resident environment's state back into its Env object and its own directories."""
    global _resident
    env = _resident
    if env is None:
        return
    _resident = None
    env.environ = dict(os.environ)
    env.sys_path = list(sys.path)
    for name, module in list(sys.modules.items()):
        if _is_user_module(module):
            env.modules[name] = module
            del sys.modules[name]
    root = logging.root
    env.root_level = root.level
    env.root_handlers = root.handlers
    env.root_filters = root.filters
    env.logging_disable = root.manager.disable
    root.manager.loggerDict = _base_logger_dict
    os.chdir("/")
    for source, target in env.dirs:
        if os.path.lexists(target):
            os.rename(target, source)
    os.rename(IDLE_TMP, TMP)


def forget(env):
    """Drop env's namespace (destroy, or the reset after a timeout, out-of-memory or exit)."""
    if _resident is env:
        evict()
    env.modules = {}
    env.handler = None


def resident():
    return _resident
