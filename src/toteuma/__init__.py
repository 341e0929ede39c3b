"""toteuma: budget-execution and goal reporting for Finnish municipalities."""

__version__ = "0.1.0"
