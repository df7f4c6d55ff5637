"""Placeholder until the page is written."""
from .page import Page


class BedsPage(Page):
    pass
