"""Shared by the stand-ins: append a call to the JSON record named by MF_LAB_RECORD."""
import json
import os


def record(kind, **fields):
    path = os.environ["MF_LAB_RECORD"]
    try:
        with open(path, encoding="utf-8") as f:
            calls = json.load(f)
    except FileNotFoundError:
        calls = []
    calls.append({"call": kind, **fields})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(calls, f)


def check_keywords(where, given, allowed):
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError(f"{where} got unexpected keyword argument(s) {unknown}; it accepts {sorted(allowed)}")


def check_type(where, name, value, types, rule=None):
    if isinstance(value, bool) or not isinstance(value, types):
        raise TypeError(f"{where}: {name} must be {types}, got {value!r}")
    if rule is not None and not rule(value):
        raise ValueError(f"{where}: {name} = {value!r} is out of range")
