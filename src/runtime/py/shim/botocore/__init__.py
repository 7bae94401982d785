"""The lab's botocore: a pure-Python stand-in that sends every operation to the simulated AWS world."""

__version__ = "1.35.0-lab"


def xform_name(name):
    """PutObject -> put_object, ListObjectsV2 -> list_objects_v2 (botocore's naming rule)."""
    import re

    step = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", step).lower()
