"""Remembered passwords of the shared server, in the operating system's keyring.

One keyring entry per server, database and login: the service is
``Campaign Planner postgresql://host:port/database`` (the socket folder stands in for the host
when the URL names one), the user name is the login. The password never goes to the settings
or a log. A machine without a keyring (``keyring.backends.fail``) remembers nothing: the window
asks each time, and the "remember" box is disabled.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError
from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

SERVICE_PREFIX = "Campaign Planner"


def service_name(url: URL) -> str:
    """The keyring service of the server and database ``url`` names (no login, no password)."""
    host = url.host or str(url.query.get("host") or "localhost")
    port = f":{url.port}" if url.port else ""
    return f"{SERVICE_PREFIX} {url.get_backend_name()}://{host}{port}/{url.database or ''}"


def available() -> bool:
    """Whether passwords can be remembered on this computer."""
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except KeyringError:
        return False


def stored(url: URL, login: str) -> str | None:
    """The password remembered for ``login`` on the server and database of ``url``."""
    if not available():
        return None
    try:
        return keyring.get_password(service_name(url), login)
    except KeyringError as exc:
        log.warning("cannot read the keyring: %s", type(exc).__name__)
        return None


def remember(url: URL, login: str, password: str) -> bool:
    """Keep ``password`` in the keyring; False when the keyring refuses (said in the dialog)."""
    if not available():
        return False
    try:
        keyring.set_password(service_name(url), login, password)
    except KeyringError as exc:
        log.warning("cannot write to the keyring: %s", type(exc).__name__)
        return False
    return True


def forget(url: URL, login: str) -> None:
    """Remove the remembered password (the server refused it, or the user unticked the box)."""
    if not available():
        return
    with contextlib.suppress(KeyringError):  # nothing was stored
        keyring.delete_password(service_name(url), login)
