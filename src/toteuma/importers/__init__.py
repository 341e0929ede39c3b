"""Files to records and problems: reads CSV and XLSX as exported; never touches the database."""
