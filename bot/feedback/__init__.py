"""Feedback on answers: the buttons that ask "did this help?", and a report of what people said, per topic."""
