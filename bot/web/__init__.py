"""The web chat page: static files and the rasa-webchat bundle, served on loopback by ``python -m bot.web``."""
