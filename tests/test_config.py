import pytest

from kompas.config import load_settings
from kompas.errors import InvalidInput


def test_defaults():
    s = load_settings({})
    assert s.database_url == "sqlite:///data/kompas.db" and s.join_attempts_per_minute == 10
    assert s.live == "process" and s.retention_days == 365


@pytest.mark.parametrize(
    "env, named",
    [
        ({"KOMPAS_RETENTION_DAYS": "nul"}, "KOMPAS_RETENTION_DAYS"),
        ({"KOMPAS_RETENTION_DAYS": "0"}, "KOMPAS_RETENTION_DAYS"),
        ({"KOMPAS_LIVE": "redis"}, "KOMPAS_LIVE"),
        ({"KOMPAS_DATABASE_URL": "mysql://x"}, "KOMPAS_DATABASE_URL"),
        ({"KOMPAS_BASE_URL": "localhost"}, "KOMPAS_BASE_URL"),
        ({"KOMPAS_RETENTION_DAYS": "-1"}, "KOMPAS_RETENTION_DAYS"),
        ({"KOMPAS_POLLSECONDS": "1"}, "KOMPAS_POLLSECONDS"),
        ({"KOMPAS_POLL_SECONDS": "1"}, "KOMPAS_POLL_SECONDS"),  # gone: pages are pushed now
    ],
)
def test_bad_or_unknown_settings_name_the_setting(env, named):
    with pytest.raises(InvalidInput, match=named):
        load_settings(env)
