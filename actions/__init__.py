"""Thin rasa_sdk adapters: read slots and the message, call one function in ``bot/``, dispatch what it returns."""
