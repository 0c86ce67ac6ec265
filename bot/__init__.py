"""Involve's core: the knowledge base, advice composers and NLP helpers. No Rasa imports here (channels aside)."""
