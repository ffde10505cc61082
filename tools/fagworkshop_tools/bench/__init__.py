"""The benchmark (ydelsesmåling): fagworkshop measured against the floor it cannot beat.

Each scenario times the application and, in the same run, a floor: the
cheapest program doing the same job with Python and Textual alone
(``floors``). ``python -m fagworkshop_tools.bench`` prints the table and writes
JSON; ``--quick`` runs small sizes once, as the test suite does.

Nothing here is imported by the application; it is a developer tool, so its
output is in English only.
"""
