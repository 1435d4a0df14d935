"""`ipu templates check`: render every template against the case base."""

from __future__ import annotations

import sys

import typer

from ipu_cli.cli.options import RootOption, TodayOption, resolve_root, resolve_today

templates_app = typer.Typer(help="Check the document templates (Jinja and Word).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(templates_app, name="templates")


@templates_app.command("check")
def check(root: RootOption = None, today: TodayOption = None) -> None:
    """Render every template; report undeclared variables.

    Each template is rendered with contexts from the case base. Exit 0 when
    every template renders, 1 otherwise.
    """
    from ipu_cli.checks.pipeline import load_case_base
    from ipu_cli.documents.templatecheck import check_templates
    from ipu_cli.domain.words import counted
    from ipu_cli.edits.newcase import skeleton_builders

    repo = resolve_root(root)
    resolve_today(today)  # a malformed --today is refused here too
    reports = check_templates(repo, load_case_base(repo), skeleton_builders())
    failed = 0
    for report in reports:
        if report.problems:
            failed += 1
            for problem in report.problems:
                sys.stdout.write(f"templates/{report.name}: {problem}\n")
        elif report.via:
            sys.stdout.write(f"templates/{report.name}: ok (through {', '.join(report.via)})\n")
        elif report.skipped:
            sys.stdout.write(f"templates/{report.name}: not checked: {report.skipped}\n")
        else:
            sys.stdout.write(f"templates/{report.name}: ok ({counted(report.contexts, 'context')})\n")
    sys.stderr.write(f"{counted(len(reports), 'template')}, {failed} with problems\n")
    raise typer.Exit(1 if failed else 0)
