"""List pages on a file with a few thousand rows: rows are handed to the view a batch at a time, sorting and
search still cover every row, history pages read a window, and ID numbers and phones are masked by role."""
from __future__ import annotations

import datetime as dt

import pytest
from factories import id_number
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from yiyang_desktop.services import assessments as A
from yiyang_desktop.services.base import Context, PermissionDenied, ValidationError
from yiyang_desktop.services.settings import get_setting
from yiyang_desktop.ui.assessments_page import AssessmentsPage
from yiyang_desktop.ui.audit_page import PAGE, AuditPage
from yiyang_desktop.ui.beds_page import BedsPage
from yiyang_desktop.ui.residents_page import ResidentsPage
from yiyang_desktop.ui.staff_page import StaffPage

D = dt.date
BEDS, RESIDENTS = 240, 3000
SURNAMES, GIVEN = "赵钱孙李周吴郑王冯陈", ["建国", "秀英", "桂兰", "志强", "玉梅", "德华"]


@pytest.fixture
def big(ctx):
    """240 beds on 6 floors, 3,000 residents (240 in residence, the rest discharged), a few staff — written in one
    use case, so the audit log holds several thousand sealed entries too."""
    residents = []
    with ctx.transaction() as db:
        for b in range(1, BEDS + 1):
            floor = 1 + (b - 1) // 40
            db.execute("INSERT INTO beds (id, building, floor, room, number, service_date) VALUES (?, '1号楼', ?, ?, ?, "
                       "'2020-01-01')", [b, str(floor), f"{floor}{((b - 1) % 40) // 2 + 1:02d}", str(1 + (b - 1) % 2)])
            db.execute("INSERT INTO bed_type_changes (bed_id, effective_date, bed_type) VALUES (?, '2020-01-01', ?)",
                       [b, "护理型床位" if b % 3 == 0 else "养老床位"])
        for i in range(1, RESIDENTS + 1):
            birth = D(1925 + i % 40, 1 + i % 12, 1 + i % 28)
            sex = "男" if i % 2 else "女"
            number = id_number(birth, sex)
            name = SURNAMES[i % 10] + GIVEN[i % 6]
            db.execute("INSERT INTO residents (id, name, name_initials, name_pinyin, sex, id_number, birth_date) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", [i, name, f"x{i}", f"x{i:05d}", sex, number, birth.isoformat()])
            admitted_on = D(2016, 1, 1) + dt.timedelta(days=i)
            inside = i > RESIDENTS - BEDS
            db.execute("INSERT INTO stays (id, resident_id, admission_date, discharge_date, discharge_reason) "
                       "VALUES (?, ?, ?, ?, ?)", [i, i, admitted_on.isoformat(),
                                                  None if inside else (admitted_on + dt.timedelta(days=30)).isoformat(),
                                                  None if inside else "回家"])
            bed = i - (RESIDENTS - BEDS) if inside else 1 + i % BEDS
            db.execute("INSERT INTO bed_assignments (stay_id, bed_id, start_date, end_date) VALUES (?, ?, ?, ?)",
                       [i, bed, admitted_on.isoformat(), None if inside else (admitted_on + dt.timedelta(days=30))
                        .isoformat()])
            residents.append({"id": i, "name": name, "id_number": number, "birth": birth, "inside": inside})
        for i in range(12):
            db.execute("INSERT INTO staff (name, role, start_date, phone) VALUES (?, '护理员', '2024-01-01', ?)",
                       [f"护理员{i}", f"1380000{i:04d}"])
    return residents


def as_role(ctx, role):
    return Context(ctx.db, user=role, role=role, clock=ctx.clock)


def column(model, header):
    return next(i for i, (h, _k) in enumerate(model.columns) if h == header)


