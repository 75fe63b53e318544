"""Keeping the data safe: ``backup``, ``restore``, ``dump``, ``load`` and ``history``.

    backup FILE            SQLite online backup (others may keep working)
    restore FILE [--force] put a backup back; a database holding data needs --force
    dump FILE.json         the whole campaign as one JSON document (SQLite or PostgreSQL)
    load FILE.json [--force]
    history CODE | --person ID | --organisation ID [--json]
    history --verify       recompute the history's hash chain; name the first broken row
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli.context import Context, UsageError
from models import tables
from models.audit.chain import verify_chain
from models.audit.history import AuditRow, find_record, record_history
from models.audit.labels import describe_value, field_label, local_time
from models.directory_lookup import find_organisation, find_person
from models.errors import NotFoundError
from models.language import Lang
from models.record_types import RecordType


def _counted(counts: dict[str, int]) -> tuple[int, int]:
    """The rows and the history entries a dump or load counted, by table."""
    return sum(n for name, n in counts.items() if name != "audit_log"), counts.get("audit_log", 0)


def _file_and_force(parser: argparse.ArgumentParser, file_help: str, force_help: str) -> None:
    parser.add_argument("file", help=file_help)
    parser.add_argument("--force", action="store_true", help=force_help)


class BackupCommand:
    NAME = "backup"
    HELP = "备份 SQLite 数据库到文件，使用中也可备份 (online backup of the SQLite database)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", help="the backup file to write (replaced if it exists)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from models.backup import backup_database  # Alembic: the verbs that move databases

        target = backup_database(ctx.url, args.file)
        size = target.stat().st_size
        ctx.print(f"已备份到 (backed up to) {target}（{size / 1024:,.0f} KB）")
        return 0


class RestoreCommand:
    NAME = "restore"
    HELP = "从备份文件恢复 SQLite 数据库；覆盖已有数据需 --force (restore a backup)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        _file_and_force(parser, "a backup written by the backup command",
                        "overwrite a database that holds data (a copy of it is kept)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from models.backup import restore_database

        result = restore_database(ctx.url, args.file, force=args.force)
        ctx.print(f"已恢复 (restored) {result.database} ← {Path(args.file).expanduser()}")
        if result.replaced_copy is not None:
            ctx.print(f"原数据已另存为 (the replaced data was kept as) {result.replaced_copy}")
        return 0


class DumpCommand:
    NAME = "dump"
    HELP = "把整个计划导出为一个 JSON 文件 (the whole campaign as one JSON document)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", help="the .json file to write (replaced if it exists)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from models.dump import write_dump  # every table, and Alembic for the schema's name

        with ctx.sessions()() as session:
            rows, entries = _counted(write_dump(session, args.file))
        ctx.print(f"已导出 {rows} 行、{entries} 条修改记录到 {args.file} "
                  f"(dumped {rows} rows and {entries} history entries)")
        return 0


class LoadCommand:
    NAME = "load"
    HELP = "载入 dump 导出的 JSON 文件；替换已有数据需 --force (load a JSON dump)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        _file_and_force(parser, "a .json file written by the dump command",
                        "replace a database that holds data (its content is dumped first)")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        from models.dump import holds_data, load_document, read_dump, write_dump

        document = read_dump(args.file)
        sessions = ctx.sessions()
        kept = None
        if args.force:
            with sessions() as session:
                if holds_data(session):
                    kept = Path(args.file).expanduser().resolve().with_name(
                        f"before-load-{datetime.now():%Y%m%d-%H%M%S}.json")
                    write_dump(session, kept)
        with sessions.begin() as session:
            rows, entries = _counted(load_document(session, document, replace=args.force))
        ctx.print(f"已载入 {rows} 行、{entries} 条修改记录 "
                  f"(loaded {rows} rows and {entries} history entries)")
        if kept is not None:
            ctx.print(f"原数据已导出为 (the replaced data was dumped to) {kept}")
        return 0


class HistoryCommand:
    NAME = "history"
    HELP = "显示一条记录的修改记录：谁、何时、改了什么 (the audit trail of a record)"

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("code", nargs="?", help="a trip, event or lead code, e.g. TRIP-2023-007")
        parser.add_argument("--person", metavar="ID", help="a person's id (or exact name)")
        parser.add_argument("--organisation", metavar="ID", help="an organisation's id (or exact name)")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--verify", action="store_true",
                            help="check that no history row was changed or removed (hash chain); "
                                 "exit 1 when one was")

    def run(self, args: argparse.Namespace, ctx: Context) -> int:
        chosen = [x for x in (args.code, args.person, args.organisation) if x]
        if args.verify:
            if chosen:
                raise UsageError("history: --verify 检查全部记录，不带编号 "
                                 "(--verify checks the whole history: give no CODE)")
            return _verify(ctx)
        if len(chosen) != 1:
            raise UsageError("history: 请给出一个编号，或 --person ID，或 --organisation ID "
                             "(give one CODE, --person ID or --organisation ID)")
        with ctx.sessions()() as session:
            if args.code:
                record_type, record_id, label = find_record(session, args.code)
            else:
                record_type = RecordType.PEOPLE if args.person else RecordType.ORGANISATIONS
                record_id, label = _directory_id(session, record_type,
                                                 args.person or args.organisation)
            entries = record_history(session, record_type, record_id)
        if args.json:
            ctx.print_json([history_json(e, ctx.lang) for e in entries])
            return 0
        ctx.print(history_text(label, entries, ctx.lang))
        return 0


def _verify(ctx: Context) -> int:
    with ctx.sessions()() as session:
        report = verify_chain(session.connection())
    if report.intact:
        ctx.print(ctx.lang.pick(
            f"修改记录完整：{report.count} 条，哈希链无误 "
            f"(history intact: {report.count} rows, hash chain verified)",
            f"History intact: {report.count} rows, hash chain verified"))
        return 0
    if report.broken_id is None:  # the chain fits, but its newest rows are not the head's
        after = report.removed_after
        ctx.warn(ctx.lang.pick(
            f"修改记录被删除：第 {after} 条之后最新的记录已不在，哈希链的链头与之不符 "
            f"(history broken: the newest rows after #{after} were removed)",
            f"History broken: the newest rows after #{after} were removed"))
        return 1
    when = local_time(report.broken_at) if report.broken_at else ""
    kind = RecordType.parse(report.broken_type)
    record = (f"{kind.label(Lang.ZH)} {report.broken_label}" if kind else report.broken_record)
    record_en = (f"{kind.label(Lang.EN)} {report.broken_label}" if kind else report.broken_record)
    ctx.warn(ctx.lang.pick(
        f"修改记录被改动或删除：第 {report.broken_id} 条（{when}，{record}）"
        f"或其前一条与哈希链不符 (history broken at row {report.broken_id}, {when}, "
        f"{record_en}: it or the row before it was changed or removed)",
        f"History broken at row {report.broken_id} ({when}, {record_en}): it or "
        "the row before it was changed or removed"))
    return 1


def _directory_id(session: Session, record_type: RecordType, given: str) -> tuple[int, str]:
    """The id and name of a person (``people``) or an organisation (``organisations``), or of
    one since deleted: a deleted record still has its history."""
    find = find_person if record_type is RecordType.PEOPLE else find_organisation
    try:
        row = find(session, given)
    except NotFoundError:
        text = given.strip()
        audit = tables.audit_log.c
        cond = audit.record_id == int(text) if text.isdigit() else audit.record_label == text
        gone = session.execute(select(audit.record_id, audit.record_label)
                               .where(audit.record_type == record_type, cond)
                               .order_by(audit.id.desc())).first()
        if gone is None:
            raise
        return int(gone.record_id), str(gone.record_label)
    return row.id, row.name_zh


def history_json(entry: AuditRow, lang: Lang = Lang.ZH) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "record": entry.record_label,
        "revision": entry.revision,
        "changes": [
            {"field": c.field, "label": field_label(c.field, lang, entry.record_type),
             "old": c.old, "new": c.new}
            for c in entry.changes
        ],
    }


def history_text(label: str, entries: list[AuditRow], lang: Lang = Lang.ZH) -> str:
    if lang == "en":
        lines = [f"{label}: {len(entries)} change(s)"]
    else:
        lines = [f"{label} 的修改记录：{len(entries)} 条 ({len(entries)} change(s))"]
    if not entries:
        lines.append(lang.pick("（没有记录）(no history)", "(no history)"))
    for e in entries:
        revision = f"  rev {e.revision}" if e.revision is not None else ""
        lines.append("")
        lines.append(f"{local_time(e.at)}  {e.actor}  {e.action_label(lang)} {e.what(lang)}{revision}")
        for change in e.changes:
            old = describe_value(e.record_type, change.field, change.old, lang)
            new = describe_value(e.record_type, change.field, change.new, lang)
            name = field_label(change.field, lang, e.record_type)
            if e.action == "create":
                lines.append(f"    {name}: {new}")
            elif e.action == "delete":
                lines.append(f"    {name}: {old}")
            else:
                lines.append(f"    {name}: {old} → {new}")
    return "\n".join(lines)


DataCommand = BackupCommand | RestoreCommand | DumpCommand | LoadCommand | HistoryCommand
BACKUP, RESTORE, DUMP, LOAD, HISTORY = (BackupCommand(), RestoreCommand(), DumpCommand(),
                                       LoadCommand(), HistoryCommand())
COMMANDS: tuple[DataCommand, ...] = (BACKUP, RESTORE, DUMP, LOAD, HISTORY)
