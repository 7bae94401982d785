"""Helpers shared by several functions. Lambda puts this file at /opt/python/shared_utils.py."""


def format_money(cents):
    return f"${cents / 100:.2f}"
