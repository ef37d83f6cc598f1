"""Readers and writers of the plan folder, observation files and data packages."""
