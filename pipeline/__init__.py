"""Offline intake of cross-border criminal justice requests."""

from pipeline._exec.openmp import load_single_threaded

load_single_threaded()
