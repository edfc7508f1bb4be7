"""Stand-in for pyspark.sql.functions."""
from pyspark.sql import Column, _column


def col(name):
    return Column(name)


def expr(text):
    if not isinstance(text, str):
        raise TypeError("expr needs a SQL string")
    return Column(text)


def max(c):  # noqa: A001 (Spark's own name)
    return Column(f"max({_column(c)})")


def size(c):
    return Column(f"size({_column(c)})")


def collect_set(c):
    return Column(f"collect_set({_column(c)})")
