"""Pure domain: money, periods, organisation, accounts to rows, statements. Standard library only."""
