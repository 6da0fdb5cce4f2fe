"""The view of the reporting grid (报送情况): read-only, months sharing the width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from parktracker.ui.models.reporting_model import ReportingGridModel


def reporting_view(parent: QWidget, model: ReportingGridModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("reportingGrid")
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setAccessibleName(QCoreApplication.translate("ReportingGrid", "Reporting status"))
    view.setWordWrap(False)
    return view
