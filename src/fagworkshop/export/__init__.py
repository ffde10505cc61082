"""Exports that leave the room: Markdown, printable HTML, CSV, TOML profiles, Excel, Word.

One module per format, all fed by the report model (``report``) and
``domain.analysis``; import from the module you need:

- ``formats``: ``FORMATS`` (text renderers), ``BINARY_FORMATS`` (Excel, Word),
  ``ALL_FORMATS``, ``render`` and ``render_bytes`` by format name;
- ``markdown``, ``html``, ``csv_export``, ``profiles_toml``, ``xlsx_export``,
  ``docx_export``: one format each (``render_<format>(session, with_names=False)``);
- ``common``: ``SUFFIXES`` and ``default_output``;
- ``command``, ``overview_command``, ``self_assessment_command``: the
  ``fagworkshop export``, ``overview`` and ``self-assessment`` commands.

People appear by initials or pseudonym unless ``with_names`` is given. This
package imports nothing itself, so the command line can register its
subcommands without loading a renderer (0.1 to 0.2 s of cold start).
"""
