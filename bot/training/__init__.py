"""Training mode for new commissioners: quiz questions generated from the knowledge base, and a guided tour."""
