"""Recomputed answers, one module per topic (see README.md)."""
