"""The core never imports Streamlit: it stays usable from the CLI, tests and other front ends."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import workbench


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(workbench.__path__, "workbench.")
                  if not m.name.startswith("workbench.ui") and "migrations" not in m.name)


def test_every_core_module_imports_with_streamlit_blocked():
    modules = core_modules()
    assert "workbench.align.dp" in modules and "workbench.store.repository" in modules
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'streamlit' or name.startswith('streamlit.'):\n"
            "            raise ImportError('the core must not import streamlit')\n"
            "sys.meta_path.insert(0, Block())\n"
            f"for name in {modules!r}:\n"
            "    __import__(name)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
