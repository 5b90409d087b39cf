"""The platform's user folders (platformdirs) for the data and the settings; ``$ZHIGAI_CONFIG_DIR``
overrides the settings folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Zhigai"
APP_AUTHOR = "Zhigai"

ENV_CONFIG_DIR = "ZHIGAI_CONFIG_DIR"


def default_data_dir() -> Path:
    """The platform's user data folder (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
