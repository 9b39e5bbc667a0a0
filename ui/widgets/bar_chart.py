"""A small stacked bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desa_budget.format import format_number


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: tuple[int, ...]


def short_amount(value: int) -> str:
    """Axis labels: 1.500.000 -> "1,5 jt", 250.000 -> "250 rb"."""
    if value >= 1_000_000:
        text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"{text} jt"
    if value >= 1_000:
        return f"{value // 1_000} rb"
    return format_number(value)


def nice_ceiling(value: int, steps: int = 4) -> int:
    """A round top for the axis, ``steps`` gridlines of 1, 2, 2.5 or 5 × 10^k each."""
    if value <= 0:
        return steps
    magnitude = 1
    while magnitude * 10 * steps <= value:
        magnitude *= 10
    for factor in (1, 2, 2.5, 5, 10):
        step = int(magnitude * factor)
        if step * steps >= value:
            return step * steps
    return magnitude * 10 * steps


class BarChart(QWidget):
    """Stacked bars, one per label; the legend on top, gridlines with short rupiah labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels = tuple(labels)
        self.series = tuple(series)
        tips = []
        for index, label in enumerate(self.labels):
            parts = [f"{s.name} {format_number(s.values[index])}" for s in self.series]
            tips.append(f"{label}: " + ", ".join(parts))
        self.setToolTip("\n".join(tips))
        self.update()

    def totals(self) -> list[int]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.labels))]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        text_color = self.palette().text().color()
        # Legend
        x = area.left() + 60
        for series in self.series:
            painter.fillRect(QRectF(x, area.top() + 3, 12, 12), QColor(series.color))
            painter.setPen(text_color)
            painter.drawText(QRectF(x + 16, area.top(), 400, line), series.name)
            x += 16 + metrics.horizontalAdvance(series.name) + 20
        top = int(nice_ceiling(max(self.totals(), default=0)))
        axis_width = max(metrics.horizontalAdvance(short_amount(top)) + 8, 48)
        plot = QRectF(
            area.left() + axis_width,
            area.top() + line + 8,
            area.width() - axis_width,
            area.height() - 2 * line - 12,
        )
        # Grid and axis labels
        grid = QColor(text_color)
        grid.setAlpha(40)
        for step in range(5):
            value = top * step // 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(grid)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(area.left(), y - line / 2, axis_width - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                short_amount(value),
            )
        slot = plot.width() / max(len(self.labels), 1)
        bar = slot * 0.6
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        short = widest > slot - 2  # a narrow chart: "J F M A ..." rather than overlapping names
        for index, label in enumerate(self.labels):
            left = plot.left() + slot * index + (slot - bar) / 2
            bottom = plot.bottom()
            for series in self.series:
                height = plot.height() * series.values[index] / top if top else 0
                painter.fillRect(QRectF(left, bottom - height, bar, height), QColor(series.color))
                bottom -= height
            painter.setPen(text_color)
            painter.drawText(
                QRectF(plot.left() + slot * index, plot.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label[:1] if short else label,
            )
        painter.end()
