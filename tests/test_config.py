import pytest

from kompas.config import load_settings
from kompas.errors import InvalidInput


def test_defaults():
    s = load_settings({})
    assert s.database_url == "sqlite:///data/kompas.db" and s.poll_seconds == 1.0
    assert s.live == "process" and s.retention_days == 365


@pytest.mark.parametrize("env, named", [
    ({"KOMPAS_POLL_SECONDS": "nul"}, "KOMPAS_POLL_SECONDS"),
    ({"KOMPAS_POLL_SECONDS": "0"}, "KOMPAS_POLL_SECONDS"),
    ({"KOMPAS_LIVE": "redis"}, "KOMPAS_LIVE"),
    ({"KOMPAS_DATABASE_URL": "mysql://x"}, "KOMPAS_DATABASE_URL"),
    ({"KOMPAS_BASE_URL": "localhost"}, "KOMPAS_BASE_URL"),
    ({"KOMPAS_RETENTION_DAYS": "-1"}, "KOMPAS_RETENTION_DAYS"),
    ({"KOMPAS_POLLSECONDS": "1"}, "KOMPAS_POLLSECONDS"),
])
def test_bad_or_unknown_settings_name_the_setting(env, named):
    with pytest.raises(InvalidInput, match=named):
        load_settings(env)
