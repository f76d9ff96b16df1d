"""`kentro`: the command line. `kentro up` runs everything; other words are Django commands
(`kentro tenant create …`, `kentro tenant list`, `kentro migrate_schemas`, …)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentro.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kentro", *sys.argv[1:]])
