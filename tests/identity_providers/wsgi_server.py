"""A threaded WSGI server on 127.0.0.1 for the test identity providers."""

from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(app, port: int) -> None:
    """Serve `app` on 127.0.0.1:port until the process is ended."""
    with make_server("127.0.0.1", port, app, server_class=_ThreadingServer, handler_class=_QuietHandler) as server:
        server.serve_forever()
