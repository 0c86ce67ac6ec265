"""Language helpers: lemmas for search and the spaCy pipeline that Rasa's NLU loads."""
