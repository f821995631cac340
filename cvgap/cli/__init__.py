"""The ``cvgap`` command line: a thin layer over the public API.

One module per command or command group (:mod:`~cvgap.cli.check`, :mod:`~cvgap.cli.batch`,
:mod:`~cvgap.cli.evaluate`, :mod:`~cvgap.cli.taxonomy`), each a typer sub-app joined to the
root app in :mod:`~cvgap.cli.app`; :mod:`~cvgap.cli.support` holds what they share. Only
typer is imported here: every command imports its heavy libraries when it runs, so
``cvgap --help`` is instant.
"""

from cvgap.cli.app import app, main

__all__ = ["app", "main"]
