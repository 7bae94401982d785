"""Helpers shared by several functions. Lambda puts this file at /opt/python/shared_utils.py."""
