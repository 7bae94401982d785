"""tinytable 0.3: two-column text tables (vendored: copied into the package, not installed)."""


def render(rows):
    """Left-align the first column, right-align the second, and join them with ' | '."""
    if not rows:
        return ""
    left = max(len(str(a)) for a, _ in rows)
    right = max(len(str(b)) for _, b in rows)
    return "\n".join(f"{str(a).ljust(left)} | {str(b).rjust(right)}" for a, b in rows)
