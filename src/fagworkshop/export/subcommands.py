"""The export package's subcommands as data: ``export``, ``overview``, ``self-assessment``
and ``import-forms`` (what ``--help`` lists and argparse parses).

Declared apart from the modules that run them (``export.command``,
``export.overview_command``, ``export.self_assessment_command``), which load only
when their command runs (:meth:`Subcommand.runner`): importing those three for their
declarations cost ``--help`` and ``catalogues`` about 8 ms each (issue 13).
"""

from __future__ import annotations

from fagworkshop.subcommands import Subcommand, argument, export_options

#: The self-assessment form formats (as ``export.self_assessment.FORMATS``; not imported
#: from there, so ``--help`` does not load the models).
FORM_FORMATS = ("xlsx", "toml")

#: ``export`` (the global options come with every subcommand).
EXPORT = Subcommand(
    "export",
    help="export.cli.help",
    run="fagworkshop.export.command:run",
    arguments=(
        argument("path", help="export.cli.path"),
        # Not required: --person writes Markdown and HTML when no format is given.
        *export_options("export.cli"),
        argument("--person", dest="person", default=None, help="export.cli.person"),
        argument(
            "--per-person", dest="per_person", action="store_true", help="export.cli.per_person"
        ),
    ),
)

#: ``overview`` (``oversigt``): several units' sessions in one file.
OVERVIEW = Subcommand(
    "overview",
    aliases=("oversigt",),
    help="overview.cli.help",
    run="fagworkshop.export.overview_command:run",
    arguments=(
        argument("paths", nargs="+", metavar="SESSION", help="overview.cli.paths"),
        *export_options("overview.cli"),
    ),
)

#: The session file both self-assessment commands take.
SESSION = argument("path", metavar="SESSION", help="sa.cli.session")

#: ``self-assessment`` (``selvvurdering``) and ``import-forms`` (``indlaes``).
SELF_ASSESSMENT = (
    Subcommand(
        "self-assessment",
        aliases=("selvvurdering",),
        help="sa.cli.help",
        description="sa.cli.description",
        run="fagworkshop.export.self_assessment_command:run_forms",
        arguments=(
            SESSION,
            argument("-o", "--output", dest="output", metavar="DIR", help="sa.cli.output"),
            argument(
                "--format",
                "-f",
                dest="format",
                default="xlsx",
                choices=FORM_FORMATS,
                help="sa.cli.format",
            ),
            argument(
                "--person", action="append", dest="people", metavar="ID", help="sa.cli.person"
            ),
            argument("--force", action="store_true", help="sa.cli.force"),
        ),
    ),
    Subcommand(
        "import-forms",
        aliases=("indlaes",),
        help="sa.cli.import_help",
        description="sa.cli.import_description",
        run="fagworkshop.export.self_assessment_command:run_import",
        arguments=(
            SESSION,
            argument("forms", nargs="+", metavar="FORM", help="sa.cli.forms"),
        ),
    ),
)

#: Every subcommand of the export package, in the order ``--help`` lists them.
SUBCOMMANDS = (EXPORT, OVERVIEW, *SELF_ASSESSMENT)
