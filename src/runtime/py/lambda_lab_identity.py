"""The user, group and process identity a Lambda function sees.

Pyodide is Emscripten: os.getuid() says 0 (root), there is no pwd or grp module, and so
getpass.getuser() raises OSError once the handler's environment has no USER variable (as on
Lambda). Libraries such as PyMySQL call getpass.getuser() at import, so without this they fail to
import in the lab while they import fine on Lambda.

What Lambda's Python runtimes report (assumed from what handlers print on Lambda; AWS does not
document it, see docs/sam-support.md): the function runs as the unprivileged sandbox user
sbx_user1051 (uid 993) with primary group 990, which has no entry in /etc/group; there is no
controlling terminal, so os.getlogin() fails.
"""

import collections
import importlib.machinery
import os
import sys
import types

USER = "sbx_user1051"
UID = 993
GID = 990
HOME = "/home/sbx_user1051"
SHELL = "/sbin/nologin"

# /etc/passwd and /etc/group as the sandbox has them (the entries code asks about in practice).
_PASSWD = (
    ("root", "x", 0, 0, "root", "/root", "/bin/bash"),
    (USER, "x", UID, GID, "", HOME, SHELL),
)
_GROUP = (("root", "x", 0, ["root"]),)

_passwd_fields = ["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"]
struct_passwd = collections.namedtuple("struct_passwd", _passwd_fields)
struct_group = collections.namedtuple("struct_group", ["gr_name", "gr_passwd", "gr_gid", "gr_mem"])


def _module(name, doc, **members):
    module = types.ModuleType(name, doc)
    # Built-in, as CPython's own pwd and grp are (importlib.util.find_spec reads the spec).
    module.__spec__ = importlib.machinery.ModuleSpec(name, None, origin="built-in")
    for key, value in members.items():
        if callable(value) and not isinstance(value, type):
            value.__module__ = name
        setattr(module, key, value)
    return module


def _finder(entries, field, call, what):
    """getpwuid/getgrnam and friends: the entry whose `field` matches, else KeyError as CPython words it."""

    def find(key):
        for entry in entries:
            if getattr(entry, field) == key:
                return entry
        shown = f"'{key}'" if isinstance(key, str) else key
        raise KeyError(f"{call}(): {what} not found: {shown}")

    find.__name__ = call
    return find


def _pwd_module():
    entries = [struct_passwd(*row) for row in _PASSWD]
    return _module(
        "pwd",
        "The password database (the Lambda sandbox's).",
        struct_passwd=struct_passwd,
        getpwuid=_finder(entries, "pw_uid", "getpwuid", "uid"),
        getpwnam=_finder(entries, "pw_name", "getpwnam", "name"),
        getpwall=lambda: list(entries),
    )


def _grp_module():
    entries = [struct_group(*row) for row in _GROUP]
    return _module(
        "grp",
        "The group database (the Lambda sandbox's).",
        struct_group=struct_group,
        getgrgid=_finder(entries, "gr_gid", "getgrgid", "gid"),
        getgrnam=_finder(entries, "gr_name", "getgrnam", "name"),
        getgrall=lambda: list(entries),
    )


def _getlogin():
    # Linux's ENXIO (6); Emscripten numbers errno differently.
    raise OSError(6, "No such device or address")


def install():
    """Give the interpreter Lambda's identity; environments share it (it never changes on Lambda)."""
    sys.modules["pwd"] = _pwd_module()
    sys.modules["grp"] = _grp_module()
    ids = {
        "getuid": UID,
        "geteuid": UID,
        "getgid": GID,
        "getegid": GID,
    }
    for name, value in ids.items():
        setattr(os, name, lambda value=value: value)
    os.getgroups = lambda: [GID]
    os.getlogin = _getlogin
