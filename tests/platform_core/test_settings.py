import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_production_mode_passes_check_deploy():
    env = {
        **os.environ,
        "KENTRO_PRODUCTION": "true",
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "KENTRO_BASE_DOMAIN": "kentro.gov.gr",
        "DATABASE_URL": settings.DATABASE_URL,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"KENTRO_PRODUCTION": "true", "DATABASE_URL": settings.DATABASE_URL})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_session_and_csrf_cookies_are_host_only():
    assert settings.SESSION_COOKIE_DOMAIN is None
    assert settings.CSRF_COOKIE_DOMAIN is None
