"""Settings: defaults, TOML, environment, overrides, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import ConfigError
from accord.settings import Settings


def test_default_database_is_sqlite_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings.load(env={"ACCORD_DATA_DIR": str(tmp_path)})
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'accord.db'}"


def test_precedence_toml_then_environment_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "accord.toml"
    config.write_text('[accord]\ndatabase_url = "sqlite:///from-toml.db"\nlog_level = "DEBUG"\n')
    from_toml = Settings.load(env={}, config_file=config)
    assert (from_toml.database_url, from_toml.log_level) == ("sqlite:///from-toml.db", "DEBUG")
    env = {"ACCORD_DATABASE_URL": "sqlite:///from-env.db"}
    assert Settings.load(env=env, config_file=config).database_url == "sqlite:///from-env.db"
    flag = Settings.load(env=env, config_file=config, database_url="sqlite:///flag.db")
    assert flag.database_url == "sqlite:///flag.db"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[accord]\nsecret_sauce = 1\n", "unknown setting"),
        ("[accord\n", "cannot read config"),
        ('[accord]\nenvironment = "staging"\n', "environment must be one of"),
    ],
)
def test_bad_config_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    config = tmp_path / "accord.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=message):
        Settings.load(env={}, config_file=config)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        Settings.load(env={"ACCORD_CONFIG": str(tmp_path / "none.toml")})
