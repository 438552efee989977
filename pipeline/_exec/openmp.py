"""Tesseract's OpenMP runtime, loaded before anything else and limited to one thread.

libgomp reads OMP_THREAD_LIMIT once, when it loads, and every library that
asks for `libgomp.so.1` shares the first copy loaded.  torch (which spaCy's
thinc imports when it is installed) ships its own `libgomp.so.1`: when it
loaded first, Tesseract ran multi-threaded (several times slower on two cores
than one page per core) and OCR workers forked after a parallel region hung
in a gomp barrier.  So the package loads the system libgomp first, with the
limit set only while it loads.  CTranslate2 bundles a renamed libgomp, reads
the environment again, and keeps its threads.
"""

from __future__ import annotations

import ctypes
import os

LIBRARY = "libgomp.so.1"


def load_single_threaded() -> None:
    previous = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        ctypes.CDLL(LIBRARY)
    except OSError:  # no system OpenMP: Tesseract is missing too, and says so when needed
        pass
    finally:
        if previous is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = previous
