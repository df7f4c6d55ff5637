"""One way to say a file was saved: where it is (the path can be selected and copied) and a button that opens its
folder in the system's file manager. Every export ends here, so a user never wonders where a file went."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def folder_of(path: Path | str) -> Path:
    path = Path(path)
    return path if path.is_dir() else path.parent


def open_folder(parent: QWidget | None, path: Path | str) -> bool:
    """Open the folder holding ``path`` (or the folder ``path``); when the system cannot, say where it is."""
    folder = folder_of(path)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    text = QCoreApplication.translate("Saved", "无法自动打开文件夹，请在文件管理器中打开：\n{folder}")
    QMessageBox.information(parent, QCoreApplication.translate("Saved", "打开所在文件夹"), text.format(folder=str(folder)))
    return False


def show_saved(parent: QWidget | None, title: str, paths: Sequence[Path | str], note: str = "") -> QMessageBox:
    """A message naming each saved file, with 打开所在文件夹 and 确定 (the default). It does not wait for an answer
    (window-modal, like the error dialog): the caller has finished its work when it appears."""
    paths = [Path(p) for p in paths]
    if len(paths) == 1:
        text = QCoreApplication.translate("Saved", "已保存到：\n{path}").format(path=str(paths[0]))
    else:
        text = QCoreApplication.translate("Saved", "已保存 {n} 个文件到：\n{folder}\n\n{names}").format(
            n=len(paths), folder=str(folder_of(paths[0])), names="\n".join(p.name for p in paths))
    if note:
        text += "\n\n" + note
    box = QMessageBox(QMessageBox.Information, title, text, QMessageBox.Ok, parent)
    box.setObjectName("saved_message")
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)
    box.button(QMessageBox.Ok).setText(QCoreApplication.translate("Saved", "确定"))
    folder_button = box.addButton(QCoreApplication.translate("Saved", "打开所在文件夹"), QMessageBox.ActionRole)
    folder_button.setObjectName("btn_open_saved_folder")
    folder_button.clicked.connect(lambda: open_folder(parent, paths[0]))
    box.setDefaultButton(QMessageBox.Ok)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box
