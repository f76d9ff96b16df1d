"""`platform/` is a source root: it must never shadow the standard-library module."""

import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_platform_is_the_standard_library_module_in_tests():
    import platform

    assert Path(platform.__file__).parent == Path(sysconfig.get_paths()["stdlib"])
    assert platform.system()


def test_platform_is_the_standard_library_module_from_the_repository_root():
    # As manage.py and the kentro command run: from the root, with platform/ on the path.
    code = "import platform, uuid; print(platform.system()); print(platform.__file__)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'platform'}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    system, module_file = result.stdout.split()
    assert system == "Linux"
    assert not module_file.startswith(str(ROOT))
