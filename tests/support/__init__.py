"""Test support: a real PostgreSQL server for the store tests."""
