"""Execution environments as namespaces inside one interpreter.

Each environment owns the modules it imported (every sys.modules entry that was not there at boot),
its os.environ, sys.path, working directory, root-logger setup, its /tmp directory and whatever
else it changed in the interpreter (lambda_lab_interp: patched modules and classes, builtins,
sys.stdout, the recursion limit, ...). One environment at a time is *resident*: its directories
are renamed into place as /var/task, /opt and /tmp, and its modules sit in sys.modules. Switching
to another environment evicts the resident one first, so warm invokes of the same environment
cost nothing extra.
"""

import linecache
import logging
import os
import sys

import lambda_lab_interp as interp
import lambda_lab_logs as logs

TASK = "/var/task"
OPT = "/opt"
TMP = "/tmp"
IDLE_TMP = "/lambda-lab/idle-tmp"
_FINDER_KEYS = (TASK, OPT + "/python", OPT + "/python/lib/python3.14/site-packages", TMP)
# Lambda's sys.path: the function, then the layers, then the runtime and the standard library.
BASE_SYS_PATH = [TASK, OPT + "/python/lib/python3.14/site-packages", OPT + "/python", "/var/runtime"]

_fs = None  # the host's lab_fs bridge, imported at install(): a memory snapshot holds no JS module
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
        # The fewest ms of gaps a successful invoke of this environment showed that its probes could not
        # explain as preemption: its own calls into C at most (lambda_lab_clock._unloaded). None until
        # one is measured where gaps are seen.
        self.gap_floor_ms = None
        self.json_logs = self.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"
        level = logs.LOG_LEVELS.get(self.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper())
        self.root_level = logging.WARNING if level is None else level
        self.root_handlers = [logs.LambdaHandler(self.json_logs)]
        self.root_filters = []
        self.logger_dict = dict(_base_logger_dict)
        self.logging_disable = 0
        self.cwd = TASK
        self.saved = interp.Saved()


def install():
    """Record the interpreter's shared state that each environment starts from."""
    global _base_logger_dict, _base_sys_path, _fs
    import lab_fs

    _fs = lab_fs
    sys.dont_write_bytecode = True
    _base_logger_dict = dict(logging.root.manager.loggerDict)
    _base_sys_path = list(sys.path)
    # While no environment is resident, /tmp is Pyodide's own (idle) directory.
    os.makedirs(os.path.dirname(IDLE_TMP), exist_ok=True)
    os.makedirs(TMP, exist_ok=True)
    os.makedirs("/var", exist_ok=True)


def seal(private_namespaces):
    """The end of boot: what is loaded now is what every environment starts from."""
    interp.seal(private_namespaces)


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
    os.chdir(env.cwd if os.path.isdir(env.cwd) else TASK)
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
    interp.apply(env.saved)
    _resident = env
    # Other environments' /tmp and other functions' code, under /lambda-lab, cannot be reached by path.
    _fs.lock(True)


def evict():
    """Move the resident environment's state back into its Env object and its own directories."""
    global _resident
    env = _resident
    if env is None:
        return
    _resident = None
    _fs.lock(False)
    # First, before any other runtime code runs: the interpreter as sealed, the environment's changes kept.
    interp.save(env.saved)
    env.environ = dict(os.environ)
    env.sys_path = list(sys.path)
    interp.split_modules(env.modules)
    try:
        env.cwd = os.getcwd()
    except OSError:
        env.cwd = TASK
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
    env.cwd = TASK
    env.saved = interp.Saved()


def resident():
    return _resident
