"""A TAXII 2.1 client for one remote collection (OASIS TAXII Version 2.1): Get Objects (§5.4)
paged with ``added_after``, ``limit`` and ``next``; Add Objects (§5.5) in envelopes, then Get
Status (§4.3) until the write is complete.

Every failure is a :class:`accord.errors.RemoteError` with a one-line message: the HTTP
status and the TAXII error resource's title and description, a body that is not JSON, a media
type that is not TAXII's, a connection refused or timed out. Credentials are given to httpx's
auth and appear in no message, URL or log line."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from accord.errors import RemoteError

TAXII = "application/taxii+json;version=2.1"
_TAXII_TYPE = "application/taxii+json"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
_MAX_REASON = 300  # characters of a remote's description kept in a message
DEFAULT_MAX_CONTENT = 4 * 1024 * 1024  # bytes per envelope when the API root does not say
Obj = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Auth:
    """How to authenticate: a bearer token, or HTTP Basic (a user name and a password or an
    API token). The secret is never in the repr."""

    token: str | None = field(default=None, repr=False)
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    def httpx_auth(self) -> httpx.Auth | None:
        if self.user is not None:
            return httpx.BasicAuth(self.user, self.password or "")
        if self.token is not None:
            return _Bearer(self.token)
        return None


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


@dataclass(frozen=True, slots=True)
class ObjectsPage:
    """One envelope of a Get Objects answer."""

    objects: list[Obj]
    more: bool
    next: str | None
    date_added_first: str | None  # X-TAXII-Date-Added-First, when the server sent it
    date_added_last: str | None  # X-TAXII-Date-Added-Last

    @property
    def last_added(self) -> str | None:
        """The date_added of the last object served, for the next ``added_after``: the Last
        header, or the First when one object came and the server sent only that (medallion)."""
        if self.date_added_last is None and len(self.objects) == 1:
            return self.date_added_first
        return self.date_added_last


def collection_url(url: str) -> str:
    """`url` checked as a remote collection's URL (http or https, no credentials in it),
    with one trailing slash, as TAXII's URLs have."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(url, "give the collection's http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise RemoteError(f"{parts.scheme}://{parts.hostname}", "put no credentials in the URL; "
                          "give a token or a user and password instead")  # fmt: skip
    if "/collections/" not in parts.path:
        raise RemoteError(url, "not a TAXII collection URL (.../collections/{id}/)")
    return url.rstrip("/") + "/"


