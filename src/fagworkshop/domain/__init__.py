"""The domain: catalogue and session models, changes and analysis. No Textual here."""

from fagworkshop.domain.catalogue import Catalogue, Level
from fagworkshop.domain.session import Session, Step

__all__ = ["Catalogue", "Level", "Session", "Step"]
