"""`make bench`: the product under gunicorn with thousands of people, measured from the outside and inside.

`python -m training.benchmark` creates a fresh database, loads the demo and the scale data, serves
the product with production settings on loopback, and prints one table (see README, Performance).
"""
