"""Tables: the one table helper (``record_table``: column kinds, sizing, alignment) and the row model behind every
list (``RecordTableModel``: rows of dicts, loaded into the view a batch at a time, sorted in Python)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from ..domain.figures import money_text

ROW_ROLE = Qt.UserRole + 1  # the whole row dict of a table model
SAMPLE_ROWS = 100  # rows measured to size table columns


def record_table(model: "RecordTableModel", name: str, max_width: int = 320) -> QTableView:
    """A read-only, single-row-selection table over a RecordTableModel — the one table helper every list uses.

    Column sizing follows the column kinds (``RecordTableModel``): key columns (names, beds, states, dates) and
    numbers are ``Interactive`` and sized to their contents from the header and the first rows whenever the rows
    are replaced (never by measuring every cell, which Qt's ResizeToContents does through Python for each row),
    until the user drags a column edge; free-text columns (``TEXT``) share the rest of the width (``Stretch``),
    so the key columns stay in view and long text is cut with "…" instead of pushing them off the side. A table
    without a free-text column stretches its last one. Amounts and counts are right-aligned."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setTextElideMode(Qt.ElideRight)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    header.setMinimumSectionSize(36)
    table.setProperty("fit_max_width", max_width)
    table.setProperty("user_sized", False)
    table.setProperty("fitting", False)
    _stretch(table)

    def user_resized(logical: int, _old: int, _new: int) -> None:
        # Only a drag on a column edge counts (stretched columns and our own sizing resize sections too).
        if (not table.property("fitting") and logical not in stretch_columns(model)
                and QApplication.mouseButtons() & Qt.LeftButton):
            table.setProperty("user_sized", True)
    header.sectionResized.connect(user_resized)
    model.modelReset.connect(lambda: fit_columns(table))
    if model.rowCount():
        fit_columns(table)
    return table


def stretch_columns(model) -> list[int]:
    """The columns that take the free width: the free-text ones, else the last."""
    kinds = getattr(model, "kinds", None) or []
    text = [i for i, k in enumerate(kinds) if k == TEXT]
    return text or ([model.columnCount() - 1] if model.columnCount() else [])


def _stretch(table: QTableView) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for col in stretch_columns(table.model()):
        header.setSectionResizeMode(col, QHeaderView.Stretch)


def fit_columns(table: QTableView, max_width: int | None = None, *, force: bool = False) -> None:
    """Size each key column from its header and the text of the first rows (free-text columns stretch).

    Leaves the widths alone once the user has resized a column by hand (unless ``force``)."""
    if table.property("user_sized") and not force:
        return
    model = table.model()
    header = table.horizontalHeader()
    cap = max_width or table.property("fit_max_width") or 320
    fm = table.fontMetrics()
    if isinstance(model, RecordTableModel):
        sample = model.rows[:SAMPLE_ROWS]
        text_of = lambda r, c: model.shown(r, c)  # noqa: E731  (straight from the row: no index per cell)
    else:
        sample = range(min(SAMPLE_ROWS, model.rowCount()))
        text_of = lambda r, c: model.data(model.index(r, c), Qt.DisplayRole)  # noqa: E731
    stretched = set(stretch_columns(model))
    table.setProperty("fitting", True)
    try:
        for col in range(model.columnCount()):
            if col in stretched:
                continue
            lines = []
            for r in sample:
                v = text_of(r, col)
                if v is not None and v != "":
                    lines.extend(str(v).split("\n"))
            longest = sorted(set(lines), key=_text_width, reverse=True)[:4]  # measure only the likely widest
            width = max([header.sectionSizeHint(col)] + [fm.horizontalAdvance(t) + 18 for t in longest])
            header.resizeSection(col, min(width, cap))
    finally:
        table.setProperty("fitting", False)


def _text_width(text: str) -> int:
    """A quick width guess: CJK characters count double."""
    return len(text) + sum(1 for ch in text if ch >= "\u2e80")


def select_where(table: QTableView, model: "RecordTableModel", test: Callable[[dict], bool]) -> bool:
    """Select (and scroll to) the first row for which ``test(row)`` is true, loading rows up to it if needed."""
    for i, r in enumerate(model.rows):
        if test(r):
            model.ensure_row(i)
            table.selectRow(i)
            table.scrollTo(model.index(i, 0))
            return True
    return False


KEY, TEXT, MONEY, COUNT = "key", "text", "money", "count"  # column kinds (see record_table)


def money_cell(value: Any) -> str:
    """An amount as every table shows it: integer fen, or yuan as text or Decimal, → "528,000.00"."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return money_text(value)
    try:
        return f"{Decimal(str(value).replace(',', '')):,.2f}"
    except InvalidOperation:
        return str(value)


def _number_key(value: Any) -> Any:
    try:
        return Decimal(str(value).replace(",", "")) if value not in (None, "") else None
    except InvalidOperation:
        return None


class RecordTableModel(QAbstractTableModel):
    """Rows of dicts shown through column definitions ``(header, key_or_function[, kind])``; the kind is ``KEY``
    (the default: sized to contents), ``TEXT`` (free text: stretched), ``MONEY`` (right-aligned, thousands
    separators, two decimals) or ``COUNT`` (right-aligned).

    All rows are held in ``rows``; the view is given them a batch at a time (``canFetchMore``/``fetchMore``), so
    Qt only asks ``data()`` about rows near what is on screen. ``rowCount()`` is the rows handed out so far,
    ``total()`` all of them. ``sort()`` sorts every row (not just those handed out) by ``sort_key(column)``."""

    batch = 300

    def __init__(self, columns: Sequence[tuple[str, str | Callable[[dict], Any]]], parent=None):
        super().__init__(parent)
        self.columns = [(c[0], c[1]) for c in columns]
        self.kinds = [c[2] if len(c) > 2 else KEY for c in columns]
        self.rows: list[dict] = []
        self.loaded = 0
        self.sort_keys: Sequence[Callable[[dict], Any] | None] | None = None
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        if self.sorted_by is not None:
            self._sort_rows(*self.sorted_by)
        self.loaded = min(len(rows), self.batch)
        self.endResetModel()

    def total(self) -> int:
        return len(self.rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.loaded < len(self.rows)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not parent.isValid():
            self._load_to(self.loaded + self.batch)

    def ensure_row(self, row: int) -> bool:
        """Hand rows out to the view up to ``row`` (so it can be selected); False if there is no such row."""
        if not 0 <= row < len(self.rows):
            return False
        if row >= self.loaded:
            self._load_to(row + 1)
        return True

    def _load_to(self, n: int) -> None:
        n = min(n, len(self.rows))
        if n > self.loaded:
            self.beginInsertRows(QModelIndex(), self.loaded, n - 1)
            self.loaded = n
            self.endInsertRows()

    def cell(self, row: dict, col: int) -> Any:
        key = self.columns[col][1]
        return key(row) if callable(key) else row.get(key)

    def shown(self, row: dict, col: int) -> str:
        """The text of a cell as the table shows it."""
        v = self.cell(row, col)
        if self.kinds[col] == MONEY:
            return money_cell(v)
        if isinstance(v, bool):  # never "True"/"False" on screen
            return QCoreApplication.translate("common", "是") if v else QCoreApplication.translate("common", "否")
        return "" if v is None else str(v)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and index.isValid():
            return self.shown(self.rows[index.row()], index.column())
        if role == ROW_ROLE and index.isValid():
            return self.rows[index.row()]
        if role == Qt.TextAlignmentRole and index.isValid() and self.kinds[index.column()] in (MONEY, COUNT):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and index.isValid() and self.kinds[index.column()] == TEXT:
            return self.shown(self.rows[index.row()], index.column()) or None  # the whole text of a cut cell
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][0]
        if role == Qt.TextAlignmentRole and orientation == Qt.Horizontal and self.kinds[section] in (MONEY, COUNT):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def row_at(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- sorting (every row, with plain Python keys) -------------------------------------------------------------
    def sort_key(self, column: int) -> Callable[[dict], Any] | None:
        if self.sort_keys is not None and column < len(self.sort_keys) and self.sort_keys[column] is not None:
            return self.sort_keys[column]
        if self.kinds[column] in (MONEY, COUNT):
            return lambda r, c=column: _number_key(self.cell(r, c))
        return lambda r, c=column: str(self.cell(r, c) or "")

    def _sorted(self, column: int, order) -> list[dict]:
        key = self.sort_key(column)
        return sorted(self.rows, key=lambda r: _none_last(key(r)), reverse=order == Qt.DescendingOrder)

    def _sort_rows(self, column: int, order) -> None:
        self.rows = self._sorted(column, order)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sorted_by = (column, order)
        new_rows = self._sorted(column, order)
        where = {id(r): i for i, r in enumerate(new_rows)}
        kept = [self.rows[i.row()] for i in self.persistentIndexList() if i.isValid()]
        self._load_to(max((where[id(r)] + 1 for r in kept), default=0))  # a selected row stays in reach
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        after = [self.createIndex(where[id(self.rows[i.row()])], i.column()) if i.isValid() else QModelIndex()
                 for i in before]
        self.rows = new_rows
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _none_last(v: Any) -> tuple:
    return (v is None, v if v is not None else 0)