def test_residents_are_handed_out_in_batches_and_sorting_and_search_cover_every_row(qtbot, qapp, ctx, big):
    page = ResidentsPage(as_role(ctx, "护理"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.show_all.setChecked(True)
    model = page.model
    assert model.total() == RESIDENTS and page.count.text() == f"共 {RESIDENTS} 人，其中在住 {BEDS} 人"
    assert model.rowCount() == model.batch < RESIDENTS and model.canFetchMore(QModelIndex())
    page.table.scrollToBottom()  # as the user scrolls down, the view asks for the next batch
    QApplication.processEvents()
    assert model.batch < model.rowCount() <= RESIDENTS

    # sorting by age sorts all 3,000 rows, not just the rows handed out so far
    page.table.sortByColumn(column(model, "年龄"), Qt.DescendingOrder)
    ages = [int(model.cell(r, column(model, "年龄"))) for r in model.rows]
    assert ages == sorted(ages, reverse=True) and len(ages) == RESIDENTS
    oldest = min(r["birth"] for r in big)
    assert int(model.data(model.index(0, column(model, "年龄")))) == ages[0] == 2026 - oldest.year

    # a resident far down the list can be selected: the rows up to it are handed out first
    last = model.rows[-1]
    assert page.select(last["id"]) and page.selected()["id"] == last["id"]
    assert model.rowCount() == RESIDENTS or model.rowCount() > model.rows.index(last)

    # 护理 sees masked numbers and finds people by the digits it can see — never by the hidden ones: the whole
    # number (which would confirm the hidden digits) finds nobody; the visible ends do
    gone = next(r for r in big if not r["inside"])
    shown_id = model.data(model.index(0, column(model, "身份证号")))
    assert "********" in shown_id and shown_id not in {r["id_number"] for r in big}
    assert all("********" in r["id_number"] for r in model.rows)  # masked by the service, not only on screen
    page.search.setText(gone["id_number"])
    assert model.total() == 0
    page.search.setText(gone["id_number"][:6])
    assert gone["id"] in {r["id"] for r in model.rows}
    hit = next(r for r in model.rows if r["id"] == gone["id"])
    assert hit["id_number"] == gone["id_number"][:6] + "********" + gone["id_number"][-4:]


def test_columns_are_sized_from_the_first_rows_and_an_administrator_sees_whole_numbers(qtbot, qapp, ctx, big):
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    model, header = page.model, page.table.horizontalHeader()
    assert model.total() == BEDS and model.rowCount() == BEDS  # in residence only: one batch
    col = column(model, "身份证号")
    full = {r["id_number"] for r in big if r["inside"]}
    assert {model.data(model.index(i, col)) for i in range(model.rowCount())} == full
    widest = max(page.table.fontMetrics().horizontalAdvance(n) for n in list(full)[:50])
    assert header.sectionSize(col) >= widest  # wide enough for an 18-digit number, without measuring every row
    assert header.sectionResizeMode(col) == header.ResizeMode.Interactive
    assert header.sectionResizeMode(column(model, "类别")) == header.ResizeMode.Stretch  # the free-text column


def test_audit_page_reads_the_newest_entries_first_and_more_on_scrolling(qtbot, qapp, ctx, big):
    total = ctx.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert total > 3 * PAGE
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    assert page.model.total() == 0  # nothing is read until the page is shown
    page.refresh()
    ids = [r["id"] for r in page.model.rows]
    assert len(ids) == PAGE and ids == sorted(ids, reverse=True) and ids[0] == total
    assert str(PAGE) in page.count.text() and "更早" in page.count.text()
    assert "尚未核对" in page.chain.text()
    page.model.fetchMore(QModelIndex())
    ids = [r["id"] for r in page.model.rows]
    assert len(ids) == 2 * PAGE == len(set(ids)) and ids == sorted(ids, reverse=True)
    assert page.model.rowCount() == 2 * PAGE and str(2 * PAGE) in page.count.text()
    page.table_filter.load()
    page.table_filter.setCurrentIndex(page.table_filter.findData("staff"))
    page.search.click()
    assert page.model.total() == 12 and {r["table"] for r in page.model.rows} == {"staff"}
    assert page.count.text() == "共 12 条" and not page.model.canFetchMore(QModelIndex())
    page.verify_button.click()
    assert "签名链完整" in page.chain.text()


def test_staff_phones_are_masked_for_roles_without_the_right(qtbot, qapp, ctx, big):
    for role, masked in (("只读", True), ("登记员", False)):
        page = StaffPage(as_role(ctx, role))
        qtbot.addWidget(page)
        page.refresh()
        col = column(page.model, "电话")
        phones = {page.model.data(page.model.index(i, col)) for i in range(page.model.rowCount())}
        full = {f"1380000{i:04d}" for i in range(12)}
        assert (phones == {p[:3] + "****" + p[-4:] for p in full}) if masked else (phones == full)


def test_reassessment_interval_is_saved_through_the_guarded_service(qtbot, qapp, ctx, big):
    nurse = AssessmentsPage(as_role(ctx, "护理"))
    qtbot.addWidget(nurse)
    nurse.refresh()
    assert not nurse.interval.isEnabled()
    with pytest.raises(PermissionDenied):
        A.set_reassessment_months(as_role(ctx, "护理"), 12)
    with pytest.raises(ValidationError):
        A.set_reassessment_months(ctx, 30)
    admin = AssessmentsPage(ctx)
    qtbot.addWidget(admin)
    admin.refresh()
    assert admin.interval.isEnabled() and admin.model.total() == BEDS
    admin.interval.setValue(12)
    assert get_setting(ctx, "reassessment_months") == 12


def test_bed_board_filters_and_clicks_on_many_beds(qtbot, qapp, ctx, big):
    page = BedsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    board = page.board
    assert len(board.visible_tiles()) == BEDS
    assert all(s == "在住" for _, _, s, _ in board.visible_tiles())
    box = page.floor_filter
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == ("1号楼", "2")))
    shown = board.visible_tiles()
    assert len(shown) == 40 and all("-2层-" in label for _, label, _, _ in shown)
    page.floor_filter.setCurrentIndex(0)
    page.type_filter.setCurrentIndex(page.type_filter.findData("护理型床位"))
    assert len(board.visible_tiles()) == BEDS // 3
    target = next(t for t in board.tiles if t.shown)
    qtbot.mouseClick(board.canvas, Qt.LeftButton, pos=target.rect.center())
    assert board.selected_id == target.bed.bed_id and page.buttons["edit"].isEnabled()
    board.canvas.setFocus()
    qtbot.keyClick(board.canvas, Qt.Key_Right)
    nxt = [t for t in board.tiles if t.shown][1]
    assert board.selected_id == nxt.bed.bed_id
    bottom = max(t.rect.bottom() for t in board.tiles if t.shown)
    assert board.canvas.minimumHeight() > bottom  # every shown card fits in the scrolled area
