"""fagworkshop: a terminal workshop for strategic competence development in jobcentres."""

__version__ = "0.1.0"
