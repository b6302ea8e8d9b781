"""Keeping each node's evidence (what its measures' charts say) up to date in the document."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer

from register import charts
from register.errors import RegisterError
from ui.document import RegisterDocument

translate = QCoreApplication.translate

EVIDENCE_NAMES = {
    "improvement": QT_TRANSLATE_NOOP("Evidence", "improvement"),
    "worsening": QT_TRANSLATE_NOOP("Evidence", "worsening"),
    "signal": QT_TRANSLATE_NOOP("Evidence", "signal (no direction set)"),
    "no_signal": QT_TRANSLATE_NOOP("Evidence", "no signal"),
    "too_little": QT_TRANSLATE_NOOP("Evidence", "too little data"),
}


def evidence_name(kind: str) -> str:
    return translate("Evidence", EVIDENCE_NAMES.get(kind, kind))


def evidence_tooltip(evidence: charts.Evidence) -> str:
    """Which measure says what, and by which rule."""
    lines = [translate("Evidence", "Evidence: {kind}").format(kind=evidence_name(evidence.kind))]
    for name, reading in evidence.readings:
        rule = f" ({reading.rule})" if reading.rule else ""
        lines.append(f"• {name}: {evidence_name(reading.kind)}{rule}")
    return "\n".join(lines)


class EvidenceKeeper(QObject):
    """Fills ``document.evidence`` for all nodes in the background, then per node as its data change."""

    def __init__(self, document: RegisterDocument) -> None:
        super().__init__(document)
        self.document = document
        self.stopped = False
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_pending)
        document.dataChanged.connect(lambda _measure, node_id: self.refresh_soon(node_id))
        document.measuresChanged.connect(self.refresh_soon)

    def compute_all(self) -> dict[str, charts.Evidence]:
        """Runs in a worker thread: reads the register in its own session."""
        return charts.evidence_by_node(self.document.service, stop=lambda: self.stopped)

    def stop(self) -> None:
        """The register is being closed: the background computation ends at its next check."""
        self.stopped = True

    def apply(self, evidence: dict[str, charts.Evidence]) -> None:
        """Back on the GUI thread: store and announce."""
        if self.stopped:
            return
        self.document.evidence = dict(evidence)
        self.document.evidenceChanged.emit(list(evidence))

    def refresh_soon(self, node_id: str) -> None:
        """Refresh once after the current action, however many signals it sent (a measure edit sends two)."""
        self._pending.add(node_id)
        self._timer.start()

    def _refresh_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for node_id in sorted(pending):
            self.refresh(node_id)

    def refresh(self, node_id: str) -> None:
        try:
            evidence = charts.node_evidence(self.document.service, node_id)
        except RegisterError:
            return
        if evidence is None:
            self.document.evidence.pop(node_id, None)
        else:
            self.document.evidence[node_id] = evidence
        self.document.evidenceChanged.emit([node_id])
