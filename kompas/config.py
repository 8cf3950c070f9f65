"""Settings from KOMPAS_* environment variables, validated once at start."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kompas.errors import InvalidInput


def _int_between(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw)
        if not lo <= value <= hi:
            raise ValueError(f"tussen {lo} en {hi}")
        return value

    return parse


def _choice(*options: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError("een van " + ", ".join(options))
        return raw

    return parse


def _url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ValueError("een adres dat begint met http:// of https://")
    return raw.rstrip("/")


def _database_url(raw: str) -> str:
    if not raw.startswith(("sqlite://", "postgresql")):
        raise ValueError("een sqlite:/// of postgresql+psycopg:// adres")
    return raw


@dataclass(frozen=True)
class Setting:
    """One KOMPAS_* environment variable: its default, how it is read, and what it does
    (the help text is shown in errors; the README lists every setting, see tests)."""

    name: str
    default: str
    parse: Callable[[str], object]
    help: str

    @property
    def attribute(self) -> str:  # KOMPAS_RETENTION_DAYS -> retention_days
        return self.name.removeprefix("KOMPAS_").lower()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "KOMPAS_DATABASE_URL",
            "sqlite:///data/kompas.db",
            _database_url,
            "Database; SQLite-bestand of PostgreSQL.",
        ),
        Setting(
            "KOMPAS_LIVE",
            "process",
            _choice("process", "database"),
            "'process' voor één server, 'database' bij meerdere processen.",
        ),
        Setting(
            "KOMPAS_BASE_URL",
            "http://localhost:8501",
            _url,
            "Adres van de app, voor deelnemerslinks en QR-code.",
        ),
        Setting(
            "KOMPAS_RETENTION_DAYS",
            "365",
            _int_between(1, 3650),
            "Na hoeveel dagen een workshop automatisch wordt verwijderd.",
        ),
        Setting(
            "KOMPAS_JOIN_ATTEMPTS_PER_MINUTE",
            "10",
            _int_between(1, 1000),
            "Maximaal aantal pogingen met een code per minuut per browser.",
        ),
        Setting(
            "KOMPAS_LOG_LEVEL",
            "INFO",
            _choice("DEBUG", "INFO", "WARNING", "ERROR"),
            "Hoeveel de server logt.",
        ),
    )
}


@dataclass(frozen=True)
class Settings:
    """The checked values, one attribute per setting (``KOMPAS_LIVE`` → ``live``)."""

    database_url: str
    live: str
    base_url: str
    retention_days: int
    join_attempts_per_minute: int
    log_level: str
    raw: Mapping[str, str] = field(default_factory=dict, repr=False)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and check every KOMPAS_* variable; an unknown or bad one raises InvalidInput."""
    env = os.environ if environ is None else environ
    unknown = sorted(k for k in env if k.startswith("KOMPAS_") and k not in SETTINGS)
    if unknown:
        raise InvalidInput(
            f"Onbekende instelling {unknown[0]}. Bekend zijn: {', '.join(SETTINGS)}."
        )
    values: dict[str, object] = {}
    for setting in SETTINGS.values():
        raw = env.get(setting.name, setting.default).strip()
        try:
            values[setting.attribute] = setting.parse(raw)
        except ValueError as exc:
            raise InvalidInput(
                f"Instelling {setting.name}={raw!r} klopt niet: verwacht {exc}. ({setting.help})"
            ) from exc
    return Settings(**values, raw={s.name: env.get(s.name, s.default) for s in SETTINGS.values()})
