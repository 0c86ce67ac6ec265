"""Plug-ins Rasa itself loads by module path from its endpoints file. They import Rasa, so they live outside
``bot/`` (the Rasa-free core), as the actions do."""
