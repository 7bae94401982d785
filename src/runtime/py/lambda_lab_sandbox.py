"""Keeps the lab's machinery out of the handler's reach (see SECURITY.md for what this can and cannot do).

The engine runs this file once, with builtins of its own and outside sys.modules, and calls start()
(or the snapshot builder runs it and calls load(), and the engine calls start() on the restored copy).
It loads the runtime's modules privately:
they are never entered in sys.modules, their functions see a private copy of builtins, and their
`import json` gets lambda_lab_json (the runtime's own JSON on the C accelerator), so a handler that
patches builtins or json changes nothing the platform does. Afterwards the lab's modules and Pyodide's
bridges (`js`, `pyodide`, ...) leave sys.modules, the JS modules are unregistered, and a finder
first on sys.meta_path answers ModuleNotFoundError for them, as on Lambda.
"""

import builtins
import importlib.machinery
import importlib.util
import sys

RUNTIME_DIR = "/var/runtime"
# Top-level names that do not exist on Lambda and would hand the handler the lab's internals or the host.
HIDDEN = frozenset(("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "lab_host", "lab_fs", "lab_network"))
HIDDEN_PREFIX = "lambda_lab_"
JS_MODULES = ("js", "pyodide_js", "lab_host", "lab_fs")
BRIDGE = "botocore.lab_bridge"
_JSON = "lambda_lab_json"
_PYODIDE_C_MODULES = ("_pyodide_core", "js", "pyodide_js")
_real_import = builtins.__import__
_private = {}
_private_builtins = dict(builtins.__dict__)


def hidden(name):
    top = name.partition(".")[0]
    return top in HIDDEN or top.startswith(HIDDEN_PREFIX)


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    """The runtime's __import__: its own modules first, and its own JSON for `json`."""
    if level == 0:
        top = name.partition(".")[0]
        if top == "json" and (globals or {}).get("__name__") != _JSON:
            top = name = _JSON
        if top.startswith(HIDDEN_PREFIX) and top not in _private:
            _load_runtime_module(top)
        if top in _private:
            return _private[name] if fromlist else _private[top]
    return _real_import(name, globals, locals, fromlist, level)


_private_builtins["__import__"] = _import


def _exec_private(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    # Functions defined by the module keep this dict as their builtins: a handler's patch never reaches them.
    module.__builtins__ = _private_builtins
    _private[name] = module
    spec.loader.exec_module(module)
    return module


def _load_runtime_module(name):
    return _exec_private(name, f"{RUNTIME_DIR}/{name}.py")


class _Blocker:
    """First on sys.meta_path: the lab's modules and Pyodide's bridges do not exist for handler code.

    Each environment imports its own copy of the boto3 shim; its botocore.lab_bridge gets the runtime's
    transport, which stamps the true caller and virtual time on every call that reaches the host."""

    def __init__(self, connect):
        self._connect = connect

    def find_spec(self, name, path=None, target=None):
        if hidden(name):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        if name != BRIDGE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None:
            spec.loader = _BridgeLoader(spec.loader, self._connect)
        return spec

    def invalidate_caches(self):
        pass


class _BridgeLoader:
    def __init__(self, loader, connect):
        self._loader = loader
        self._connect = connect

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._connect(module)


_blocker = None


def install_blocker():
    """A phase start: the blocker first on sys.meta_path again and no hidden module in sys.modules
    (a handler may have moved the one; Pyodide's C code may have put a bridge back in the other)."""
    meta_path = sys.meta_path
    if not meta_path or meta_path[0] is not _blocker:
        while _blocker in meta_path:
            meta_path.remove(_blocker)
        meta_path.insert(0, _blocker)
    modules = sys.modules
    for name in _PYODIDE_C_MODULES:
        modules.pop(name, None)


def _hide_modules():
    for finder in sys.meta_path:
        unregister = getattr(finder, "unregister_js_module", None)
        if unregister is None:
            continue
        for name in JS_MODULES:
            try:
                unregister(name)
            except ValueError:
                pass
    for name in list(sys.modules):
        if hidden(name) or name.partition(".")[0] in ("botocore", "boto3"):
            module = sys.modules.pop(name)
            # Pyodide's import loaders keep the JS objects they served (globalThis, its API): let them go.
            loader = getattr(getattr(module, "__spec__", None), "loader", None)
            if hasattr(loader, "jsproxy"):
                loader.jsproxy = None
    main = sys.modules["__main__"].__dict__
    for name in [name for name in main if isinstance(name, str) and hidden(name)]:
        del main[name]


def _hide_from_find_spec():
    """importlib.util.find_spec answers None for a hidden name, as on Lambda (code probes for Pyodide so)."""
    real = importlib.util.find_spec

    def find_spec(name, package=None):
        resolved = importlib.util.resolve_name(name, package) if name.startswith(".") else name
        return None if hidden(resolved) else real(name, package)

    find_spec.__doc__ = real.__doc__
    importlib.util.find_spec = find_spec


class Entry:
    """What the engine calls (its names avoid PyProxy's own methods such as destroy)."""

    def __init__(self, runtime):
        self.init_env = runtime.init_env
        self.invoke_env = runtime.invoke_env
        self.destroy_env = runtime.destroy_env
        self.env_ids = runtime.env_ids
        # The engine configures how handler time is measured (lambda_lab_calibration.configure).
        self.calibration = _private["lambda_lab_calibration"]

    def seal(self):
        """Records the state every environment starts from (lambda_lab_interp.seal); the engine calls it
        once (engine.finish), before the first environment runs, and may report the runtime ready before it."""
        _private["lambda_lab_envs"].seal([module.__dict__ for module in _private.values()] + [globals()])

    def check_files(self, files_json):
        # Loaded on the first check: interpreters that never serve the editor never load it.
        syntax = _private.get("lambda_lab_syntax") or _load_runtime_module("lambda_lab_syntax")
        return syntax.check_files(files_json)


# Loaded on first use when the runtime boots from files; a snapshot holds them loaded already.
_LATER = ("lambda_lab_identity", "lambda_lab_syntax")


def load(site_packages, everything=False):
    """Executes the runtime's modules privately and nothing else: no hook, no host bridge, no JS module,
    so the snapshot builder can run it (everything=True) and a restored interpreter starts with the
    runtime compiled."""
    if "lab_network" not in _private:
        _exec_private("lab_network", f"{site_packages}/lab_network.py")
    for name in _LATER if everything else ():
        if name not in _private:
            _load_runtime_module(name)
    runtime = _private.get("lambda_lab_runtime") or _load_runtime_module("lambda_lab_runtime")
    if everything:
        _private["lambda_lab_work"].measure_unit()
    return runtime


def start(site_packages):
    """Loads (unless a snapshot did) and boots the runtime privately, then closes the interpreter; returns
    the engine's entry points, whose seal() must run before any environment does."""
    global _blocker
    runtime = load(site_packages)
    runtime.boot()
    _blocker = _Blocker(runtime.connect_bridge)
    _private["lambda_lab_stop"].keep_first = install_blocker
    _hide_modules()
    _hide_from_find_spec()
    install_blocker()
    return Entry(runtime)
