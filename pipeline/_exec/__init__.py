"""Wrappers for external programs."""
