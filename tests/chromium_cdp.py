"""A small driver for headless Chromium over the DevTools protocol, for the HTML report tests.

It talks to the browser through ``--remote-debugging-pipe`` (file descriptors 3 and 4, messages
separated by NUL bytes), so it opens no port and needs no websocket library.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--mute-audio",
)


def find_chromium() -> str | None:
    if os.name != "posix":
        return None
    env = os.environ.get("GARBLINT_CHROMIUM")
    if env:
        return env if shutil.which(env) or os.path.isfile(env) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One headless browser with one page; ``evaluate`` runs JavaScript in it."""

    def __init__(self, exe: str, profile: Path, *, width: int = 1400, height: int = 1000, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._id = 0
        self._events: list[dict[str, Any]] = []
        self._buf = b""
        import fcntl  # POSIX only; find_chromium() finds nothing elsewhere that this can drive

        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # High copies, so that moving them to 3 and 4 in the child cannot clobber one another.
        hi_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 64)
        hi_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 64)
        os.close(to_child_r)
        os.close(from_child_w)

        def child_fds() -> None:  # runs in the child before exec
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=child_fds,
        )
        os.close(hi_r)
        os.close(hi_w)
        self._w = to_child_w
        self._r = from_child_r
        try:
            targets = self.call("Target.getTargets")["targetInfos"]
            page = next((t for t in targets if t["type"] == "page"), None)
            if page is None:
                page_id = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            else:
                page_id = page["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": page_id, "flatten": True})["sessionId"]
            self.call("Page.enable", session=True)
            self.call("Runtime.enable", session=True)
            self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        except Exception:
            self.close()
            raise

    # ------------------------------------------------------------ protocol
    def _send(self, msg: dict[str, Any]) -> None:
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            n = os.write(self._w, data)
            data = data[n:]

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for the browser")
            ready, _, _ = select.select([self._r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed the pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self._send(msg)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_event(self, method: str) -> dict[str, Any]:
        for k, ev in enumerate(self._events):
            if ev.get("method") == method:
                return self._events.pop(k)
        deadline = time.monotonic() + self.timeout
        while True:
            ev = self._read(deadline)
            if ev.get("method") == method:
                return ev
            self._events.append(ev)

    # ------------------------------------------------------------- helpers
    def open(self, path: Path) -> None:
        self._events = [e for e in self._events if e.get("method") != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True)
        if "exceptionDetails" in res:
            raise BrowserError(f"script error: {json.dumps(res['exceptionDetails'])[:800]}")
        return res.get("result", {}).get("value")

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key}
            if kind == "keyDown" and len(key) == 1:
                params["text"] = key
            self.call("Input.dispatchKeyEvent", params, session=True)

    def mouse_move(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=True)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self._id += 1
                    self._send({"id": self._id, "method": "Browser.close"})
                except OSError:
                    pass
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        finally:
            for fd in (self._w, self._r):
                try:
                    os.close(fd)
                except OSError:
                    pass


def main(argv: list[str] | None = None) -> int:
    """``python tests/chromium_cdp.py REPORT.html OUT.png [KEYS [HEIGHT]]``: a screenshot after pressing KEYS."""
    import sys
    import tempfile

    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(main.__doc__, file=sys.stderr)
        return 2
    exe = find_chromium()
    if exe is None:
        print("no chromium found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as profile:
        b = Chromium(exe, Path(profile), width=1280, height=int(args[3]) if len(args) > 3 else 900)
        try:
            b.open(Path(args[0]))
            for key in args[2] if len(args) > 2 else "":
                b.key(key)
            b.screenshot(Path(args[1]))
        finally:
            b.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
