"""PyInstaller run-time hook: make pyzbar load the libzbar shipped inside the bundle instead of searching the system.

pyzbar looks zbar up with `ctypes.util.find_library`, which only sees system libraries on Linux; the
bundle carries its own copy next to the other shared libraries (`sys._MEIPASS`). On Windows the DLLs
come inside the pyzbar wheel and pyzbar finds them itself.
"""

import sys
from ctypes import cdll
from pathlib import Path


def _use_bundled_zbar() -> None:
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "libzbar.so.0"
    if sys.platform == "win32" or not bundled.is_file():
        return
    from pyzbar import zbar_library

    system_load = zbar_library.load

    def load():
        try:
            return cdll.LoadLibrary(str(bundled)), []
        except OSError:
            return system_load()

    zbar_library.load = load


_use_bundled_zbar()
