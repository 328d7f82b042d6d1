"""Evaluation and benchmark commands (``python -m evaluation.…``): they measure the product and print numbers;
nothing in the product imports them. Only these read ``../shared``."""
