"""transqa.api builds one Context per Prepared and never hands one Prepared's Context to another."""

from transqa import api
from transqa.pipeline import RunOptions, prepare


def test_one_context_per_prepared_and_no_stale_entry():
    first = prepare(RunOptions(select=["ACC"]))
    second = prepare(RunOptions(select=["NUM"]))
    context = api._context(first)
    assert api._context(first) is context
    # what a reused id looked like before: an entry left by another (garbage-collected) Prepared
    api._CONTEXTS[id(second)] = (first, context)
    assert api._context(second) is not context
    assert api._CONTEXTS[id(second)][0] is second
