"""Marking user-facing text in modules that must not import Qt.

``QT_TRANSLATE_NOOP(context, text)`` is found by ``pyside6-lupdate``, which puts the text in the ``.ts`` files.
Chinese is the source language, so code outside the UI uses the returned string as it is. The returned
string remembers its context, and ``.format()`` on it remembers the template and the values, so the UI can
translate a finished sentence later: ``translate(context, template).format(**values)``
(see ``ui.common.tr_text``).
"""
from __future__ import annotations


class Msg(str):
    """A source string that knows its translation context."""
    context: str = ""

    def format(self, *args, **kwargs) -> "Formatted":  # noqa: A003
        out = Formatted(str.format(self, *args, **kwargs))
        out.template, out.context, out.args, out.kwargs = str(self), self.context, args, kwargs
        return out


class Formatted(str):
    """A sentence made from a Msg template; keeps what it was made from."""
    template: str = ""
    context: str = ""
    args: tuple = ()
    kwargs: dict = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> Msg:  # noqa: N802 - the name lupdate looks for
    m = Msg(text)
    m.context = context
    return m


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with, keeping a Msg/Formatted for later translation."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
