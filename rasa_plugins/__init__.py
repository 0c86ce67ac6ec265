"""Plug-ins Rasa itself loads by module path from its endpoints file. They import Rasa, so they live outside
``bot/`` (the Rasa-free core), as the actions do."""


def source_fingerprint(*modules: object) -> str:
    """A hash of the modules' source, for a component's ``fingerprint_addon``.

    Rasa reuses a cached component output when its config and inputs are unchanged; without this, a change to our
    component code would be ignored until the cache is cleared.
    """
    import hashlib
    import inspect

    digest = hashlib.sha256()
    for module in modules:
        digest.update(inspect.getsource(module).encode())  # type: ignore[arg-type]
    return digest.hexdigest()[:16]
