"""wsgilint: checks a Python web deployment across nginx, app server, process manager and kernel."""

__version__ = "0.1.0"
