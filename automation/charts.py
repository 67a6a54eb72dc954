"""Bar charts for reports: plain data in the document's context, drawn by matplotlib only when the file is written."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart; its repr is its data, so an unchanged chart leaves its document unchanged."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    width_mm: int = 160

    def png(self) -> bytes:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot

        height = 0.9 + 0.42 * max(len(self.labels), 1)
        figure, axes = pyplot.subplots(figsize=(7.0, height), dpi=150)
        try:
            labels = ["\n".join(textwrap.wrap(label, 34)) or "—" for label in self.labels]
            positions = range(len(labels))
            axes.barh(list(positions), list(self.values), color="#4472C4")
            axes.set_yticks(list(positions), labels, fontsize=8)
            axes.invert_yaxis()
            axes.set_title(self.title, fontsize=10)
            axes.xaxis.get_major_locator().set_params(integer=True)
            for position, value in zip(positions, self.values):
                axes.text(value, position, f" {value}", va="center", fontsize=8)
            axes.spines[["top", "right"]].set_visible(False)
            figure.tight_layout()
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", metadata={"Software": None})
            return buffer.getvalue()
        finally:
            pyplot.close(figure)
