"""Command line: ``python -m kompas demo | list | export | backup | import | vervolg``.

Exit 0 on success, 2 on refused input (a one-line Dutch message on stderr), never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kompas import workshops
from kompas.config import load_settings
from kompas.db import make_engine, reading, writing
from kompas.demo_series import create_demo_series
from kompas.errors import KompasError
from kompas.formats import datetime_nl
from kompas.series import follow_up

FORMATS = ("docx", "pdf", "xlsx", "md", "json")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code is 2 as well; keep it one line
        print(f"kompas: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m kompas", description="Kompas op de command line.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    demo = sub.add_parser("demo", help="maak de demo-workshop aan")
    demo.add_argument("--if-empty", action="store_true", help="alleen als de database leeg is")
    sub.add_parser("list", help="toon alle workshops")
    exp = sub.add_parser("export", help="exporteer een workshop")
    exp.add_argument("code")
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("--output", required=True)
    exp.add_argument(
        "--with-names",
        action="store_true",
        help="JSON: met namen en organisaties van deelnemers (standaard "
        "schuilnamen: Deelnemer 1, 2, …); alleen voor je eigen archief",
    )
    backup = sub.add_parser("backup", help="schrijf een JSON-back-up van elke workshop")
    backup.add_argument("--output", required=True, help="map voor de bestanden")
    backup.add_argument(
        "--with-names",
        action="store_true",
        help="met namen en organisaties van deelnemers (standaard schuilnamen)",
    )
    imp = sub.add_parser("import", help="importeer een JSON-export als nieuwe workshop")
    imp.add_argument("path")
    nxt = sub.add_parser("vervolg", help="start de vervolgsessie van een workshop")
    nxt.add_argument("code")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        settings = load_settings()
        engine = make_engine(settings.database_url)
        return _run(args, engine, settings)
    except KompasError as exc:
        print(f"kompas: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"kompas: bestand kan niet worden gelezen of geschreven: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2


def _links(settings, code: str, key: str) -> None:
    print(f"code: {code}")
    print(f"facilitator: {settings.base_url}/?code={code}&f={key}")
    print(f"participant: {settings.base_url}/?code={code}")


def _run(args, engine, settings) -> int:
    if args.command == "demo":
        with writing(engine) as db:
            if args.if_empty and workshops.list_workshops(db):
                print(
                    "De database heeft al workshops; geen demo aangemaakt. "
                    "Zie: python -m kompas list"
                )
                return 0
            first, new = create_demo_series(db)
        # the follow-up session: it shows the review and the partners' movement at once
        _links(settings, new.code, new.facilitator_key)
        print(f"eerste sessie: {settings.base_url}/?code={first.code}&f={first.facilitator_key}")
        return 0
    if args.command == "list":
        with reading(engine) as db:
            rows = workshops.list_workshops(db)
        for row in rows:
            print(
                f"{row.code}\t{row.title}\t{datetime_nl(row.created_at)}\t{row.participants} deelnemers"
            )
        return 0
    if args.command == "export":
        with reading(engine) as db:
            workshop = workshops.find_workshop(db, args.code)
            if workshop is None:
                raise KompasError(f"Er is geen workshop met code {args.code}.")
            # imported here for start-up speed: kompas.export brings the report and its
            # charts (altair), which only export and import need
            from kompas.export import export_bytes

            if args.with_names and args.format != "json":
                raise KompasError(
                    "--with-names hoort bij --format json; het verslag volgt "
                    "de instelling 'Namen van deelnemers in het verslag'."
                )
            data = export_bytes(db, workshop.id, args.format, with_names=args.with_names)
        Path(args.output).write_bytes(data)
        print(f"{args.output}: {len(data)} bytes")
        return 0
    if args.command == "backup":
        from kompas.export.backup import write_backup  # start-up speed, as above

        files = write_backup(engine, Path(args.output), with_names=args.with_names)
        for item in files:
            print(f"{item.path}: {item.size} bytes")
        print(f"{len(files)} {'workshop' if len(files) == 1 else 'workshops'} in {args.output}")
        return 0
    if args.command == "import":
        from kompas.export.json_io import import_document  # start-up speed, as above

        raw = Path(args.path).read_bytes()
        with writing(engine) as db:
            new = import_document(db, raw)
        print(f"code: {new.code}")
        print(f"facilitator: {settings.base_url}/?code={new.code}&f={new.facilitator_key}")
        return 0
    if args.command == "vervolg":
        with writing(engine) as db:
            workshop = workshops.find_workshop(db, args.code)
            if workshop is None:
                raise KompasError(f"Er is geen workshop met code {args.code}.")
            new = follow_up(db, workshop.id)
        print(f"code: {new.code}")
        print(f"facilitator: {settings.base_url}/?code={new.code}&f={new.facilitator_key}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
