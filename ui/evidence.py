"""Keeping each node's evidence (what its measures' charts say) up to date in the document."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer

from register import i18n
from register.errors import RegisterError

if TYPE_CHECKING:  # the computation's modules load when a register opens, not before the window shows
    from register import charts, evidence_worker
    from ui.document import RegisterDocument

translate = QCoreApplication.translate

#: Nodes announced per turn of the event loop once the evidence arrives: announcing 3,000 nodes at once kept
#: one keystroke waiting about 80 ms (the tree model marks each row changed).
ANNOUNCE_NODES = 250
# Seconds a turn of the event loop spends announcing at most (checked after every ``ANNOUNCE_BATCH`` nodes): 250
# nodes took 10-16 ms on a busy 2-core machine, and a keystroke could get two turns' worth.
ANNOUNCE_SECONDS = 0.004
ANNOUNCE_BATCH = 50

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
    """Fills ``document.evidence`` for all nodes in the background, then per node as its data change.

    The first, whole computation runs in a child process (``register.evidence_worker``) when the register can be
    opened there, so this process's interpreter stays free for the window; a register in memory is computed in
    the calling thread. The per-node refresh after an edit is small and runs here.
    """

    def __init__(self, document: RegisterDocument) -> None:
        super().__init__(document)
        self.document = document
        self.stopped = False
        #: The child process of the whole computation (None before it starts, or when it runs in this process).
        self.child: evidence_worker.EvidenceChild | None = None
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_pending)
        #: True once every node's evidence is stored and announced.
        self.applied = False
        self._refreshed: set[str] = set()  # nodes refreshed here while the whole computation ran
        self._unannounced: list[str] = []
        self._announcer = QTimer(self)
        self._announcer.setSingleShot(True)
        self._announcer.setInterval(0)
        self._announcer.timeout.connect(self._announce_some)
        document.dataChanged.connect(lambda _measure, node_id: self.refresh_soon(node_id))
        document.measuresChanged.connect(self.refresh_soon)

    def compute_all(self) -> dict[str, charts.Evidence]:
        """Runs in a worker thread: waits for a child process (the register opened there as here), or reads the
        register in its own session when no child can open it."""
        from register import charts, evidence_worker

        request = evidence_worker.request_for(self.document.service.db, i18n.language())
        if request is None:
            return charts.evidence_by_node(self.document.service, stop=lambda: self.stopped)
        with self._lock:
            if self.stopped:
                return {}
            self.child = evidence_worker.EvidenceChild(request)
        try:
            return self.child.results()
        except RegisterError:
            if self.stopped:  # ended on purpose: no message
                return {}
            raise

    def stop(self) -> None:
        """The register is being closed: a child process is ended now, a computation here at its next check;
        nothing is applied afterwards."""
        with self._lock:
            self.stopped = True
            child = self.child
        if child is not None:
            child.stop()

    def apply(self, evidence: dict[str, charts.Evidence]) -> None:
        """Back on the GUI thread: store everything at once (a node refreshed meanwhile keeps its newer evidence),
        then announce it a few hundred nodes per turn of the event loop, so keystrokes go on in between."""
        if self.stopped:
            return
        found = dict(evidence)
        for node_id in self._refreshed:
            found.pop(node_id, None)
            if node_id in self.document.evidence:
                found[node_id] = self.document.evidence[node_id]
        self.document.evidence = found
        self._unannounced = list(found)
        self._announce_some()

    @property
    def announcing(self) -> bool:
        """True while evidence that arrived is still being announced."""
        return bool(self._unannounced)

    def _announce_some(self) -> None:
        """Announce the next nodes: ``ANNOUNCE_NODES`` at most, in batches, until ``ANNOUNCE_SECONDS`` are spent."""
        if self.stopped:
            return
        deadline = time.perf_counter() + ANNOUNCE_SECONDS
        left = ANNOUNCE_NODES
        while self._unannounced and left > 0:
            count = min(ANNOUNCE_BATCH, left)
            some, self._unannounced = self._unannounced[:count], self._unannounced[count:]
            self.document.evidenceChanged.emit(some)
            left -= count
            if time.perf_counter() >= deadline:
                break
        if self._unannounced:
            self._announcer.start()
        else:
            self.applied = True

    def refresh_soon(self, node_id: str) -> None:
        """Refresh once after the current action, however many signals it sent (a measure edit sends two)."""
        self._pending.add(node_id)
        self._timer.start()

    def _refresh_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for node_id in sorted(pending):
            self.refresh(node_id)

    def refresh(self, node_id: str) -> None:
        from register import charts

        try:
            evidence = charts.node_evidence(self.document.service, node_id)
        except RegisterError:
            return
        self._refreshed.add(node_id)
        if evidence is None:
            self.document.evidence.pop(node_id, None)
        else:
            self.document.evidence[node_id] = evidence
        self.document.evidenceChanged.emit([node_id])