class TaxiiClient:
    """One remote collection, over one HTTP connection pool. A context manager."""

    def __init__(
        self,
        url: str,
        auth: Auth | None = None,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        status_timeout: float = 120.0,
    ) -> None:
        self.url = collection_url(url)
        self.api_root = self.url[: self.url.rindex("/collections/") + 1]
        self.status_timeout = status_timeout
        self._max_content: int | None = None
        self._http = httpx.Client(
            auth=(auth or Auth()).httpx_auth(), timeout=timeout, follow_redirects=False,
            headers={"Accept": TAXII, "User-Agent": "accord-sync/1"},
        )  # fmt: skip

    def __enter__(self) -> TaxiiClient:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # --- reads ----------------------------------------------------------------------------
    def get_objects(
        self,
        *,
        added_after: str | None = None,
        limit: int | None = None,
        next_page: str | None = None,
        versions: str = "all",
    ) -> ObjectsPage:
        """One envelope of the collection's objects (§5.4)."""
        params: dict[str, str] = {"match[version]": versions}
        if added_after is not None:
            params["added_after"] = added_after
        if limit is not None:
            params["limit"] = str(limit)
        if next_page is not None:
            params["next"] = next_page
        response = self._send("GET", f"{self.url}objects/", params=params)
        body = _object(self._json(response), response)
        objects = body.get("objects", [])
        if not isinstance(objects, list) or not all(isinstance(o, dict) for o in objects):
            raise RemoteError(
                str(response.url), "the envelope's 'objects' is not a list of objects"
            )
        more = body.get("more", False) is True
        following = body.get("next")
        return ObjectsPage(
            objects, more, following if isinstance(following, str) and following else None,
            response.headers.get("X-TAXII-Date-Added-First"),
            response.headers.get("X-TAXII-Date-Added-Last"),
        )  # fmt: skip

    def pages(
        self, *, added_after: str | None = None, limit: int | None = 1000
    ) -> Iterator[ObjectsPage]:
        """Every envelope after `added_after`, following ``more`` and ``next``."""
        page = self.get_objects(added_after=added_after, limit=limit)
        yield page
        while page.more and page.objects:
            if page.next is None:  # a server paging by date_added only (§3.4)
                if page.last_added is None:
                    raise RemoteError(self.url, "the server says there is more but gives "
                                      "neither next nor X-TAXII-Date-Added-Last")  # fmt: skip
                following = self.get_objects(added_after=page.last_added, limit=limit)
            else:  # medallion keeps one `next` for every page of a walk
                following = self.get_objects(added_after=added_after, limit=limit,
                                             next_page=page.next)  # fmt: skip
            if following.objects and following.objects == page.objects:
                raise RemoteError(self.url, "the server serves the same page again")
            page = following
            yield page

    # --- writes ---------------------------------------------------------------------------
    def add_objects(self, objects: Sequence[Obj]) -> Obj:
        """Post the objects (§5.5) in as many envelopes as the API root's
        ``max_content_length`` needs, wait for each status to be complete (§4.3), and
        answer one status summing them."""
        statuses = [self._post(chunk) for chunk in self._envelopes(objects)]
        total: Obj = {"status": "complete", "ids": [s.get("id") for s in statuses]}
        for key in ("total_count", "success_count", "failure_count", "pending_count"):
            total[key] = sum(s.get(key, 0) for s in statuses if isinstance(s.get(key), int))
        for key in ("successes", "failures"):
            total[key] = [item for s in statuses if isinstance(s.get(key), list)
                          for item in s[key]]  # fmt: skip
        return total

    def _post(self, encoded: list[bytes]) -> Obj:
        body = b'{"objects":[' + b",".join(encoded) + b"]}"
        response = self._send("POST", f"{self.url}objects/", content=body,
                              headers={"Content-Type": TAXII})  # fmt: skip
        return self.wait(_object(self._json(response), response))

    def _envelopes(self, objects: Sequence[Obj]) -> Iterator[list[bytes]]:
        """The objects serialised, in envelopes of at most ``max_content_length`` bytes (an
        object larger than that alone in its own)."""
        limit = self.max_content_length()
        chunk: list[bytes] = []
        size = len(b'{"objects":[]}')
        for obj in objects:
            encoded = orjson.dumps(obj)
            if chunk and size + len(encoded) + 1 > limit:
                yield chunk
                chunk, size = [], len(b'{"objects":[]}')
            chunk.append(encoded)
            size += len(encoded) + 1
        if chunk:
            yield chunk

    def max_content_length(self) -> int:
        """The API root's ``max_content_length`` (§4.2), read once; 4 MiB when it says none."""
        if self._max_content is None:
            response = self._send("GET", self.api_root)
            value = _object(self._json(response), response).get("max_content_length")
            self._max_content = DEFAULT_MAX_CONTENT
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                self._max_content = value
        return self._max_content

    def status(self, status_id: str) -> Obj:
        response = self._send("GET", f"{self.api_root}status/{status_id}/")
        return _object(self._json(response), response)

    def wait(self, status: Obj) -> Obj:
        """Poll a status resource until it is complete, backing off from 0.25 s to 5 s."""
        deadline = time.monotonic() + self.status_timeout
        delay = 0.25
        while status.get("status") != "complete":
            status_id = status.get("id")
            if not isinstance(status_id, str) or not status_id:
                raise RemoteError(self.url, "the status resource has no id")
            if time.monotonic() > deadline:
                raise RemoteError(self.url, f"status {status_id} still pending after "
                                  f"{self.status_timeout:.0f} s")  # fmt: skip
            time.sleep(delay)
            delay = min(delay * 2, 5.0)
            status = self.status(status_id)
        return status

    # --- HTTP -----------------------------------------------------------------------------
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.ConnectError as exc:
            raise RemoteError(url, f"cannot connect: {_reason(exc)}") from None
        except httpx.TimeoutException as exc:
            raise RemoteError(url, f"timed out: {_reason(exc) or type(exc).__name__}") from None
        except httpx.HTTPError as exc:
            raise RemoteError(url, f"HTTP failed: {_reason(exc)}") from None
        if response.status_code >= 400:
            raise RemoteError(url, _http_error(response))
        if response.status_code >= 300:
            where = response.headers.get("location", "?")
            raise RemoteError(url, f"HTTP {response.status_code}: redirected to {where}")
        return response

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        media = response.headers.get("content-type", "")
        if not _is_taxii(media):
            raise RemoteError(str(response.url), f"answered in {media or 'no media type'!r}, "
                              f"not {TAXII}")  # fmt: skip
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError as exc:
            raise RemoteError(str(response.url), f"the answer is not valid JSON: {exc}") from None


def _is_taxii(media: str) -> bool:
    kind, *params = [p.strip().lower() for p in media.split(";")]
    version = next((p.partition("=")[2].strip('"') for p in params if p.startswith("version=")),
                   "2.1")  # fmt: skip
    return kind == _TAXII_TYPE and version == "2.1"


def _object(value: Any, response: httpx.Response) -> Obj:
    if not isinstance(value, dict):
        raise RemoteError(str(response.url), "the answer is not a JSON object")
    return value


def _http_error(response: httpx.Response) -> str:
    """HTTP status, and the TAXII error resource's title and description when there is one."""
    head = f"HTTP {response.status_code}"
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        body = None
    if isinstance(body, dict):
        parts = [str(body[k]) for k in ("title", "description") if body.get(k)]
        if parts:
            return _clip(f"{head}: {': '.join(parts)}")
    return f"{head} {response.reason_phrase}".strip()


def _reason(exc: Exception) -> str:
    return _clip(str(exc))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"
