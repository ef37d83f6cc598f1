"""Computation: formulas, progress methods, commitment status, roll-ups (vectorised, no I/O)."""
