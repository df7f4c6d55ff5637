"""Every top-level window fits an office screen of 1366×768 with a taskbar (1366×728 free): the main window's first
size comes from the screen's free area, and every dialog class the program has opens inside it (with room for the
frame the system draws), its buttons on the screen. A new dialog class must be added to BUILDERS below."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

import yiyang_desktop.ui as ui_pkg
from yiyang_desktop.ui import screen

TASKBAR_SCREEN = QRect(0, 0, 1366, 728)
ABSTRACT = {"ServiceDialog", "StayDialog", "_Form"}


def _one(db, sql, *args):
    row = db.execute(sql, list(args)).fetchone()
    assert row is not None, sql
    return row[0]


def builders(ctx, tmp_path):
    from yiyang_desktop.services import policy
    from yiyang_desktop.services.accounts import list_users
    from yiyang_desktop.services.subsidies import list_applications, record_application
    db = ctx.db
    resident = _one(db, "SELECT resident_id FROM stays WHERE discharge_date IS NULL")
    stay = _one(db, "SELECT id FROM stays WHERE discharge_date IS NULL")
    leave = _one(db, "SELECT id FROM leaves WHERE end_date IS NULL")
    bed = _one(db, "SELECT id FROM beds")
    partner = _one(db, "SELECT id FROM partners")
    agreement = _one(db, "SELECT id FROM agreements")
    visit = _one(db, "SELECT id FROM visits")
    referral = _one(db, "SELECT id FROM referrals WHERE direction = '上转' AND state = '住院'")
    staff = _one(db, "SELECT id FROM staff")
    if not list_applications(ctx):
        record_application(ctx, "construction", {"lines": []}, amount_fen=100, period="2026-11-23")
    app_row = list_applications(ctx)[0]
    pdf = tmp_path / "sample.pdf"
    from reportlab.pdfgen.canvas import Canvas
    c = Canvas(str(pdf))
    c.drawString(100, 750, "sample")
    c.save()
    from yiyang_desktop.ui import audit_key_panel as AK
    from yiyang_desktop.ui import (application_dialogs as AD, assessment_dialog as ASD, assessments_page as AP,
                                   bed_dialogs as BD, error_dialog as ED, health_dialogs as HD, import_dialog as ID,
                                   login as LG,
                                   main_window as MW, partner_dialogs as PD, pdf_preview as PP, policy_dialog as PO,
                                   referral_dialogs as RD, resident_dialogs as RS, server_dialog as SV,
                                   server_login as SL, staff_dialogs as SD,
                                   stay_dialogs as ST, users_panel as UP, welcome as WE)
    return {
        "MainWindow": lambda: MW.MainWindow(ctx, tmp_path / "demo.db"),
        "WelcomeDialog": lambda: WE.WelcomeDialog(),
        "ServerDialog": lambda: SV.ServerDialog(url="postgresql://yiyang@192.168.1.10:5432/yiyang"),
        "ServerPasswordDialog": lambda: SL.ServerPasswordDialog(
            "postgresql://yiyang@192.168.1.10:5432/yiyang", "服务器数据库 yiyang@192.168.1.10:5432/yiyang 拒绝了用户名或密码，请重新输入密码。"),
        "InsuranceAnswersDialog": lambda: AD.InsuranceAnswersDialog(ctx),
        "ApproveDialog": lambda: AD.ApproveDialog(ctx, app_row),
        "AssessmentDialog": lambda: ASD.AssessmentDialog(ctx, resident),
        "CareEventDialog": lambda: AP.CareEventDialog(ctx, resident),
        "CareLevelsDialog": lambda: AP.CareLevelsDialog(ctx),
        "BedDialog": lambda: BD.BedDialog(ctx, bed),
        "RoomDialog": lambda: BD.RoomDialog(ctx),
        "TypeDialog": lambda: BD.TypeDialog(ctx, bed),
        "StatusDialog": lambda: BD.StatusDialog(ctx, bed),
        "ErrorDialog": lambda: ED.ErrorDialog("Traceback …\n" * 80, tmp_path / "yiyang.log"),
        "ImportDialog": lambda: ID.ImportDialog(ctx),
        "LoginDialog": lambda: LG.LoginDialog(ctx),
        "CreateAdminDialog": lambda: LG.CreateAdminDialog(ctx),
        "ChangePasswordDialog": lambda: LG.ChangePasswordDialog(ctx),
        "PartnerDialog": lambda: PD.PartnerDialog(ctx, partner),
        "AgreementDialog": lambda: PD.AgreementDialog(ctx, agreement),
        "TerminateDialog": lambda: PD.TerminateDialog(ctx, agreement),
        "VisitDialog": lambda: PD.VisitDialog(ctx, visit),
        "PdfPreviewDialog": lambda: PP.PdfPreviewDialog(pdf, "sample"),
        "ProfileEditDialog": lambda: PO.ProfileEditDialog(ctx, policy.get_profile(ctx, "hecheng-2021")),
        "PolicyDialog": lambda: PO.PolicyDialog(ctx),
        "ReferralDialog": lambda: RD.ReferralDialog(ctx, referral),
        "StateDialog": lambda: RD.StateDialog(ctx, referral),
        "ReturnDialog": lambda: RD.ReturnDialog(ctx, referral),
        "IndicationsDialog": lambda: RD.IndicationsDialog(ctx),
        "ResidentDialog": lambda: RS.ResidentDialog(ctx),
        "StaffDialog": lambda: SD.StaffDialog(ctx, staff),
        "LeavingDialog": lambda: SD.LeavingDialog(ctx, staff),
        "AdmitDialog": lambda: ST.AdmitDialog(ctx, resident),
        "MoveDialog": lambda: ST.MoveDialog(ctx, stay),
        "LeaveDialog": lambda: ST.LeaveDialog(ctx, stay),
        "EndLeaveDialog": lambda: ST.EndLeaveDialog(ctx, leave),
        "DischargeDialog": lambda: ST.DischargeDialog(ctx, stay),
        "HealthFileDialog": lambda: HD.HealthFileDialog(ctx, resident),
        "CheckDialog": lambda: HD.CheckDialog(ctx, resident),
        "LevelDialog": lambda: HD.LevelDialog(ctx, resident),
        "AddUserDialog": lambda: UP.AddUserDialog(ctx),
        "ResetPasswordDialog": lambda: UP.ResetPasswordDialog(ctx, list_users(ctx)[0]),
        "ShowCodeDialog": lambda: AK.ShowCodeDialog("-".join(["ABCD"] * 14)),
        "EnterCodeDialog": lambda: AK.EnterCodeDialog(ctx),
    }


def window_classes() -> set[str]:
    """Every dialog and main-window class the ui package defines."""
    out = set()
    for mod in pkgutil.iter_modules(ui_pkg.__path__):
        module = importlib.import_module(f"yiyang_desktop.ui.{mod.name}")
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and issubclass(obj, (QDialog, QMainWindow)):
                out.add(name)
    return out - ABSTRACT


@pytest.fixture
def taskbar_screen(monkeypatch):
    """The screen as an office PC has it: 1366×768 with a 40-pixel taskbar."""
    monkeypatch.setattr(screen, "available_area", lambda widget=None: QRect(TASKBAR_SCREEN))
    QSettings().remove("main_window/geometry")  # a first start: no size kept from last time


def test_every_window_class_is_checked(qapp, demo_ctx, tmp_path):
    assert window_classes() <= set(builders(demo_ctx, tmp_path)), "add the new window class to BUILDERS"


def test_every_window_opens_inside_a_1366x728_screen(qtbot, qapp, demo_ctx, tmp_path, taskbar_screen):
    too_big = []
    frame_w, frame_h = screen.FRAME
    for name, build in builders(demo_ctx, tmp_path).items():
        w = build()
        qtbot.addWidget(w)
        w.show()
        qapp.processEvents()
        size, least = w.size(), w.minimumSizeHint()
        if (size.width() + frame_w > TASKBAR_SCREEN.width() or size.height() + frame_h > TASKBAR_SCREEN.height()
                or w.x() < 0 or w.y() < 0 or w.y() + size.height() + frame_h > TASKBAR_SCREEN.height()):
            too_big.append(f"{name}: {size.width()}×{size.height()} at {w.x()},{w.y()}")
        elif least.height() + frame_h > TASKBAR_SCREEN.height():
            too_big.append(f"{name}: cannot shrink below {least.width()}×{least.height()}")
        w.close()
    assert not too_big, too_big


def test_main_window_first_size_comes_from_the_screen(qtbot, qapp, demo_ctx, tmp_path, taskbar_screen):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    frame_w, frame_h = screen.FRAME
    assert w.width() == TASKBAR_SCREEN.width() - frame_w and w.height() == TASKBAR_SCREEN.height() - frame_h
    qapp.processEvents()
    for name in ("current_user", "lock_now"):  # 修改密码 shows beside them for a signed-in account
        button = w.statusBar().findChild(QWidget, name)
        assert button.isVisible(), name
        corner = button.mapTo(w, button.rect().bottomRight())
        assert 0 <= corner.x() <= w.width() and 0 <= corner.y() <= w.height(), name  # 修改密码 and 锁定 on the screen
