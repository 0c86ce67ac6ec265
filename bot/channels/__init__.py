"""Input channels: the only part of ``bot/`` allowed to import Rasa (they subclass Rasa's channel classes)."""
