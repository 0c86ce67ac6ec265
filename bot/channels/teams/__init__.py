"""Microsoft Teams through the Bot Framework: token checks, the Connector client, Adaptive Cards, the channel.

Only ``channel.py`` imports Rasa; the other modules are plain Python and tested directly.
"""
