"""A TCP proxy in front of the PostgreSQL server that a test can freeze (a hung server) or stop."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class FreezableProxy:
    """Forwards 127.0.0.1:<port> to the server; ``freeze()`` holds every byte, ``stop()`` drops every connection."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = threading.Event()
        self.refusing = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.refusing.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                while self.frozen.is_set() and not self.closed:
                    time.sleep(0.02)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def freeze(self) -> None:
        self.frozen.set()

    def thaw(self) -> None:
        self.frozen.clear()

    def stop(self) -> None:
        """The server goes away: every connection is cut and new ones are refused until ``start()``."""
        self.refusing.set()
        with self.lock:
            sockets, self.sockets = self.sockets, []
        for end in sockets:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def start(self) -> None:
        self.refusing.clear()

    def close(self) -> None:
        self.closed = True
        self.thaw()
        self.stop()
        self.listener.close()
