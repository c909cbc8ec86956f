"""A scripted OpenAI-compatible chat server on 127.0.0.1, for tests of the real ChatOpenAI path.

    with StubServer() as stub:
        stub.enqueue(Reply.text('{"title": "x"}'), Reply.error(500))
        settings = Settings(OPENAI_BASE_URL=stub.base_url, OPENAI_API_KEY="dummy")
        ...
        stub.requests[0]["model"], stub.requests[0]["messages"]

Replies are served in order; when the queue is empty, `default` is served.
A request with "stream": true gets Server-Sent Events, one chunk per piece of
`Reply.chunks` (or the whole text), ending with `data: [DONE]`.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted answer of the stub."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    """Seconds to wait before answering (longer than the client timeout = a timeout)."""
    chunks: tuple[str, ...] = ()
    """Pieces for a streamed answer; default: the content in one piece."""
    error: str = ""

    @classmethod
    def text(cls, content: str, *, chunks: tuple[str, ...] = ()) -> Reply:
        return cls(content=content or "".join(chunks), chunks=chunks)

    @classmethod
    def json(cls, data: Any) -> Reply:
        return cls(content=json.dumps(data, ensure_ascii=False))

    @classmethod
    def fail(cls, status: int, message: str = "scripted failure") -> Reply:
        return cls(status=status, error=message)

    @classmethod
    def slow(cls, delay: float, content: str = "too late") -> Reply:
        return cls(content=content, delay=delay)


@dataclass
class StubServer:
    """The server; use as a context manager or call start()/stop()."""

    default: Reply = field(default_factory=lambda: Reply.fail(500, "no scripted reply left"))
    requests: list[dict[str, Any]] = field(default_factory=list)
    """Every request body received on /v1/chat/completions, parsed."""
    _queue: deque[Reply] = field(default_factory=deque)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            return self._queue.popleft() if self._queue else self.default

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the stub first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> StubServer:
        stub = self

        class Handler(_Handler):
            server_stub = stub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    server_stub: StubServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            body = {}
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        reply = self.server_stub._next(body)
        if reply.delay:
            time.sleep(reply.delay)
        try:
            if reply.status != 200:
                self._send_json(reply.status, {"error": {"message": reply.error, "type": "stub"}})
            elif body.get("stream"):
                self._send_stream(reply, str(body.get("model", "")))
            else:
                self._send_json(200, _completion(reply.content, str(body.get("model", ""))))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to do

    def _send_json(self, status: int, data: dict[str, Any]) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def _send_stream(self, reply: Reply, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        pieces = reply.chunks or (reply.content,)
        for i, piece in enumerate(pieces):
            delta: dict[str, Any] = {"content": piece}
            if i == 0:
                delta["role"] = "assistant"
            self._event(_chunk(delta, None, model))
        self._event(_chunk({}, "stop", model))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _event(self, data: dict[str, Any]) -> None:
        self.wfile.write(b"data: " + json.dumps(data).encode() + b"\n\n")
        self.wfile.flush()


def _completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(delta: dict[str, Any], finish: str | None, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
