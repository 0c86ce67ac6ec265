"""The whole-cycle engagement plan: its data, the questions that build it, and the document it becomes."""
