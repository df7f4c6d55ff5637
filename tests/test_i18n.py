"""Translations: every string the sources mark has an English translation, the .qm is current, and it loads."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402


def unfinished(ts: Path) -> list[str]:
    """Messages whose English is missing or marked unfinished."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is None or t.get("type") == "unfinished" or not (t.text or "").strip():
                out.append(f"{ctx.findtext('name')}: {m.findtext('source')}")
    return out


def test_every_marked_string_has_an_english_translation(tmp_path):
    ts = tmp_path / "yiyang_en.ts"
    shutil.copy(ROOT / "i18n" / "yiyang_en.ts", ts)
    i18n.update(tmp_path)  # lupdate over today's sources into a copy: new strings would arrive unfinished
    missing = unfinished(ts)
    assert not missing, f"{len(missing)} strings lack English, e.g. {missing[:10]}"


def test_committed_qm_matches_the_ts(tmp_path):
    qm = i18n.release(ROOT / "i18n", tmp_path)[0]
    assert qm.read_bytes() == (ROOT / "i18n" / "yiyang_en.qm").read_bytes(), "run: python scripts/i18n.py release"


def test_english_interface_loads():
    code = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from yiyang_desktop.app import setup_application\n"
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "app = setup_application(['x'], 'en')\n"
        "print(Q.translate('MainWindow', '概览')); print(Q.translate('enum', '护理型床位'))\n"
        "from yiyang_desktop.services.base import ValidationError\n"
        "from yiyang_desktop.services.residents import create_resident\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    overview, nursing = out.stdout.splitlines()[:2]
    assert overview == "Overview" and "nursing" in nursing.lower()


def test_formatted_service_messages_translate(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from yiyang_desktop.assets import i18n_path
    from yiyang_desktop.domain.ids import IdNumberError, parse_id_number
    from yiyang_desktop.domain.text import message_of
    from yiyang_desktop.ui.common import tr_text
    try:
        parse_id_number("110105194912310021")
    except IdNumberError as e:
        msg = message_of(e)
    assert "X" in tr_text(msg)
    t = QTranslator()
    assert t.load(str(i18n_path("yiyang_en.qm")))
    QCoreApplication.installTranslator(t)
    try:
        english = tr_text(msg)
    finally:
        QCoreApplication.removeTranslator(t)
    assert english != str(msg) and "X" in english and not any("\u4e00" <= ch <= "\u9fff" for ch in english)
