"""The push route: ``GET /_kompas/live/{workshop}?t=…`` streams the workshop's versions as
Server-Sent Events, one message per change (kompas.live wakes it after each commit). The
watcher component on every page listens to it; nothing polls.

The token in the URL is derived from the workshop's key hash, so only pages that Kompas
served for that workshop can listen, and a stream tells nothing but version numbers."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from kompas import live
from kompas.db import reading
from kompas.models import Workshop
from kompas.ui import runtime

PATH = "/_kompas/live/{workshop}"
KEEPALIVE_SECONDS = 15.0  # a comment line keeps proxies from closing an idle stream
_tokens: dict[tuple[str, int], str] = {}


def _token_for(key_hash: str, workshop_id: int) -> str:
    return hmac.new(key_hash.encode(), f"live:{workshop_id}".encode(), hashlib.sha256).hexdigest()[
        :32
    ]


def stream_token(engine, workshop_id: int) -> str | None:
    """The stream token of a workshop; None when it does not exist."""
    key = (str(engine.url), workshop_id)
    if key not in _tokens:
        with reading(engine) as db:
            key_hash = db.execute(
                select(Workshop.key_hash).where(Workshop.id == workshop_id)
            ).scalar()
        if key_hash is None:
            return None
        _tokens[key] = _token_for(key_hash, workshop_id)
    return _tokens[key]


def stream_url(workshop_id: int) -> str:
    """The address a page's watcher listens to."""
    token = stream_token(runtime.engine(), workshop_id) or ""
    return f"/_kompas/live/{workshop_id}?t={token}"


def _event(versions: dict) -> str:
    return f"data: {json.dumps(versions, separators=(',', ':'))}\n\n"


async def live_stream(request: Request) -> Response:
    try:
        workshop_id = int(request.path_params["workshop"])
    except ValueError:
        return Response(status_code=404)
    engine = await asyncio.to_thread(runtime.engine)
    expected = await asyncio.to_thread(stream_token, engine, workshop_id)
    if expected is None or not hmac.compare_digest(expected, request.query_params.get("t", "")):
        return Response(status_code=403)
    settings = runtime.settings()
    if settings.live == "database":
        live.LISTENERS.start(engine)
    key = str(engine.url)
    sub = live.HUB.subscribe(key, workshop_id)

    async def events():
        try:
            yield "retry: 2000\n\n"
            now = live.HUB.known(key, workshop_id) or await asyncio.to_thread(
                live.versions_of, engine, workshop_id, mode=settings.live
            )
            yield _event(now)
            sent = now["version"]
            while True:
                news = await sub.next(KEEPALIVE_SECONDS)
                if news is None:
                    yield ": ping\n\n"
                elif news["version"] > sent:  # (reading ``now`` may have woken us with it)
                    sent = news["version"]
                    yield _event(news)
        finally:
            live.HUB.unsubscribe(sub)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def routes() -> list[Route]:
    return [Route(PATH, live_stream)]
