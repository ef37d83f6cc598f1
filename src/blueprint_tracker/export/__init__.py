"""Exports: the static site (and later PDF and XLSX reports)."""
