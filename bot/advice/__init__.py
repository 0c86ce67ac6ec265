"""Advice composers: pure functions from knowledge-base queries to plain-language replies."""
