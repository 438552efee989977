"""Offline intake of cross-border criminal justice requests."""
