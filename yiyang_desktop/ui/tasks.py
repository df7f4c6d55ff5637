"""Long jobs (exports, imports) off the GUI thread, behind a progress dialog with a cancel button.

The job is a plain function that takes a ``step(text, done=0, total=0)`` callback first: it calls it between its
steps to report what it is doing (and how far, for a progress bar), and ``step`` raises :class:`Cancelled` once the
user has pressed cancel, so the job stops at the next step boundary and can clean up after itself. The pure layers
never see Qt.

One connection per thread (as Anki's ``CollectionOp``/``QueryOp`` in ``qt/aqt/operations``: the op runs off the
GUI thread, reports progress, its errors reach the caller — and from there the one error dialog — and the caller
refreshes its views when it returns). A job that reads or writes the data file is given the window's context as
``ctx=``: it then runs on ``step.ctx``, a context of its own made in the worker thread (``Context.worker_factory``: the
same user, role and clock on its own connection to the same file) and closed when the job ends. The window's
connection never leaves the GUI thread, so a save made in the window while a job runs is never part of the job's
transaction (and a job's write waits for, or is waited for by, the window's: one writer at a time).
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """The user cancelled a background job."""


class Step:
    """The callback a job receives first: ``step(text, done, total)`` reports progress; ``step.ctx`` is the job's
    own context (when the job was started with ``ctx=``)."""

    def __init__(self, worker: "_Worker"):
        self._worker = worker
        self.ctx = None

    def __call__(self, text: str = "", done: int = 0, total: int = 0) -> None:
        """Report progress (a text, and how far when known) and stop here if the user cancelled."""
        if self._worker.cancel_requested.is_set():
            raise Cancelled()
        self._worker.progressed.emit(text, done, total)


class _Worker(QThread):
    progressed = Signal(str, int, int)

    def __init__(self, fn: Callable, args, kwargs, ctx=None):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.make_ctx = ctx.worker_factory() if ctx is not None else None  # read here, in the GUI thread
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel_requested = threading.Event()
        self.step = Step(self)

    def run(self) -> None:  # noqa: D401 — runs in the worker thread
        try:
            if self.make_ctx is not None:
                self.step.ctx = self.make_ctx()
            try:
                self.result = self.fn(self.step, *self.args, **self.kwargs)
            finally:
                if self.step.ctx is not None:
                    self.step.ctx.db.close()  # an unfinished transaction is rolled back with it
        except BaseException as e:  # handed to the GUI thread, raised there
            self.error = e


def run_in_background(parent: QWidget | None, title: str, fn: Callable, *args, ctx=None, **kwargs) -> Any:
    """Run ``fn(step, *args, **kwargs)`` in a worker thread while a modal progress dialog shows; return its
    result, re-raise its exception, or raise :class:`Cancelled` when the user cancelled and the job stopped.

    ``ctx`` (the window's context): the job works on ``step.ctx``, its own context and connection (see above);
    it must not touch the window's context or connection."""
    worker = _Worker(fn, args, kwargs, ctx)
    dlg = QProgressDialog(title, QCoreApplication.translate("tasks", "取消"), 0, 0, parent)
    dlg.setObjectName("progress_dialog")
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModal)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    loop = QEventLoop()

    def cancel() -> None:
        worker.cancel_requested.set()
        dlg.setLabelText(QCoreApplication.translate("tasks", "正在取消…"))

    def progressed(text: str, done: int, total: int) -> None:
        if text and not worker.cancel_requested.is_set():
            dlg.setLabelText(text)
        if total:
            dlg.setRange(0, total)
            dlg.setValue(done)

    worker.progressed.connect(progressed)
    dlg.canceled.connect(cancel)
    worker.finished.connect(loop.quit)
    shower = QTimer()  # show the dialog only for jobs that take a moment
    shower.setSingleShot(True)
    shower.timeout.connect(dlg.show)
    shower.start(300)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    shower.stop()
    dlg.canceled.disconnect(cancel)  # closing a progress dialog emits canceled
    dlg.close()
    dlg.deleteLater()
    if worker.error is not None:  # Cancelled too, when the job stopped at a step
        raise worker.error
    return worker.result  # finished before it saw the cancel: its work is done and kept
