"""`kentro up`: database, migrations, demo world, then web server, worker and beat."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from kentro.embedded_db import forget_dead_handles
from tenants.models import Tenant
from tenants.services import ensure_base_schema


def _ipv6_loopback_available(port: int) -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", port))
        return True
    except OSError:
        return False


class Command(BaseCommand):
    help = "Run Kentro: migrate, create the demo world on first run, serve, work, schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--no-demo", action="store_true", help="do not create demo centres")
        parser.add_argument("--web-workers", type=int, default=2)

    def handle(self, *args, port: int, no_demo: bool, web_workers: int, **options) -> None:
        self.stdout.write("Kentro: preparing the database…")
        call_command("migrate_schemas", interactive=False, verbosity=0)
        ensure_base_schema()
        if not no_demo and not Tenant.objects.exists():
            from tenants.demo import create_demo_world

            self.stdout.write("First run: creating the demo municipalities and their casework…")
            create_demo_world(report=self.stdout.write)
        connection.close()
        _stop_on_interrupt_or_terminate()
        processes = self._start(port, web_workers)
        self._announce(port)
        self._wait(processes)

    def _start(self, port: int, web_workers: int) -> list[subprocess.Popen]:
        binds = ["-b", f"127.0.0.1:{port}"]
        if _ipv6_loopback_available(port):
            binds += ["-b", f"[::1]:{port}"]
        python = sys.executable
        commands = [
            [
                python,
                "-m",
                "gunicorn",
                "kentro.wsgi:application",
                *binds,
                "--workers",
                str(web_workers),
                "--access-logfile",
                "-",
                "--graceful-timeout",
                "5",
            ],
            [
                python,
                "-m",
                "celery",
                "-A",
                "kentro",
                "worker",
                "--beat",
                "--loglevel",
                "INFO",
                "--concurrency",
                "1",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        ]
        if settings.CELERY_BROKER_URL == "filesystem://":
            for folder in settings.CELERY_BROKER_TRANSPORT_OPTIONS.values():
                if isinstance(folder, str):
                    os.makedirs(folder, exist_ok=True)
        return [subprocess.Popen(command) for command in commands]

    def _announce(self, port: int) -> None:
        from tenants.demo import DEMO_PASSWORD, demo_logins

        base = settings.KENTRO_BASE_DOMAIN
        self.stdout.write(
            self.style.SUCCESS(f"\nKentro is running. Public portal: http://{base}:{port}/")
        )
        for tenant in Tenant.objects.prefetch_related("domains").order_by("slug"):
            for domain in sorted(tenant.domains.all(), key=lambda d: not d.is_primary):
                self.stdout.write(f"  {tenant.name}: http://{domain.domain}:{port}/")
        logins = demo_logins()
        if logins:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
            for login in logins:
                self.stdout.write(f"  http://{login.host}:{port}/  {login.email:<48} {login.role}")
        self.stdout.write("\nPress Ctrl-C to stop.\n")

    def _wait(self, processes: list[subprocess.Popen]) -> None:
        try:
            while all(process.poll() is None for process in processes):
                time.sleep(0.5)
            self.stderr.write("A Kentro process stopped; stopping the others.")
        except KeyboardInterrupt:
            self.stdout.write("\nStopping Kentro…")
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
            for process in processes:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
            if settings.KENTRO_EMBEDDED_DATABASE:
                # Let the embedded server stop with us: forget workers that exited
                # without detaching from it.
                forget_dead_handles(settings.DATA_DIR / "pgdata")


def _raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop_on_interrupt_or_terminate() -> None:
    """Ctrl-C and a service manager's SIGTERM both stop everything cleanly.

    SIGINT is re-armed explicitly because a shell starting us in the background
    leaves it ignored.
    """
    signal.signal(signal.SIGINT, _raise_keyboard_interrupt)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
