"""Polkuopas core: the customer-journey interview assistant (no UI code here)."""

__version__ = "0.1.0"
