"""The demo: people, teams and requirements, the demo pages translated from PO catalogues, scale data and the load run."""

__all__ = ["load_run", "scale_data", "seed", "translations"]
