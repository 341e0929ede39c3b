"""Production settings (settings_production.py): `check --deploy` clean; gunicorn serves pages and static."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    inherited = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "toteuma.settings_production",
        "TOTEUMA_SECRET_KEY": secrets.token_urlsafe(64),
        "TOTEUMA_STATIC_ROOT": str(tmp_path / "static"),
        "TOTEUMA_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    }


def _manage(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=_env(tmp_path, **extra), capture_output=True, text=True, check=False)


def test_check_deploy_is_clean(tmp_path: Path) -> None:
    assert _manage(tmp_path, "collectstatic", "--noinput").returncode == 0
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_collected_static_files_the_check_and_the_server_refuse_to_start(tmp_path: Path) -> None:
    result = _manage(tmp_path, "check", "--deploy")
    assert result.returncode != 0
    assert "toteuma.E002" in result.stderr
    assert "vendor/vega/vega.min.js" in result.stderr
    assert "collectstatic" in result.stderr
    started = subprocess.run(
        [sys.executable, "-c", "import toteuma.web.wsgi"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert started.returncode != 0
    assert "toteuma.E002" in started.stderr
    assert _manage(tmp_path, "collectstatic", "--noinput").returncode == 0  # vega comes with the package
    assert (
        subprocess.run([sys.executable, "-c", "import toteuma.web.wsgi"], env=_env(tmp_path)).returncode == 0
    )


def test_production_refuses_to_start_without_a_real_secret_key(tmp_path: Path) -> None:
    result = _manage(tmp_path, "check", TOTEUMA_SECRET_KEY="django-insecure-short")
    assert result.returncode != 0
    assert "TOTEUMA_SECRET_KEY" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_gunicorn_with_two_workers_serves_sign_in_and_cached_static_files(tmp_path: Path) -> None:
    assert _manage(tmp_path, "migrate").returncode == 0
    assert _manage(tmp_path, "collectstatic", "--noinput").returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "toteuma.web.wsgi",
        ],
        env=_env(tmp_path),
        stderr=subprocess.DEVNULL,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/kirjaudu/")
        assert b"csrfmiddlewaretoken" in page.read()
        assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        css = _get(f"http://127.0.0.1:{port}/static/web/site.css")
        assert "max-age=60" in css.headers["Cache-Control"] or "immutable" in css.headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(url: str) -> urllib.request._UrlopenRet:  # type: ignore[name-defined]
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "Host": "localhost"})
    deadline = time.monotonic() + 20
    while True:
        try:
            return urllib.request.urlopen(request, timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
