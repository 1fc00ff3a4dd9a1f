"""The test and benchmark site server: a reader who leaves early is not an error, and a
prebuilt site is reused only for the address it was built for."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

import pytest

from tools.site.site_server import prebuilt_site, serve


def test_a_client_that_hangs_up_prints_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "index.html").write_bytes(b"<p>x</p>" * 400_000)  # more than a socket buffer
    with socket.socket() as probe:  # a port free on this machine
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with serve(tmp_path, port):
        for _ in range(10):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"GET /rnn-guide/ HTTP/1.1\r\nHost: x\r\n\r\n")
            # Close at once with a reset, as a browser tab that navigates away.
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
        time.sleep(0.5)  # the handler threads finish writing (and failing)
    assert "Traceback" not in capsys.readouterr().err


def test_a_prebuilt_site_is_reused_only_for_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "http://127.0.0.1:8765/rnn-guide/"
    monkeypatch.setenv("RNN_GUIDE_SITE_PORT", "8765")
    monkeypatch.delenv("RNN_GUIDE_SITE_DIR", raising=False)
    assert prebuilt_site() is None
    monkeypatch.setenv("RNN_GUIDE_SITE_DIR", str(tmp_path))
    assert prebuilt_site() is None  # no sitemap: not a built site
    (tmp_path / "sitemap.xml").write_bytes(b"\xff<loc>http://127.0.0.1:8000/rnn-guide/</loc>")
    assert prebuilt_site() is None  # built for another address
    (tmp_path / "sitemap.xml").write_text(f"<loc>{url}</loc>", encoding="utf-8")
    assert prebuilt_site() == (tmp_path, url)
