"""Conversations, one module per flow. Thin: they ask, validate and call domain use-cases."""
