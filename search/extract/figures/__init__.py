"""Figures: numbers with units, what they measure, and who claims them."""
