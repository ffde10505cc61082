"""The session store: TOML files that never lose a morning's work.

One module per concern; import from the module you need (this package imports
nothing itself, so the error types and ``fagworkshop --help`` do not load
pydantic and the models, about 0.25 s):

- ``reading``: ``load_session``, ``load_session_file`` (the session with the
  :class:`~fagworkshop.store.integrity.FileStamp` of the bytes read),
  ``load_catalogue``, ``load_any``, ``backup_info``, ``read_toml``;
- ``writing``: ``save_session`` (atomic, with a ``.bak``, files 0600;
  ``expected=stamp`` refuses with ``OutsideChange`` when the file on disk is
  not those bytes), ``save_catalogue``, ``to_toml``, ``session_file_bytes``;
- ``lock``: ``SessionLock`` keeps a second program from editing the same file;
- ``folders``: ``sessions_dir``, ``new_session_path``, ``copy_path``,
  ``copy_backup``, ``list_sessions`` (``SessionEntry``, ``EntryState``);
- ``errors``: every failure is a ``StoreError`` (``FileProblem``, ``SaveFailed``,
  ``SessionLocked``, ``SessionTruncated``, ``OutsideChange``) whose
  ``describe()`` tells the user what happened and what to do;
- ``backup_info``: ``BackupInfo``, what a file's ``.bak`` holds (a cut-short message);
- ``catalogue_list``: what ``fagworkshop catalogues`` shows, kept between runs;
- ``parsing`` (bytes to a TOML table), ``integrity``, ``migrate``, ``shape``,
  ``encoding``, ``atomic``, ``permissions``, ``settings``, ``terminal_text``: the parts
  underneath.

See ``docs/files.md``.
"""
