"""Settings for running Involve on more than one server: which tracker store and lock store Rasa uses."""
