"""The read-only HSDS 3.0 API and the Tabular Data Package import/export."""
