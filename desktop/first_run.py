"""The first start on an empty database: load the sample campaign, or start an empty one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session, sessionmaker

from models import queries

translate = QCoreApplication.translate

SAMPLE = "sample"
EMPTY = "empty"


def is_empty(sessions: sessionmaker[Session]) -> bool:
    with sessions() as session:
        return queries.newest_campaign_name(session) is None


def prepare(sessions: sessionmaker[Session], choice: str, year: int) -> None:
    """Fill an empty database: the 2023 sample campaign, or the city's reference data and an
    empty campaign for ``year``. One transaction."""
    from models.sample import load_reference, load_sample

    with sessions.begin() as session:
        if choice == SAMPLE:
            load_sample(session)
        else:
            load_reference(session, year=year)


def ask(parent: QWidget | None) -> str | None:
    """SAMPLE, EMPTY, or None when the user would rather quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("FirstRun", "Welcome to Campaign Planner"))
    box.setText(translate("FirstRun", "The database is empty. How would you like to start?"))
    box.setInformativeText(translate(
        "FirstRun", "The sample is the 2023 Year of Investment Promotion of Dongguan: 30+ "
        "promotion trips, 30+ themed events, organisations, people and leads, to try the "
        "program with. An empty campaign has the city's regions, units and industries only."))
    sample = box.addButton(translate("FirstRun", "Load the sample campaign"),
                           QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(translate("FirstRun", "Start an empty campaign for %1")
                          .replace("%1", str(date.today().year)), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("FirstRun", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(sample)
    box.exec()
    clicked = box.clickedButton()
    if clicked is sample:
        return SAMPLE
    if clicked is empty:
        return EMPTY
    return None
