"""Gunicorn: config modules read with ``ast`` (never imported), command lines, the environment.

- ``settings``: the setting table (``settings.json``, generated from Gunicorn) and its validators;
- ``evaluate`` and ``conf``: a config module, followed statement by statement, evaluating only
  what is fixed in the text;
- ``argv``: the command line, by argparse's rules;
- ``environment``: ``GUNICORN_CMD_ARGS`` and the defaults read from ``WEB_CONCURRENCY``/``PORT``.
"""
from ...core.environment import Environment
from .argv import GunicornCommand, parse_gunicorn_argv
from .conf import GunicornConfig, is_gunicorn_text, read_gunicorn_config, read_gunicorn_text
from .environment import environment_defaults, parse_gunicorn_cmd_args
from .settings import GUNICORN_VERSION, SETTINGS, Hook, validate

__all__ = [
    "GUNICORN_VERSION", "SETTINGS", "Environment", "GunicornCommand", "GunicornConfig", "Hook", "environment_defaults",
    "is_gunicorn_text", "parse_gunicorn_argv", "parse_gunicorn_cmd_args", "read_gunicorn_config",
    "read_gunicorn_text", "validate",
]
