"""Small QtCharts builders for the leader dashboard: bars for counts, a pie for shares; every value is also labelled."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

PALETTE = (
    "#2f6fb3",
    "#3d9a50",
    "#e0a100",
    "#c0392b",
    "#7d5ba6",
    "#16a2b8",
    "#8c6d46",
    "#5f6b7a",
    "#d35400",
    "#27ae60",
)


def chart_view(title: str, parent: QWidget | None = None) -> QChartView:
    """An empty, antialiased chart view with a bold title and no animation (instant and testable)."""
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSize(10)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def set_bars(
    view: QChartView, items: Sequence[tuple[str, int]], *, horizontal: bool = False, colour: str = PALETTE[0]
) -> None:
    """Replace the chart's data with one bar per (label, count); counts are printed on the bars."""
    chart = view.chart()
    _clear(chart)
    bars = QBarSet("")
    bars.setColor(QColor(colour))
    bars.setLabelColor(QColor("#222222"))
    for _label, value in items:
        bars.append(value)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([label for label, _value in items] or [""])
    values = QValueAxis()
    values.setLabelFormat("%d")
    top = max((v for _l, v in items), default=0)
    if top < 10:  # one tick per whole count, and room after the longest bar for its label
        values.setRange(0, top + 1)
        values.setTickCount(top + 2)
    else:
        values.setRange(0, top * 1.2)
        values.applyNiceNumbers()
    category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    series.attachAxis(categories)
    series.attachAxis(values)


def set_pie(
    view: QChartView, items: Sequence[tuple[str, int, str]], empty_text: str, *, legend_right: bool = False
) -> None:
    """Replace the chart's data with a pie of (label, count, colour); the legend gives each count and share, under
    the pie or, for long labels, beside it (one line each)."""
    chart = view.chart()
    _clear(chart)
    series = QPieSeries()
    total = sum(v for _l, v, _c in items)
    for label, value, colour in items:
        if value <= 0:
            continue
        piece = series.append(f"{label}: {value} ({100 * value / total:.0f}%)", value)
        piece.setColor(QColor(colour))
    if total == 0:
        piece = series.append(empty_text, 1)
        piece.setColor(QColor("#dddddd"))
    series.setPieSize(0.85)
    chart.addSeries(series)
    legend = chart.legend()
    legend.setVisible(True)
    legend.setAlignment(Qt.AlignmentFlag.AlignRight if legend_right else Qt.AlignmentFlag.AlignBottom)
