"""Booth POS: an offline point of sale for exhibition stands selling for many artisans."""

__version__ = "0.1.0"
