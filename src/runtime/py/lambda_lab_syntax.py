"""Syntax check for the editor: compiles the learner's files (never runs them) and reports where they break.

compile() rather than ast.parse(): it also catches errors found after parsing ('return' outside a function,
a misplaced 'nonlocal'). Columns are converted to UTF-16 units, which is what the editor counts.
"""

import json
import warnings

# The editor shows at most this much per file; a longer message is cut, not dropped.
_MAX_MESSAGE = 300


def _utf16_column(line, offset):
    """1-based character offset on `line` -> 1-based UTF-16 column (an emoji counts twice in the editor)."""
    if not line or offset is None or offset < 1:
        return 1
    prefix = line[: offset - 1]
    return len(prefix.encode("utf-16-le")) // 2 + 1


def _line(lines, number):
    if number is None or number < 1 or number > len(lines):
        return ""
    return lines[number - 1]


def _problem(path, lines, kind, message, lineno, offset, end_lineno, end_offset, severity):
    lineno = lineno if isinstance(lineno, int) and lineno >= 1 else 1
    end_lineno = end_lineno if isinstance(end_lineno, int) and end_lineno >= lineno else lineno
    column = _utf16_column(_line(lines, lineno), offset)
    end_column = _utf16_column(_line(lines, end_lineno), end_offset) if end_offset else column + 1
    if end_lineno == lineno and end_column <= column:
        end_column = column + 1
    return {
        "file": path,
        "kind": kind,
        "severity": severity,
        "message": str(message)[:_MAX_MESSAGE],
        "line": lineno,
        "column": column,
        "endLine": end_lineno,
        "endColumn": end_column,
    }


def check_source(path, text):
    """Problems in one file: at most one error (Python stops at the first) plus the compiler's warnings."""
    lines = text.splitlines()
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(text, f"/var/task/{path}", "exec", dont_inherit=True)
        except SyntaxError as error:  # IndentationError and TabError are SyntaxErrors too
            problems.append(
                _problem(
                    path,
                    lines,
                    type(error).__name__,
                    error.msg,
                    error.lineno,
                    error.offset,
                    getattr(error, "end_lineno", None),
                    getattr(error, "end_offset", None),
                    "error",
                )
            )
        except ValueError as error:  # "source code string cannot contain null bytes"
            problems.append(_problem(path, lines, "SyntaxError", error, 1, 1, None, None, "error"))
    for warning in caught:
        if issubclass(warning.category, SyntaxWarning):
            # A warning names a line, not a column: mark the whole line.
            width = len(_line(lines, warning.lineno)) + 1
            problems.append(
                _problem(path, lines, "SyntaxWarning", warning.message, warning.lineno, 1, None, width, "warning")
            )
    return problems


def check_files(files_json):
    """JSON {path: text} -> JSON list of problems, for the .py files only."""
    files = json.loads(files_json)
    problems = []
    for path, text in files.items():
        if path.endswith(".py"):
            problems.extend(check_source(path, text))
    return json.dumps(problems)
