"""``python -m fagworkshop``: the same as the ``fagworkshop`` command."""

import sys

from fagworkshop.cli import main

sys.exit(main())
