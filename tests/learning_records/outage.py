"""A store that never answers, on loopback: it counts the connections that reach it."""

import socket
import threading


class SilentStore:
    """Accepts connections and never replies, like a learning record store that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.connections = 0
        self._held: list[socket.socket] = []
        self._running = True
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/xAPI"

    def _serve(self):
        while self._running:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            self._held.append(connection)

    def close(self):
        self._running = False
        self._thread.join(timeout=2)
        for connection in self._held:
            connection.close()
        self.sock.close()
