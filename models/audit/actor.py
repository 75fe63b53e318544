"""Who the changes are by: the session's actor, the program's, the environment's, the OS user."""

from __future__ import annotations

import getpass
import os
import socket

from sqlalchemy import text
from sqlalchemy.orm import Session

ACTOR_VAR = "CAMPAIGN_PLANNER_USER"

_actor: str | None = None


def default_actor() -> str:
    """``$CAMPAIGN_PLANNER_USER``, else ``user@host``: office PCs often share one account name."""
    configured = os.environ.get(ACTOR_VAR, "").strip()
    if configured:
        return configured
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor the password database
        user = "unknown"
    host = socket.gethostname().split(".")[0]
    return f"{user}@{host}" if host else user


def set_actor(name: str | None) -> None:
    """Who the program's following changes are by (None: back to :func:`default_actor`)."""
    global _actor
    _actor = name.strip() if name and name.strip() else None


def current_actor(session: Session | None = None) -> str:
    if session is not None and session.info.get("actor"):
        return str(session.info["actor"])
    return _actor or default_actor()



def signed_in_actor(session: Session) -> str:
    """Who is making this change as the database knows it: on PostgreSQL the role signed in
    (what the history records), on a SQLite file :func:`current_actor`."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.execute(text("SELECT session_user")).scalar_one())
    return current_actor(session)
