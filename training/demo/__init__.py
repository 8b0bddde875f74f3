"""The demo: people, teams and requirements, and the demo pages translated from PO catalogues."""

__all__ = ["scale_data", "seed", "translations"]
