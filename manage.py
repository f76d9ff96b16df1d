#!/usr/bin/env python
import os
import sys
from pathlib import Path

# platform/ is a source root (no __init__.py: `platform` is also a standard-library module).
sys.path.insert(1, str(Path(__file__).resolve().parent / "platform"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentro.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
